import type { AnyDomainEvent } from "../events/domain-event";
import type { Installment } from "../installments/installment";
import type { Payment } from "../payments/payment";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import { orderLifecycle } from "./order-status";

/**
 * An order follows its installments, inside the transaction that moved them (a payment's
 * success, a refund given back in full): `paid` once every line is paid (`paidFromBalance`
 * when the wallet paid any of it, alone or as a split payment's part), `refunded` once every
 * line of a paid order came back. Nothing for lines that are not an order's.
 */
export async function orderAfterLines(
  ctx: ServiceContext,
  tx: Repositories,
  moved: readonly Installment[],
  payment: Payment,
  events: AnyDomainEvent[],
): Promise<void> {
  const orderId = moved.find((line) => line.orderId !== null)?.orderId;
  if (!orderId) return;
  const order = await tx.orders.findById(orderId);
  if (!order) return;
  const lines = await tx.installments.listByOrder(order.id);
  const fromBalance = payment.method === "wallet" || payment.fromBalance !== null;
  const ids = { orderId: order.id, customerId: order.customerId };
  const now = ctx.clock.now();
  if (order.status === "open" && payment.status === "succeeded") {
    const paid = lines.every((line) => line.status === "confirmed" || line.status === "refunded");
    if (!paid && (!fromBalance || order.paidFromBalance)) return;
    const paidFromBalance = order.paidFromBalance || fromBalance;
    await tx.orders.update({ ...order, status: paid ? "paid" : "open", paidFromBalance, updatedAt: now });
    if (paid)
      events.push(ctx.events("order.paid", { ...ids, paymentId: payment.id, paidFromBalance }, order.unitId));
    return;
  }
  if (orderLifecycle.canMove(order.status, "refunded") && lines.every((line) => line.status === "refunded")) {
    await tx.orders.update({ ...order, status: "refunded", updatedAt: now });
    events.push(ctx.events("order.refunded", ids, order.unitId));
  }
}
