import type { AuditEntry, Id } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { AuditLogTable } from "../database";

export function auditEntryToRow(entry: AuditEntry, codec: ColumnCodec): Insertable<AuditLogTable> {
  return {
    id: entry.id,
    organization_id: entry.organizationId,
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.id,
    action: entry.action,
    subject_kind: entry.subject?.kind ?? null,
    subject_id: entry.subject?.id ?? null,
    from_address: entry.from,
    details: codec.json(entry.details),
    occurred_at: entry.occurredAt,
  };
}

export function auditEntryFromRow(row: Selectable<AuditLogTable>, codec: ColumnCodec): AuditEntry {
  return {
    id: row.id as Id<"auditEntry">,
    organizationId: row.organization_id as Id<"organization">,
    actor: { kind: row.actor_kind as AuditEntry["actor"]["kind"], id: row.actor_id },
    action: row.action,
    subject:
      row.subject_kind !== null && row.subject_id !== null
        ? { kind: row.subject_kind, id: row.subject_id }
        : null,
    from: row.from_address,
    details: codec.readJson(row.details),
    occurredAt: codec.readInstant(row.occurred_at),
  };
}
