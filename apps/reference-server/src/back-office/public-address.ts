import type { Context } from "hono";

/**
 * The address buyers reach the server at, with a trailing slash: the configured public URL,
 * or the one this request came in by — for the links staff copy and share.
 */
export function publicBase(c: Context, publicUrl: string | null): string {
  return publicUrl ?? `${new URL(c.req.url).origin}/`;
}

/** Where a log-in may send the member back to: a back-office path of ours, never another site. */
export function safeReturnPath(next: string | undefined): string {
  return next && /^\/admin(\/[\w\-/.~%]*)?(\?[\w\-=&%.~]*)?$/.test(next) && !next.includes("//")
    ? next
    : "/admin";
}
