import { isTesseraError, type Payment } from "@tessera/core";
import type { Context } from "hono";
import { errorMessageKeys } from "../http/error-responses";
import { type AttemptAction, actOnAttempt, attemptOfSale, recordAttemptAction } from "./attempt-action";
import type { BackOfficeEnv } from "./back-office-env";
import { isOpenAttempt } from "./contract-page";
import { orderPath } from "./order-list-page";
import { orderAction } from "./order-money-actions";
import type { OrderPageDeps } from "./order-page";

/**
 * POST /admin/u/:unit/orders/:order/payments/:payment/{refresh,cancel} — the contract page's
 * pending-payment actions on an order's attempt: ask the provider where it stands (a PIX paid
 * meanwhile becomes paid, and the order with it), or drop it — a split payment's wallet part
 * goes back to the wallet, and the order can be paid another way or canceled. The attempt
 * must be one of this order's (else 404). Audited; the result is a notice on the order page
 * (a redirect), a refusal the order page with the reason.
 */
export function orderPaymentAction(deps: OrderPageDeps, action: AttemptAction) {
  return async (c: Context<BackOfficeEnv>) => {
    const { t, unit, detail, refuse } = await orderAction(deps, c);
    const payment = attemptOfSale(c, "order", detail.installments);
    const refused = (code: keyof typeof errorMessageKeys) =>
      refuse(t("admin.contract.actionFailed", { message: t(errorMessageKeys[code]) }), 409);
    if (action === "cancel" && !isOpenAttempt(payment)) return refused("invalid_transition");
    let result: Payment;
    try {
      result = await actOnAttempt(deps.tessera, action, payment);
    } catch (error) {
      if (!isTesseraError(error)) throw error;
      return refused(error.code);
    }
    await recordAttemptAction(c, deps.tessera, action, payment, { order: detail.order.id }, result);
    const notice = action === "refresh" ? "refreshed" : "attemptCanceled";
    return c.redirect(`${orderPath(unit, detail.order)}?notice=${notice}&status=${result.status}`, 303);
  };
}
