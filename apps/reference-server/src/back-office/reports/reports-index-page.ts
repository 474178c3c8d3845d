import type { Tessera } from "@tessera/core";
import type { Context } from "hono";
import type { ViewRenderer } from "../../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "../back-office-env";
import { backOfficePageData } from "../back-office-page";
import { unitInScope } from "../unit-in-scope";
import type { BackOfficeReport } from "./back-office-report";

/** GET /admin/u/:unit/reports — the unit's reports, each with what it lists. */
export function reportsIndexPage(
  deps: { tessera: Tessera; views: ViewRenderer },
  reports: readonly (Pick<BackOfficeReport<unknown>, "title" | "description"> & {
    source: { kind: string };
  })[],
) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const unit = await unitInScope(deps.tessera, signedInStaff(c).staff, c.req.param("unit") ?? "");
    return c.html(
      deps.views.render("admin-reports", {
        ...backOfficePageData(c, t("admin.reports.title", { unit: unit.name })),
        unitNav: { slug: unit.slug },
        unit: { name: unit.name },
        reports: reports.map((report) => ({
          href: `/admin/u/${unit.slug}/reports/${report.source.kind}`,
          title: t(report.title),
          description: t(report.description),
        })),
      }),
    );
  };
}
