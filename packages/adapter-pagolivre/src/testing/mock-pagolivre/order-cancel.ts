import type { PagoLivreCancelRequest } from "../../pagolivre-protocol";
import type { FieldError } from "./pagolivre-answers";
import { centavosOf, collectedOf, type OrderState, refundedOf } from "./pagolivre-books";
import type { PagoLivreContext } from "./pagolivre-context";
import { cancelScheduled, notify } from "./pagolivre-lifecycle";

/**
 * `POST /orders/{id}/cancel` as the mock models it (the request is documented; every outcome
 * below is assumed):
 * - an unpaid order (`created`) is canceled, with `order.canceled`; an `amount` is refused;
 * - a paid order without `amount` is canceled whole: what its monthly charges collected is
 *   refunded, the charges still to come will not happen, `order.canceled` is sent;
 * - a paid order with `amount` gets a partial refund of it (≤ what is left to refund) and
 *   stays paid, its later monthly charges going on; no callback;
 * - a paid order with `refund: false` keeps what it collected and stays paid; its monthly
 *   charges still to come are canceled; no callback;
 * - a `cancellationRequestId` already acted on for the order changes nothing (answers the order);
 * - a canceled order canceled again whole answers it as is; declined or expired ones are refused.
 * Refunds start `pending`, until `settleRefunds()`.
 */
export type CancelOutcome = { ok: true } | { ok: false; error: FieldError };

const refused = (field: string, message: string): CancelOutcome => ({ ok: false, error: { field, message } });

export function cancelOrder(
  context: PagoLivreContext,
  order: OrderState,
  request: PagoLivreCancelRequest,
): CancelOutcome {
  if (order.cancellations.has(request.cancellationRequestId)) return { ok: true };
  const partial = request.amount === undefined ? null : centavosOf(request.amount);
  switch (order.status) {
    case "created":
      if (partial !== null) return refused("amount", "A partial cancellation needs a paid order.");
      order.status = "canceled";
      order.cancelingReason = request.reason;
      cancelScheduled(order, 1);
      break;
    case "paid": {
      if (request.refund === false) {
        // assumed: stops the monthly charges still to come, refunds nothing, stays paid.
        if (partial !== null) return refused("amount", "Stopping the later charges takes no amount.");
        cancelScheduled(order, 2);
        break;
      }
      const refundable = collectedOf(order) - refundedOf(order);
      const amount = partial ?? refundable;
      if (amount > refundable) {
        return refused(
          "amount",
          `The amount exceeds what is left to refund (${(refundable / 100).toFixed(2)}).`,
        );
      }
      if (amount > 0) {
        order.refunds.push({
          cancellationRequestId: request.cancellationRequestId,
          amount,
          status: "pending",
        });
      }
      if (partial === null) {
        order.status = "canceled";
        order.cancelingReason = request.reason;
        cancelScheduled(order, 1);
      }
      break;
    }
    case "canceled":
      if (partial !== null) return refused("amount", "The order is canceled.");
      return { ok: true };
    default:
      return refused("status", `The order is ${order.status}: there is nothing to cancel.`);
  }
  order.cancellations.add(request.cancellationRequestId);
  if (order.status === "canceled") notify(context, order, "order.canceled");
  return { ok: true };
}
