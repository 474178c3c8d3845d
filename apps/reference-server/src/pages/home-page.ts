import { onlineMethodsOf, type Tessera, type Unit } from "@tessera/core";
import type { Context } from "hono";
import type { ServerConfig } from "../config/server-config";
import { demoUnitSlug } from "../demo/demo-seed";
import type { AppEnv } from "../http/app-env";
import { pageData } from "../http/page-data";
import type { ViewRenderer } from "../views/view-renderer";
import { planOnSaleView } from "./plan-on-sale-view";

/**
 * The units the home page shows: those named in `homeUnits`, in that order; with none
 * named, the demo unit when it exists. (The storage port has no "all organizations"
 * listing, so the server is told which units to show.)
 */
async function unitsOnDisplay(tessera: Tessera, homeUnits: readonly string[]): Promise<Unit[]> {
  const slugs = homeUnits.length > 0 ? homeUnits : [demoUnitSlug];
  const units = await Promise.all(slugs.map((slug) => tessera.organizations.findUnitBySlug(slug)));
  return units.filter((unit): unit is Unit => unit !== null);
}

/** GET / — the units on display and the plans each sells online, with their prices. */
export function homePage(deps: { tessera: Tessera; config: ServerConfig; views: ViewRenderer }) {
  return async (c: Context<AppEnv>) => {
    const t = c.get("t");
    const locale = c.get("locale");
    const units = await unitsOnDisplay(deps.tessera, deps.config.homeUnits);
    const shown = await Promise.all(
      units.map(async (unit) => ({
        name: unit.name,
        slug: unit.slug,
        methods: [...new Set(onlineMethodsOf(unit).map(({ method }) => t(`method.${method}`)))],
        href: `/u/${unit.slug}`,
        plans: (await deps.tessera.plans.list(unit.id, { onlineOnly: true })).map((plan) =>
          planOnSaleView(plan, unit.slug, locale, t),
        ),
      })),
    );
    return c.html(deps.views.render("home", { ...pageData(c, t("home.title")), units: shown }));
  };
}
