import type { Plan, Tessera, Unit } from "@tessera/core";

/** What a public address names: a plan on sale, one switched off, or nothing. */
export type PlanOnPage =
  | { kind: "on_sale"; unit: Unit; plan: Plan }
  | { kind: "not_on_sale"; unit: Unit; plan: Plan }
  | { kind: "no_plan"; unit: Unit }
  | { kind: "no_unit" };

/** Slugs as units and plans have them; anything else names nothing and reaches no query. */
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The unit at `/u/:unit`, or null (an unknown or malformed slug). */
export async function findUnitOnPage(tessera: Tessera, unitSlug: string): Promise<Unit | null> {
  if (!slugPattern.test(unitSlug) || unitSlug.length > 64) return null;
  return tessera.organizations.findUnitBySlug(unitSlug);
}

/**
 * The plan at `/u/:unit/:plan`. A plan whose online sale was switched off (or that was
 * archived) still answers `not_on_sale`, so a buyer with an old link is told so, not shown
 * a bare 404.
 */
export async function findPlanOnPage(
  tessera: Tessera,
  unitSlug: string,
  planSlug: string,
): Promise<PlanOnPage> {
  const unit = await findUnitOnPage(tessera, unitSlug);
  if (!unit) return { kind: "no_unit" };
  if (!slugPattern.test(planSlug) || planSlug.length > 64) return { kind: "no_plan", unit };
  const plan = await tessera.plans.findOnSale(unit.id, planSlug);
  if (plan) return { kind: "on_sale", unit, plan };
  const switchedOff = (await tessera.plans.list(unit.id, { includeArchived: true })).find(
    (candidate) => candidate.onlineSale.slug === planSlug,
  );
  return switchedOff ? { kind: "not_on_sale", unit, plan: switchedOff } : { kind: "no_plan", unit };
}
