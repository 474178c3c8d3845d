import type { Tessera } from "@tessera/core";
import type { Context } from "hono";
import type { ServerConfig } from "../config/server-config";
import type { AppEnv } from "../http/app-env";
import { pageData } from "../http/page-data";
import { formText, readFormBody } from "../http/read-form-body";
import { requestOrigin } from "../http/request-origin";
import type { MessageKey } from "../i18n/message-catalog";
import type { ViewRenderer } from "../views/view-renderer";
import type { BackOfficeEnv } from "./back-office-env";
import { checkLoginCsrf, csrfField, issueLoginCsrf } from "./csrf";
import { safeReturnPath } from "./public-address";
import { clearStaffCookie, isSecureRequest, readStaffCookie, writeStaffCookie } from "./staff-cookie";

export interface LoginDeps {
  tessera: Tessera;
  views: ViewRenderer;
  config: ServerConfig;
  cookieSecret: string;
}

function renderLogin(
  c: Context<AppEnv>,
  deps: LoginDeps,
  state: { email: string; error: MessageKey | null; next: string; status: 200 | 401 | 403 | 429 },
  params: Record<string, number> = {},
) {
  const t = c.get("t");
  const token = issueLoginCsrf(c, isSecureRequest(c, deps.config.publicUrl));
  c.header("Cache-Control", "no-store");
  return c.html(
    deps.views.render("admin-login", {
      ...pageData(c, t("admin.login.title"), { name: t("admin.brand"), href: "/admin" }),
      email: state.email,
      error: state.error ? t(state.error, params) : null,
      next: state.next,
      csrf: { field: csrfField, token },
    }),
    state.status,
  );
}

/** GET /admin/login */
export function showLogin(deps: LoginDeps) {
  return (c: Context<AppEnv>) =>
    renderLogin(c, deps, { email: "", error: null, next: safeReturnPath(c.req.query("next")), status: 200 });
}

/**
 * POST /admin/login — e-mail and password. A wrong pair, an unknown e-mail and a disabled
 * member all read "e-mail or password incorrect"; after five failures in fifteen minutes the
 * account is locked for a while, and the page says for how long.
 */
export function submitLogin(deps: LoginDeps) {
  return async (c: Context<AppEnv>) => {
    const body = await readFormBody(c);
    const email = formText(body, "email", 254);
    const next = safeReturnPath(formText(body, "next"));
    if (!(await checkLoginCsrf(c))) {
      return renderLogin(c, deps, { email, error: "admin.login.expired", next, status: 403 });
    }
    const result = await deps.tessera.staff.authenticate({
      email,
      password: typeof body["password"] === "string" ? body["password"].slice(0, 1_000) : "",
      from: requestOrigin(c) ?? "",
    });
    if (result.status === "locked") {
      return renderLogin(
        c,
        deps,
        { email, error: "admin.login.locked", next, status: 429 },
        {
          minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)),
        },
      );
    }
    if (result.status !== "authenticated") {
      return renderLogin(c, deps, { email, error: "admin.login.invalid", next, status: 401 });
    }
    await writeStaffCookie(
      c,
      deps.cookieSecret,
      result.session.token,
      isSecureRequest(c, deps.config.publicUrl),
    );
    await deps.tessera.audit.record({
      organizationId: result.staff.organizationId,
      actor: { kind: "staff", id: result.staff.id },
      action: "staff.signed_in",
      from: requestOrigin(c),
    });
    return c.redirect(next, 303);
  };
}

/** POST /admin/logout — ends the session here and in storage. */
export function submitLogout(deps: LoginDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const token = await readStaffCookie(c, deps.cookieSecret);
    if (token) await deps.tessera.staff.endSession(token);
    clearStaffCookie(c);
    return c.redirect("/admin/login", 303);
  };
}
