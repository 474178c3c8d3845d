import type { ButtonDesign, Tessera } from "@tessera/core";
import type { Context } from "hono";

/** What the embed script draws: only what a button shows, never the plan's other data. */
export type PublicButton = { onSale: true; text: string; design: ButtonDesign } | { onSale: false };

const slugPattern = /^[a-z0-9-]{2,64}$/;

/**
 * GET /embed/buttons/:unit/:plan — a plan's buy button as JSON, for the script on other sites
 * (CORS-open, no cookies read). A plan not on sale (archived, switched off, unknown) is
 * `404 { onSale: false }`, and the script draws nothing.
 */
export function buttonJsonRoute(deps: { tessera: Tessera }) {
  return async (c: Context) => {
    const unitSlug = c.req.param("unit") ?? "";
    const planSlug = c.req.param("plan") ?? "";
    const unit = slugPattern.test(unitSlug)
      ? await deps.tessera.organizations.findUnitBySlug(unitSlug)
      : null;
    const plan =
      unit && slugPattern.test(planSlug) ? await deps.tessera.plans.findOnSale(unit.id, planSlug) : null;
    // A minute of caching: a change in the designer shows on every site soon after.
    c.header("Cache-Control", "public, max-age=60");
    if (!plan) return c.json({ onSale: false } satisfies PublicButton, 404);
    return c.json({
      onSale: true,
      text: plan.onlineSale.buttonText,
      design: plan.onlineSale.buttonDesign,
    } satisfies PublicButton);
  };
}
