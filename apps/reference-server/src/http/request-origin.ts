import type { Context } from "hono";

/**
 * Where a request came from, as the audit log keeps it: the first address of the proxy's
 * `X-Forwarded-For`, or null without one. The back office and the API both record it.
 */
export function requestOrigin(c: Context): string | null {
  return c.req.header("x-forwarded-for")?.split(",")[0]?.trim() || null;
}
