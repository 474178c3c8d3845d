import { canSeeUnit, type StaffMember, type Tessera, type Unit } from "@tessera/core";
import { HTTPException } from "hono/http-exception";

/**
 * The unit a back-office address names (`/admin/u/:unit/…`), when the member may see it: a
 * unit of another organization, or one outside a unit-scoped member's unit, is a 404 — the
 * same answer as a unit that does not exist, so addresses reveal nothing.
 */
export async function unitInScope(tessera: Tessera, staff: StaffMember, slug: string): Promise<Unit> {
  const unit = /^[a-z0-9-]{2,64}$/.test(slug) ? await tessera.organizations.findUnitBySlug(slug) : null;
  if (!unit || unit.organizationId !== staff.organizationId || !canSeeUnit(staff, unit.id)) {
    throw new HTTPException(404, { message: "no such unit here" });
  }
  return unit;
}

/** The units of the member's organization they may see, in the organization's order. */
export async function unitsInScope(tessera: Tessera, staff: StaffMember): Promise<Unit[]> {
  const units = await tessera.organizations.listUnits(staff.organizationId);
  return units.filter((unit) => canSeeUnit(staff, unit.id));
}
