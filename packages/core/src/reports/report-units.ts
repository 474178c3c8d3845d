import { TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { Unit } from "../organizations/unit";
import type { Repositories } from "../ports/storage";
import { type AccessActor, canSeeUnit } from "../staff/staff-access";
import { invalidFields } from "../validation/invalid-fields";

/**
 * The units a report covers: the unit asked from, or every unit of its organization. A unit
 * the actor may not see is `not_found` (as the back office answers across units); asking for
 * the organization with a unit scope is refused on the `scope` field (BEMP: "quando sua
 * permissão permitir").
 */
export async function reportUnits(
  repositories: Repositories,
  actor: AccessActor,
  unitId: Id<"unit">,
  scope: "unit" | "organization",
): Promise<{ unit: Unit; units: Unit[] }> {
  const unit = await repositories.units.findById(unitId);
  if (!unit || !canSeeUnit(actor, unit)) {
    throw new TesseraError("not_found", `The unit ${unitId} does not exist.`, {
      details: { entity: "unit", id: unitId },
    });
  }
  if (scope === "unit") return { unit, units: [unit] };
  if (actor.scope.kind !== "organization") {
    throw invalidFields("report", [
      { path: ["scope"], code: "not_allowed", message: "your access covers one unit, not the organization" },
    ]);
  }
  return { unit, units: await repositories.units.listByOrganization(unit.organizationId) };
}
