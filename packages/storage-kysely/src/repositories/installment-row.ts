import type { Id, Installment } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { InstallmentsTable } from "../database";

/** The columns of an installment that its owner edits; the lease columns belong to claims. */
export type InstallmentFields = Omit<
  Insertable<InstallmentsTable>,
  "id" | "lease_owner" | "lease_expires_at" | "lease_version"
>;

export function installmentFieldsToRow(installment: Installment): InstallmentFields {
  return {
    unit_id: installment.unitId,
    customer_id: installment.customerId,
    contract_id: installment.contractId,
    order_id: installment.orderId,
    sequence: installment.sequence,
    kind: installment.kind,
    amount: installment.amount.amount,
    currency: installment.amount.currency,
    due_date: installment.dueDate,
    period_start: installment.periodStart,
    period_end: installment.periodEnd,
    status: installment.status,
    failed_attempts: installment.failedAttempts,
    next_attempt_on: installment.nextAttemptOn,
    confirmed_at: installment.confirmedAt,
    created_at: installment.createdAt,
    updated_at: installment.updatedAt,
    version: installment.version,
  };
}

export function installmentToRow(installment: Installment): Insertable<InstallmentsTable> {
  return {
    id: installment.id,
    ...installmentFieldsToRow(installment),
    lease_owner: installment.lease?.owner ?? null,
    lease_expires_at: installment.lease?.expiresAt ?? null,
    lease_version: installment.lease?.version ?? 0,
  };
}

export function installmentFromRow(row: Selectable<InstallmentsTable>, codec: ColumnCodec): Installment {
  const leaseExpiresAt = codec.readNullableInstant(row.lease_expires_at);
  return {
    id: row.id as Id<"installment">,
    unitId: row.unit_id as Id<"unit">,
    customerId: row.customer_id as Id<"customer">,
    contractId: row.contract_id as Id<"contract"> | null,
    orderId: row.order_id as Id<"order"> | null,
    sequence: row.sequence,
    kind: row.kind as Installment["kind"],
    amount: { amount: codec.readBigint(row.amount), currency: row.currency },
    dueDate: row.due_date,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    status: row.status as Installment["status"],
    failedAttempts: row.failed_attempts,
    nextAttemptOn: row.next_attempt_on,
    confirmedAt: codec.readNullableInstant(row.confirmed_at),
    lease:
      row.lease_owner !== null && leaseExpiresAt !== null
        ? { owner: row.lease_owner, expiresAt: leaseExpiresAt, version: row.lease_version }
        : null,
    createdAt: codec.readInstant(row.created_at),
    updatedAt: codec.readInstant(row.updated_at),
    version: row.version,
  };
}
