import type { Tessera } from "@tessera/core";
import type { Context } from "hono";
import type { ServerConfig } from "../config/server-config";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { publicBase } from "./public-address";
import { unitsInScope } from "./unit-in-scope";

/** GET /admin — the units the member may see, each with its all-plans link to share (Tecnofit). */
export function dashboardPage(deps: { tessera: Tessera; views: ViewRenderer; config: ServerConfig }) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const base = publicBase(c, deps.config.publicUrl);
    const units = await unitsInScope(deps.tessera, signedInStaff(c).staff);
    return c.html(
      deps.views.render("admin-dashboard", {
        ...backOfficePageData(c, t("admin.dashboard.title")),
        units: units.map((unit) => ({
          name: unit.name,
          slug: unit.slug,
          allPlansUrl: `${base}u/${unit.slug}`,
          plansHref: `/admin/u/${unit.slug}/plans`,
        })),
      }),
    );
  };
}
