import type { BalancePart, Id, Payment } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { PaymentsTable } from "../database";

/** The payment's own row; `installmentIds` live in `payment_installments`. */
export function paymentToRow(payment: Payment, codec: ColumnCodec): Insertable<PaymentsTable> {
  return {
    id: payment.id,
    unit_id: payment.unitId,
    customer_id: payment.customerId,
    gateway_id: payment.gatewayId,
    method: payment.method,
    amount: payment.amount.amount,
    currency: payment.amount.currency,
    idempotency_key: payment.idempotencyKey,
    provider_reference: payment.providerReference,
    status: payment.status,
    raw_status: payment.rawStatus,
    action: codec.nullableJson(payment.action),
    failure_code: payment.failureCode,
    failure_message: payment.failureMessage,
    card: codec.nullableJson(payment.card),
    refunded_amount: payment.refundedAmount.amount,
    refunded_currency: payment.refundedAmount.currency,
    from_balance_amount: payment.fromBalance?.amount.amount ?? null,
    from_balance_entry_id: payment.fromBalance?.entryId ?? null,
    attempt: payment.attempt,
    created_at: payment.createdAt,
    updated_at: payment.updatedAt,
    version: payment.version,
  };
}

export function paymentFromRow(
  row: Selectable<PaymentsTable>,
  installmentIds: Id<"installment">[],
  codec: ColumnCodec,
): Payment {
  return {
    id: row.id as Id<"payment">,
    unitId: row.unit_id as Id<"unit">,
    customerId: row.customer_id as Id<"customer">,
    gatewayId: row.gateway_id,
    method: row.method as Payment["method"],
    amount: { amount: codec.readBigint(row.amount), currency: row.currency },
    installmentIds,
    idempotencyKey: row.idempotency_key,
    providerReference: row.provider_reference,
    status: row.status as Payment["status"],
    rawStatus: row.raw_status,
    action: codec.readNullableJson(row.action),
    failureCode: row.failure_code,
    failureMessage: row.failure_message,
    card: codec.readNullableJson(row.card),
    refundedAmount: { amount: codec.readBigint(row.refunded_amount), currency: row.refunded_currency },
    fromBalance: balancePartOf(row, codec),
    attempt: row.attempt,
    createdAt: codec.readInstant(row.created_at),
    updatedAt: codec.readInstant(row.updated_at),
    version: row.version,
  };
}

function balancePartOf(row: Selectable<PaymentsTable>, codec: ColumnCodec): BalancePart | null {
  const amount = codec.readNullableBigint(row.from_balance_amount);
  if (amount === null || row.from_balance_entry_id === null) return null;
  return {
    amount: { amount, currency: row.currency },
    entryId: row.from_balance_entry_id as Id<"walletEntry">,
  };
}
