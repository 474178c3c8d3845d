import { type StaffRole, type StaffScope, type StaffScopeInput, staffRoles, type Unit } from "@tessera/core";
import type { MessageKey } from "../../i18n/message-catalog";
import type { Translate } from "../../i18n/translator";

/** The role and scope selects of the staff and API key forms, as the view lists them. */
export interface AccessChoices {
  roles: { value: StaffRole; label: string }[];
  scopes: { value: string; label: string }[];
}

/** A scope as its select's value: `organization`, or the unit's id. */
export function scopeValueOf(scope: StaffScope): string {
  return scope.kind === "organization" ? "organization" : scope.unitId;
}

/**
 * A scope as typed, as the access rules read it. Only the rules see it: whether the unit is
 * the organization's is core's to check when the change is made.
 */
export function scopeOfInput(scope: StaffScopeInput): StaffScope {
  return scope.kind === "organization" ? scope : { kind: "unit", unitId: scope.unitId as Unit["id"] };
}

/** A scope as a person reads it: "The whole organization", "Unit Aurora Centro". */
export function scopeText(scope: StaffScope, units: readonly Unit[], t: Translate): string {
  if (scope.kind === "organization") return t("admin.scope.organization");
  const unit = units.find((candidate) => candidate.id === scope.unitId);
  return t("admin.scope.unit", { unit: unit?.name ?? scope.unitId });
}

export function roleText(role: StaffRole, t: Translate): string {
  return t(`admin.role.${role}` as MessageKey);
}

/** Every role, and the organization then each of its units. */
export function accessChoices(units: readonly Unit[], t: Translate): AccessChoices {
  return {
    roles: staffRoles.map((role) => ({ value: role, label: roleText(role, t) })),
    scopes: [
      { value: "organization", label: t("admin.scope.organization") },
      ...units.map((unit) => ({ value: unit.id, label: t("admin.scope.unit", { unit: unit.name }) })),
    ],
  };
}
