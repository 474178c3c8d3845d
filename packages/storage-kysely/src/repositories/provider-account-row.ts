import type { Id, ProviderAccountRecord } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { ProviderAccountsTable } from "../database";

export function providerAccountToRow(account: ProviderAccountRecord): Insertable<ProviderAccountsTable> {
  return {
    id: account.id,
    organization_id: account.organizationId,
    unit_id: account.unitId,
    kind: account.kind,
    label: account.label,
    sealed_options: account.sealedOptions,
    created_at: account.createdAt,
    updated_at: account.updatedAt,
    version: account.version,
  };
}

export function providerAccountFromRow(
  row: Selectable<ProviderAccountsTable>,
  codec: ColumnCodec,
): ProviderAccountRecord {
  return {
    id: row.id,
    organizationId: row.organization_id as Id<"organization">,
    unitId: row.unit_id as Id<"unit">,
    kind: row.kind,
    label: row.label,
    sealedOptions: row.sealed_options,
    createdAt: codec.readInstant(row.created_at),
    updatedAt: codec.readInstant(row.updated_at),
    version: Number(row.version),
  };
}
