import { onlineMethodsOf, type Tessera } from "@tessera/core";
import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";
import { pageData } from "../http/page-data";
import type { ViewRenderer } from "../views/view-renderer";
import { planOnSaleView } from "./plan-on-sale-view";
import { studioBrand } from "./studio-brand";
import { findUnitOnPage } from "./unit-plan-lookup";

/**
 * GET /u/:unit — every plan the unit sells online, each leading to its checkout: the one
 * link a studio shares for all its plans (Tecnofit's "link de todos os planos").
 */
export function unitPlansPage(deps: { tessera: Tessera; views: ViewRenderer }) {
  return async (c: Context<AppEnv>) => {
    const unit = await findUnitOnPage(deps.tessera, c.req.param("unit") ?? "");
    if (!unit) return c.notFound();
    const t = c.get("t");
    const locale = c.get("locale");
    const plans = await deps.tessera.plans.list(unit.id, { onlineOnly: true });
    return c.html(
      deps.views.render("unit-plans", {
        ...pageData(c, t("unitPlans.title", { unit: unit.name }), studioBrand(unit)),
        unit: {
          name: unit.name,
          methods: [...new Set(onlineMethodsOf(unit).map(({ method }) => t(`method.${method}`)))],
        },
        plans: plans.map((plan) => planOnSaleView(plan, unit.slug, locale, t)),
      }),
    );
  };
}
