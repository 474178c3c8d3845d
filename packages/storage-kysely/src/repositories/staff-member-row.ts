import type { Id, StaffMemberRecord, StaffScope } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { StaffMembersTable } from "../database";

/** A scope as its two columns. */
export function scopeToColumns(scope: StaffScope): { scope_kind: string; scope_unit_id: string | null } {
  return scope.kind === "unit"
    ? { scope_kind: "unit", scope_unit_id: scope.unitId }
    : { scope_kind: "organization", scope_unit_id: null };
}

export function scopeFromColumns(row: { scope_kind: string; scope_unit_id: string | null }): StaffScope {
  return row.scope_kind === "unit" && row.scope_unit_id !== null
    ? { kind: "unit", unitId: row.scope_unit_id as Id<"unit"> }
    : { kind: "organization" };
}

export function staffMemberToRow(member: StaffMemberRecord): Insertable<StaffMembersTable> {
  return {
    id: member.id,
    organization_id: member.organizationId,
    name: member.name,
    email: member.email,
    role: member.role,
    ...scopeToColumns(member.scope),
    status: member.status,
    password_hash: member.passwordHash,
    failed_logins: member.failedLogins,
    failed_logins_since: member.failedLoginsSince,
    locked_until: member.lockedUntil,
    created_at: member.createdAt,
    updated_at: member.updatedAt,
    version: member.version,
  };
}

export function staffMemberFromRow(
  row: Selectable<StaffMembersTable>,
  codec: ColumnCodec,
): StaffMemberRecord {
  return {
    id: row.id as Id<"staffMember">,
    organizationId: row.organization_id as Id<"organization">,
    name: row.name,
    email: row.email,
    role: row.role as StaffMemberRecord["role"],
    scope: scopeFromColumns(row),
    status: row.status as StaffMemberRecord["status"],
    passwordHash: row.password_hash,
    failedLogins: Number(row.failed_logins),
    failedLoginsSince: codec.readNullableInstant(row.failed_logins_since),
    lockedUntil: codec.readNullableInstant(row.locked_until),
    createdAt: codec.readInstant(row.created_at),
    updatedAt: codec.readInstant(row.updated_at),
    version: Number(row.version),
  };
}
