import type { Tessera } from "@tessera/core";
import { Hono, type MiddlewareHandler } from "hono";
import type { ViewRenderer } from "../../views/view-renderer";
import type { BackOfficeEnv } from "../back-office-env";
import { type BackOfficeReport, onlineSignUpsReport, recurringCreditReport } from "./back-office-report";
import { reportExport } from "./report-export";
import { reportPage } from "./report-page";
import { reportsIndexPage } from "./reports-index-page";

/**
 * The reports of a unit as a sub-app the back-office area mounts at its root: open to every
 * member who sees the unit (`unitInScope` in each handler: another unit's member gets 404);
 * the whole organization only for a member scoped to it (core refuses the rest, the form
 * says so). Reads only, so no CSRF token; each names the session guard itself.
 */
export function reportRoutes(
  deps: { tessera: Tessera; views: ViewRenderer },
  guards: { signedIn: MiddlewareHandler<BackOfficeEnv> },
): Hono<BackOfficeEnv> {
  const { signedIn } = guards;
  const routes = new Hono<BackOfficeEnv>();
  routes.get(
    "/u/:unit/reports",
    signedIn,
    reportsIndexPage(deps, [recurringCreditReport, onlineSignUpsReport]),
  );
  const each = <Row>(report: BackOfficeReport<Row>) => {
    const path = `/u/:unit/reports/${report.source.kind}`;
    routes.get(path, signedIn, reportPage(deps, report));
    routes.get(`${path}/export`, signedIn, reportExport(deps, report));
  };
  each(recurringCreditReport);
  each(onlineSignUpsReport);
  return routes;
}
