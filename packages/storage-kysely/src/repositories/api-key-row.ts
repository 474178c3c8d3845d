import type { ApiKeyRecord, Id } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { ApiKeysTable } from "../database";
import { scopeFromColumns, scopeToColumns } from "./staff-member-row";

export function apiKeyToRow(key: ApiKeyRecord): Insertable<ApiKeysTable> {
  return {
    id: key.id,
    organization_id: key.organizationId,
    name: key.name,
    role: key.role,
    ...scopeToColumns(key.scope),
    secret_hash: key.secretHash,
    created_by: key.createdBy,
    status: key.status,
    created_at: key.createdAt,
    last_used_at: key.lastUsedAt,
    revoked_at: key.revokedAt,
  };
}

export function apiKeyFromRow(row: Selectable<ApiKeysTable>, codec: ColumnCodec): ApiKeyRecord {
  return {
    id: row.id as Id<"apiKey">,
    organizationId: row.organization_id as Id<"organization">,
    name: row.name,
    role: row.role as ApiKeyRecord["role"],
    scope: scopeFromColumns(row),
    secretHash: row.secret_hash,
    createdBy: row.created_by as Id<"staffMember">,
    status: row.status as ApiKeyRecord["status"],
    createdAt: codec.readInstant(row.created_at),
    lastUsedAt: codec.readNullableInstant(row.last_used_at),
    revokedAt: codec.readNullableInstant(row.revoked_at),
  };
}
