import type { Id } from "../ids/id";
import type { StaffMember, StaffRole, StaffScope } from "./staff-member";

/**
 * Who may do what in the back office and the JSON API, as pure functions of the actor — a
 * signed-in member or an API key, which both carry an organization, a role and a scope. The
 * server asks these before it calls a service; the services themselves do not know who
 * calls them.
 *
 * | rule                             | owner            | manager                                  | staff            |
 * | -------------------------------- | ---------------- | ---------------------------------------- | ---------------- |
 * | `canSeeUnit`                     | units in scope   | units in scope                           | units in scope   |
 * | `canChangeUnitSettings`          | units in scope   | units in scope                           | no               |
 * | `canManageStaff`                 | every member     | members with role `staff` in its scope   | no               |
 * | `canSeeAuditLog`                 | yes              | no                                       | no               |
 * | `canManageApiKeys`               | yes              | no                                       | no               |
 *
 * "In scope": an organization scope covers every unit of its organization; a unit scope
 * covers that unit only. An owner always has the organization scope (staff creation refuses
 * anything else), so what owners may do is the whole organization's.
 * @module
 */

/** Whoever acts: a `StaffMember`, or an `ApiKey`. */
export interface AccessActor {
  organizationId: Id<"organization">;
  role: StaffRole;
  scope: StaffScope;
}

/** A unit as the rules need it: given with its organization, the rules check that too. */
export type UnitRef = Id<"unit"> | { id: Id<"unit">; organizationId: Id<"organization"> };

/**
 * Whether the actor may see the unit's data. Given a bare unit id, an organization scope
 * answers true: the caller must have found the unit in the actor's organization (as a lookup
 * by `actor.organizationId` does); given the unit itself, that is checked here too.
 */
export function canSeeUnit(actor: AccessActor, unit: UnitRef): boolean {
  const unitId = typeof unit === "string" ? unit : unit.id;
  if (typeof unit !== "string" && unit.organizationId !== actor.organizationId) return false;
  return actor.scope.kind === "organization" || actor.scope.unitId === unitId;
}

/** Owners and managers change the settings of the units they see (payment methods, fees, forms). */
export function canChangeUnitSettings(actor: AccessActor, unit: UnitRef): boolean {
  return (actor.role === "owner" || actor.role === "manager") && canSeeUnit(actor, unit);
}

/**
 * Whether the actor may create, change, disable or reset the password of `member` (as it is,
 * and — for a change — as it would become: ask for both). Without a member: whether the
 * actor may manage anyone at all, to show the staff pages. Owners manage every member of
 * their organization; managers manage members whose role is `staff` and whose scope lies
 * within their own, so a manager can never make an owner or another manager.
 */
export function canManageStaff(
  actor: AccessActor,
  member?: Pick<StaffMember, "organizationId" | "role" | "scope">,
): boolean {
  if (actor.role === "staff") return false;
  if (member === undefined) return true;
  if (member.organizationId !== actor.organizationId) return false;
  if (actor.role === "owner") return true;
  if (member.role !== "staff") return false;
  return (
    actor.scope.kind === "organization" ||
    (member.scope.kind === "unit" && member.scope.unitId === actor.scope.unitId)
  );
}

/** The audit log tells of every unit and every member: owners only. */
export function canSeeAuditLog(actor: AccessActor): boolean {
  return actor.role === "owner";
}

/** An API key may hold any role, so making and revoking keys is an owner's. */
export function canManageApiKeys(actor: AccessActor): boolean {
  return actor.role === "owner";
}
