import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../http/app-env";
import { readFormBody } from "../http/read-form-body";

/** The hidden input every back-office form carries. */
export const csrfField = "_csrf";

/** A session's CSRF token: a MAC of the session's own secret, so it needs no storage of its own. */
export function csrfTokenOf(csrfSecret: string): string {
  return createHmac("sha256", csrfSecret).update("back-office-form").digest("base64url");
}

export function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== "string" || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** The token a request carries: the form's hidden input, or (for scripts) the `x-csrf-token` header. */
export async function givenCsrfToken(c: Context): Promise<string | null> {
  const header = c.req.header("x-csrf-token");
  if (header) return header;
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data"))
    return null;
  const value = (await readFormBody(c))[csrfField];
  return typeof value === "string" ? value : null;
}

/**
 * Refuses (403) a state-changing request whose token is not the session's (`requireStaff` puts it on the context): another site can
 * make a signed-in browser post to us, but cannot read the page that holds the token.
 */
export function requireCsrf() {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      if (!sameToken(await givenCsrfToken(c), c.get("csrfToken") ?? "")) {
        throw new HTTPException(403, { message: "the form's CSRF token is missing or wrong" });
      }
    }
    await next();
  });
}

/** Before a session exists (the log-in form): a random token in a cookie and in the form, which must match. */
export const loginCsrfCookie = "tessera_login_csrf";

export function issueLoginCsrf(c: Context, secure: boolean): string {
  const existing = getCookie(c, loginCsrfCookie);
  const token = existing && /^[\w-]{43}$/.test(existing) ? existing : randomBytes(32).toString("base64url");
  setCookie(c, loginCsrfCookie, token, {
    path: "/admin",
    httpOnly: true,
    sameSite: "Strict",
    secure,
    maxAge: 3600,
  });
  return token;
}

export async function checkLoginCsrf(c: Context): Promise<boolean> {
  const cookie = getCookie(c, loginCsrfCookie);
  return cookie !== undefined && sameToken(await givenCsrfToken(c), cookie);
}
