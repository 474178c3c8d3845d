import type { PagoLivreOrder } from "../../pagolivre-protocol";
import { type OrderState, reaisOf } from "./pagolivre-books";

/**
 * An order as PagoLivre writes it on the wire (create, lookup and cancel answers): the
 * documented fields, then the assumed ones — the whole `amount`, the monthly charges in
 * `installments` and the `refunds` — always present in the mock's answers.
 */
export function orderView(order: OrderState, paymentUrl: string): PagoLivreOrder {
  return {
    id: order.id,
    orderKey: order.orderKey,
    status: order.status,
    paymentUrl,
    expirationDate: order.expirationDate,
    decliningReason: order.decliningReason,
    cancelingReason: order.cancelingReason,
    amount: reaisOf(order.amount),
    installments: order.installments.map((charge) => ({
      number: charge.number,
      dueDate: charge.dueDate,
      amount: reaisOf(charge.amount),
      status: charge.status,
      attempt: charge.attempt,
      ...(charge.paidAt === undefined ? {} : { paidAt: charge.paidAt }),
      ...(charge.decliningReason === undefined ? {} : { decliningReason: charge.decliningReason }),
    })),
    refunds: order.refunds.map((refund) => ({
      cancellationRequestId: refund.cancellationRequestId,
      amount: reaisOf(refund.amount),
      status: refund.status,
    })),
  };
}
