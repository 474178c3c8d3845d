import type { AnyDomainEvent, Id, OutboxEntry } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { OutboxTable } from "../database";

/** A new outbox row: due at once, never tried, unleased. */
export function outboxRowFor(event: AnyDomainEvent, codec: ColumnCodec): Insertable<OutboxTable> {
  return {
    id: event.id,
    type: event.type,
    unit_id: event.unitId,
    occurred_at: event.occurredAt,
    payload: codec.json(event.payload),
    attempts: 0,
    next_attempt_at: event.occurredAt,
    delivered_at: null,
    last_error: null,
    lease_owner: null,
    lease_expires_at: null,
    lease_version: 0,
  };
}

export function outboxEntryFromRow(row: Selectable<OutboxTable>, codec: ColumnCodec): OutboxEntry {
  const leaseExpiresAt = codec.readNullableInstant(row.lease_expires_at);
  // The row holds exactly what `append` was given; type and payload travel together.
  const event = {
    id: row.id as Id<"event">,
    type: row.type,
    occurredAt: codec.readInstant(row.occurred_at),
    unitId: row.unit_id as Id<"unit"> | null,
    payload: codec.readJson(row.payload),
  } as AnyDomainEvent;
  return {
    event,
    attempts: row.attempts,
    nextAttemptAt: codec.readInstant(row.next_attempt_at),
    deliveredAt: codec.readNullableInstant(row.delivered_at),
    lastError: row.last_error,
    lease:
      row.lease_owner !== null && leaseExpiresAt !== null
        ? { owner: row.lease_owner, expiresAt: leaseExpiresAt, version: row.lease_version }
        : null,
  };
}
