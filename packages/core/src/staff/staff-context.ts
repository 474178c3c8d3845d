import { TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import { invalidFields } from "../validation/invalid-fields";
import type { StaffScopeInput } from "./staff-input";
import type { StaffScope } from "./staff-member";
import type { PasswordHasher } from "./staff-password";

/** What the staff, API key and audit services use: the ports they need, and the password hasher. */
export type StaffContext = Pick<ServiceContext, "storage" | "clock" | "ids" | "events" | "randomBytes"> & {
  passwords: PasswordHasher;
};

export function notFound(entity: string, id: string): TesseraError {
  return new TesseraError("not_found", `The ${entity} ${id} does not exist.`, { details: { entity, id } });
}

/** The organization, or `not_found`. */
export async function requireOrganization(
  repositories: Repositories,
  organizationId: Id<"organization">,
): Promise<void> {
  if (!(await repositories.organizations.findById(organizationId))) {
    throw notFound("organization", organizationId);
  }
}

/**
 * A scope as given, checked: a unit scope must name a unit of the organization — another
 * organization's unit is refused as if it did not exist.
 */
export async function checkedScope(
  repositories: Repositories,
  organizationId: Id<"organization">,
  scope: StaffScopeInput,
  what: string,
): Promise<StaffScope> {
  if (scope.kind === "organization") return { kind: "organization" };
  const unit = await repositories.units.findById(scope.unitId as Id<"unit">);
  if (!unit || unit.organizationId !== organizationId) {
    throw invalidFields(what, [
      { path: ["scope", "unitId"], code: "not_found", message: "must be a unit of the organization" },
    ]);
  }
  return { kind: "unit", unitId: unit.id };
}

/** The unit an event of a scoped actor belongs to, for routing: null for the organization. */
export function unitOfScope(scope: StaffScope): Id<"unit"> | null {
  return scope.kind === "unit" ? scope.unitId : null;
}
