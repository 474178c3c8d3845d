import type { Tessera } from "@tessera/core";
import { Hono } from "hono";
import type { BackOfficeEnv } from "../back-office/back-office-env";
import { requireCsrf } from "../back-office/csrf";
import { dashboardPage } from "../back-office/dashboard-page";
import { showLogin, submitLogin, submitLogout } from "../back-office/login-page";
import { archivePlan, savePlan, showPlanForm } from "../back-office/plan-edit-page";
import { planListPage } from "../back-office/plan-list-page";
import { requireStaff } from "../back-office/require-staff";
import { cookieSecretOf } from "../back-office/staff-cookie";
import type { ServerConfig } from "../config/server-config";
import type { Logger } from "../logging/logger";
import type { ViewRenderer } from "../views/view-renderer";
import { errorHandler } from "./error-handler";
import { formBodyLimit } from "./form-body-limit";
import { localeMiddleware } from "./locale-middleware";

/**
 * The studio's back office at `/admin`, for staff: the log-in page is open; every other route
 * takes a live session (`requireStaff`) and, when it changes anything, the session's CSRF
 * token (`requireCsrf`), each named in its own route so a route cannot be added without them
 * by accident (the route-table test walks them all). Unit pages check the member's scope.
 */
export function backOfficeArea(deps: {
  tessera: Tessera;
  config: ServerConfig;
  logger: Logger;
  views: ViewRenderer;
  serverKey: Uint8Array;
}): Hono<BackOfficeEnv> {
  const cookieSecret = cookieSecretOf(deps.serverKey);
  const page = { ...deps, cookieSecret };
  const signedIn = requireStaff({ tessera: deps.tessera, cookieSecret });
  const csrf = requireCsrf();
  const body = formBodyLimit(deps);
  const area = new Hono<BackOfficeEnv>();
  area.use(localeMiddleware(deps.config.defaultLocale));

  area.get("/login", showLogin(page));
  area.post("/login", body, submitLogin(page));
  area.post("/logout", signedIn, body, csrf, submitLogout(page));

  area.get("/", signedIn, dashboardPage(page));
  area.get("/u/:unit/plans", signedIn, planListPage(page));
  area.get("/u/:unit/plans/new", signedIn, showPlanForm(page));
  area.post("/u/:unit/plans", signedIn, body, csrf, savePlan(page));
  area.get("/u/:unit/plans/:plan", signedIn, showPlanForm(page));
  area.post("/u/:unit/plans/:plan", signedIn, body, csrf, savePlan(page));
  area.post("/u/:unit/plans/:plan/archive", signedIn, body, csrf, archivePlan(page));

  area.onError(
    errorHandler({ logger: deps.logger, views: deps.views, defaultLocale: deps.config.defaultLocale }),
  );
  return area;
}
