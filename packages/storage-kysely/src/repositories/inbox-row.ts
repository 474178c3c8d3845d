import type { Id, InboxEntry } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { InboxTable } from "../database";

export function inboxEntryToRow(entry: InboxEntry, codec: ColumnCodec): Insertable<InboxTable> {
  return {
    id: entry.id,
    gateway_id: entry.gatewayId,
    provider_event_id: entry.providerEventId,
    received_at: entry.receivedAt,
    headers: codec.json(entry.headers),
    raw_body: entry.rawBody,
    status: entry.status,
    processed_at: entry.processedAt,
    outcome: entry.outcome,
    url: entry.url,
    authentication: codec.nullableJson(entry.authentication),
  };
}

export function inboxEntryFromRow(row: Selectable<InboxTable>, codec: ColumnCodec): InboxEntry {
  return {
    id: row.id as Id<"inboxEntry">,
    gatewayId: row.gateway_id,
    providerEventId: row.provider_event_id,
    receivedAt: codec.readInstant(row.received_at),
    headers: codec.readJson(row.headers),
    rawBody: row.raw_body,
    status: row.status as InboxEntry["status"],
    processedAt: codec.readNullableInstant(row.processed_at),
    outcome: row.outcome,
    url: row.url,
    authentication: codec.readNullableJson(row.authentication),
  };
}
