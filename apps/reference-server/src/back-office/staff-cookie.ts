import { createHmac } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";

/** The session cookie: the session's token, signed, for the back office's paths only. */
export const staffCookieName = "tessera_staff";

/** Sessions end after 12 hours whatever happens (core's absolute lifetime); the cookie with them. */
const cookieMaxAgeSeconds = 12 * 60 * 60;

/** A cookie-signing secret of its own, derived from the server's key. */
export function cookieSecretOf(serverKey: Uint8Array): string {
  return createHmac("sha256", serverKey).update("staff-session-cookie").digest("hex");
}

/** Whether the visitor reached us over HTTPS (directly, or as the configured public URL says). */
export function isSecureRequest(c: Context, publicUrl: string | null): boolean {
  return (publicUrl ?? c.req.url).startsWith("https:");
}

export async function readStaffCookie(c: Context, secret: string): Promise<string | null> {
  const value = await getSignedCookie(c, secret, staffCookieName);
  return typeof value === "string" && value !== "" ? value : null;
}

/** HttpOnly (no script reads it), SameSite=Lax (no other site's form sends it), Secure over HTTPS. */
export async function writeStaffCookie(c: Context, secret: string, token: string, secure: boolean) {
  await setSignedCookie(c, staffCookieName, token, secret, {
    path: "/admin",
    httpOnly: true,
    sameSite: "Lax",
    secure,
    maxAge: cookieMaxAgeSeconds,
  });
}

export function clearStaffCookie(c: Context) {
  deleteCookie(c, staffCookieName, { path: "/admin" });
}
