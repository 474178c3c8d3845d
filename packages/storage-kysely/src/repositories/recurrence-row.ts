import type { Id, Recurrence } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { RecurrencesTable } from "../database";

export function recurrenceToRow(recurrence: Recurrence, codec: ColumnCodec): Insertable<RecurrencesTable> {
  return {
    id: recurrence.id,
    unit_id: recurrence.unitId,
    customer_id: recurrence.customerId,
    contract_id: recurrence.contractId,
    gateway_id: recurrence.gatewayId,
    method: recurrence.method,
    first_payment_id: recurrence.firstPaymentId,
    provider_reference: recurrence.providerReference,
    status: recurrence.status,
    terms: codec.json(recurrence.terms),
    last_sequence: recurrence.lastSequence,
    ended_at: recurrence.endedAt,
    created_at: recurrence.createdAt,
    updated_at: recurrence.updatedAt,
    version: recurrence.version,
  };
}

export function recurrenceFromRow(row: Selectable<RecurrencesTable>, codec: ColumnCodec): Recurrence {
  return {
    id: row.id as Id<"recurrence">,
    unitId: row.unit_id as Id<"unit">,
    customerId: row.customer_id as Id<"customer">,
    contractId: row.contract_id as Id<"contract">,
    gatewayId: row.gateway_id,
    method: row.method as Recurrence["method"],
    firstPaymentId: row.first_payment_id as Id<"payment">,
    providerReference: row.provider_reference,
    status: row.status as Recurrence["status"],
    terms: codec.readJson(row.terms),
    lastSequence: row.last_sequence,
    endedAt: codec.readNullableInstant(row.ended_at),
    createdAt: codec.readInstant(row.created_at),
    updatedAt: codec.readInstant(row.updated_at),
    version: row.version,
  };
}
