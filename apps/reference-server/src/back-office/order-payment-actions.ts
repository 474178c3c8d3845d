import { isTesseraError, type Payment } from "@tessera/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { errorMessageKeys } from "../http/error-responses";
import type { BackOfficeEnv } from "./back-office-env";
import { isOpenAttempt } from "./contract-page";
import { orderPath } from "./order-list-page";
import { orderAction } from "./order-money-actions";
import type { OrderPageDeps } from "./order-page";
import { recordStaffAction } from "./staff/staff-audit";

/**
 * POST /admin/u/:unit/orders/:order/payments/:payment/{refresh,cancel} — the contract page's
 * pending-payment actions on an order's attempt: ask the provider where it stands (a PIX paid
 * meanwhile becomes paid, and the order with it), or drop it — a split payment's wallet part
 * goes back to the wallet, and the order can be paid another way or canceled. The attempt
 * must be one of this order's (else 404). Audited; the result is a notice on the order page
 * (a redirect), a refusal the order page with the reason.
 */
export function orderPaymentAction(deps: OrderPageDeps, action: "refresh" | "cancel") {
  return async (c: Context<BackOfficeEnv>) => {
    const { t, unit, detail, refuse } = await orderAction(deps, c);
    const paymentId = c.req.param("payment") ?? "";
    const payment = detail.installments
      .flatMap((entry) => entry.payments)
      .find((candidate) => candidate.id === paymentId);
    if (!payment) throw new HTTPException(404, { message: "no such attempt on this order" });
    const refused = (code: keyof typeof errorMessageKeys) =>
      refuse(t("admin.contract.actionFailed", { message: t(errorMessageKeys[code]) }), 409);
    if (action === "cancel" && !isOpenAttempt(payment)) return refused("invalid_transition");
    let result: Payment;
    try {
      result =
        action === "refresh"
          ? await deps.tessera.payments.refresh(payment.id)
          : await deps.tessera.payments.cancelAttempt(payment.id);
    } catch (error) {
      if (!isTesseraError(error)) throw error;
      return refused(error.code);
    }
    await recordStaffAction(
      c,
      deps.tessera,
      action === "refresh" ? "payment.refreshed" : "payment.attempt_canceled",
      { kind: "payment", id: payment.id },
      { order: detail.order.id, status: result.status },
    );
    const notice = action === "refresh" ? "refreshed" : "attemptCanceled";
    return c.redirect(`${orderPath(unit, detail.order)}?notice=${notice}&status=${result.status}`, 303);
  };
}
