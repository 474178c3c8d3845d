import { formatMoney, type Tessera } from "@tessera/core";
import type { Context } from "hono";
import type { ServerConfig } from "../config/server-config";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { publicBase } from "./public-address";
import { unitInScope } from "./unit-in-scope";

/**
 * GET /admin/u/:unit/plans — the unit's plans (archived ones last), each on sale showing its
 * public link with a copy button (Tecnofit: "ativo para venda online"), and the unit's link
 * for all its plans.
 */
export function planListPage(deps: { tessera: Tessera; views: ViewRenderer; config: ServerConfig }) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const locale = c.get("locale");
    const unit = await unitInScope(deps.tessera, signedInStaff(c).staff, c.req.param("unit") ?? "");
    const base = publicBase(c, deps.config.publicUrl);
    const plans = await deps.tessera.plans.list(unit.id, { includeArchived: true });
    const ordered = [...plans].sort(
      (a, b) => Number(a.status === "archived") - Number(b.status === "archived"),
    );
    return c.html(
      deps.views.render("admin-plans", {
        ...backOfficePageData(c, t("admin.plans.title", { unit: unit.name })),
        unit: { name: unit.name, slug: unit.slug, allPlansUrl: `${base}u/${unit.slug}` },
        newHref: `/admin/u/${unit.slug}/plans/new`,
        plans: ordered.map((plan) => ({
          id: plan.id,
          name: plan.name,
          price: formatMoney(plan.price, locale),
          archived: plan.status === "archived",
          onSale: plan.status === "active" && plan.onlineSale.enabled,
          publicUrl: `${base}u/${unit.slug}/${plan.onlineSale.slug}`,
          editHref: `/admin/u/${unit.slug}/plans/${plan.id}`,
          buttonHref: `/admin/u/${unit.slug}/plans/${plan.id}/button`,
        })),
      }),
    );
  };
}
