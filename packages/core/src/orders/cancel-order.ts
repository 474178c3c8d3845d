import { TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import { isUnpaid } from "../installments/lines-to-pay";
import { openPaymentStatuses } from "../payments/payment-status";
import { withRetryOnConflict } from "../payments/with-retry-on-conflict";
import type { ServiceContext } from "../ports/service-context";
import type { Order } from "./order";

/**
 * Cancels an open order nothing of which is paid, its unpaid lines with it, in one
 * transaction. Refused (`invalid_transition`) once any line is paid — what was paid goes
 * back by a refund — and (`payment_in_progress`) while an attempt at a line is open, so a
 * payment that may still land never meets a canceled order. Canceling a canceled order
 * answers it as it is.
 */
export function cancelOrder(ctx: ServiceContext, orderId: Id<"order">, actor: string): Promise<Order> {
  return withRetryOnConflict(() =>
    ctx.storage.transaction(async (tx) => {
      const order = await tx.orders.findById(orderId);
      if (!order) {
        throw new TesseraError("not_found", `Order ${orderId} does not exist.`, {
          details: { entity: "order", id: orderId },
        });
      }
      if (order.status === "canceled") return order;
      const lines = await tx.installments.listByOrder(order.id);
      if (order.status !== "open" || lines.some((line) => !isUnpaid(line) && line.status !== "canceled")) {
        throw new TesseraError(
          "invalid_transition",
          `Order ${order.id} has paid installments: refund them instead of canceling it.`,
          { details: { entity: "order", id: order.id, status: order.status } },
        );
      }
      for (const line of lines) {
        const open = (await tx.payments.listByInstallment(line.id)).find((payment) =>
          openPaymentStatuses.includes(payment.status),
        );
        if (open) {
          throw new TesseraError("payment_in_progress", `Payment ${open.id} for this order is still open.`, {
            details: { entity: "payment", id: open.id },
          });
        }
      }
      const now = ctx.clock.now();
      for (const line of lines)
        if (isUnpaid(line)) await tx.installments.update({ ...line, status: "canceled", updatedAt: now });
      const canceled = await tx.orders.update({ ...order, status: "canceled", updatedAt: now });
      await tx.outbox.append([
        ctx.events(
          "order.canceled",
          { orderId: order.id, customerId: order.customerId, actor },
          order.unitId,
        ),
      ]);
      return canceled;
    }),
  );
}
