import { type Expression, expressionBuilder, type SqlBool, sql } from "kysely";
import type { Database } from "../database";

/** The payment statuses each `paymentStatus` filter looks for in an installment's latest attempt. */
const latestPaymentStatuses = {
  pending: ["pending", "processing", "requires_action", "unknown"],
  error: ["failed"],
} as const;

/** What a list's `paymentStatus` narrows by (`StoredContractFilter.paymentStatus`, `StoredOrderFilter.paymentStatus`). */
export type InstallmentPaymentStatus = keyof typeof latestPaymentStatuses;

/** The tables whose rows own installments, each with the installment column that points at its `id`. */
const installmentOwnerColumns = {
  contracts: "installments.contract_id",
  orders: "installments.order_id",
} as const;

export type InstallmentOwnerTable = keyof typeof installmentOwnerColumns;

/**
 * True when one of the owner's installments still to be paid (`awaiting`, `denied`) has, as
 * its latest attempt (the highest payment id that covers it), one in the filter's statuses: a
 * failure followed by a newer open attempt is pending, not an error, and a canceled attempt is
 * neither. `owner` is the outer query's table, whose `id` the installments are matched on.
 *
 * ```ts
 * db.selectFrom("orders").selectAll().where(hasUnpaidInstallmentWhoseLatestPayment("orders", "error"))
 * ```
 */
export function hasUnpaidInstallmentWhoseLatestPayment(
  owner: InstallmentOwnerTable,
  paymentStatus: InstallmentPaymentStatus,
): Expression<SqlBool> {
  // Built outside the outer query's callback, so one builder serves both owners; the owner's
  // `id` is a correlated reference the outer query resolves.
  const eb = expressionBuilder<Database>();
  return eb.exists(
    eb
      .selectFrom("installments")
      .innerJoin("payment_installments as link", "link.installment_id", "installments.id")
      .innerJoin("payments", "payments.id", "link.payment_id")
      .select(sql.lit(1).as("one"))
      .where(installmentOwnerColumns[owner], "=", sql.ref<string>(`${owner}.id`))
      .where("installments.status", "in", ["awaiting", "denied"])
      .where("payments.status", "in", [...latestPaymentStatuses[paymentStatus]])
      .where((inner) =>
        inner.not(
          inner.exists(
            inner
              .selectFrom("payment_installments as newer")
              .select(sql.lit(1).as("one"))
              .whereRef("newer.installment_id", "=", "installments.id")
              .whereRef("newer.payment_id", ">", "link.payment_id"),
          ),
        ),
      ),
  );
}
