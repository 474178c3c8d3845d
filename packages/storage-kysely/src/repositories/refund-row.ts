import type { Id, Refund } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { RefundsTable } from "../database";

export function refundToRow(refund: Refund): Insertable<RefundsTable> {
  return {
    id: refund.id,
    unit_id: refund.unitId,
    payment_id: refund.paymentId,
    customer_id: refund.customerId,
    amount: refund.amount.amount,
    currency: refund.amount.currency,
    destination: refund.destination,
    status: refund.status,
    idempotency_key: refund.idempotencyKey,
    provider_reference: refund.providerReference,
    reason: refund.reason,
    actor: refund.actor,
    created_at: refund.createdAt,
    updated_at: refund.updatedAt,
    version: refund.version,
  };
}

export function refundFromRow(row: Selectable<RefundsTable>, codec: ColumnCodec): Refund {
  return {
    id: row.id as Id<"refund">,
    unitId: row.unit_id as Id<"unit">,
    paymentId: row.payment_id as Id<"payment">,
    customerId: row.customer_id as Id<"customer">,
    amount: { amount: codec.readBigint(row.amount), currency: row.currency },
    destination: row.destination as Refund["destination"],
    status: row.status as Refund["status"],
    idempotencyKey: row.idempotency_key,
    providerReference: row.provider_reference,
    reason: row.reason,
    actor: row.actor,
    createdAt: codec.readInstant(row.created_at),
    updatedAt: codec.readInstant(row.updated_at),
    version: row.version,
  };
}
