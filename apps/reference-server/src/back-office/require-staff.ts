import type { Tessera } from "@tessera/core";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { BackOfficeEnv } from "./back-office-env";
import { csrfTokenOf } from "./csrf";
import { clearStaffCookie, readStaffCookie } from "./staff-cookie";

/**
 * Lets a request through only with a live session: its member and CSRF token go on the
 * context. Without one, a page read goes to the log-in page (and back after it); anything
 * else is 401.
 */
export function requireStaff(deps: { tessera: Tessera; cookieSecret: string }) {
  return createMiddleware<BackOfficeEnv>(async (c, next) => {
    const token = await readStaffCookie(c, deps.cookieSecret);
    const found = token ? await deps.tessera.staff.session(token) : null;
    if (!found) {
      if (token) clearStaffCookie(c);
      if (c.req.method === "GET") {
        const next = encodeURIComponent(c.req.path + (new URL(c.req.url).search || ""));
        return c.redirect(`/admin/login?next=${next}`, 303);
      }
      throw new HTTPException(401, { message: "sign in first" });
    }
    c.set("staff", found.staff);
    c.set("csrfToken", csrfTokenOf(found.session.csrfSecret));
    c.header("Cache-Control", "no-store");
    await next();
  });
}
