import { errorCatalog, isTesseraError, isUnpaid, type Order } from "@tessera/core";
import type { Context } from "hono";
import { errorMessageKeys } from "../http/error-responses";
import { formText, readFormBody } from "../http/read-form-body";
import type { BackOfficeEnv } from "./back-office-env";
import { orderPath } from "./order-list-page";
import { orderAction } from "./order-money-actions";
import { type OrderPageDeps, orderCancelConfirmValue, renderOrderPage } from "./order-page";
import { pageStatus } from "./sale-of-address";
import { recordStaffAction } from "./staff/staff-audit";

/**
 * POST /admin/u/:unit/orders/:order/cancellation — cancels an order nothing of which is paid,
 * its lines with it (`orders.cancel`). The box must be ticked (a form without JavaScript has
 * no confirm dialog). Canceling a canceled order answers it as it is, so the form sent twice
 * cancels once. An order with a paid line (refund it instead), or an attempt still open at a
 * line, is the order page with the reason (409) and nothing changed.
 */
export function orderCancellation(deps: OrderPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const body = await readFormBody(c);
    const values = { confirm: formText(body, "confirm", 10) };
    const { t, staff, unit, detail, refuse } = await orderAction(deps, c, {
      cancel: { values, errors: {} },
    });
    if (values.confirm !== orderCancelConfirmValue) {
      const errors = { confirm: t("admin.order.cancel.error.confirm") };
      return renderOrderPage(c, deps, unit, detail, null, 422, { cancel: { values, errors } });
    }
    let canceled: Order;
    try {
      canceled = await deps.tessera.orders.cancel({ orderId: detail.order.id, actor: staff.id });
    } catch (error) {
      // The server's own failures (the database away) are the error page's, not the form's.
      if (!isTesseraError(error) || errorCatalog[error.code].http >= 500) throw error;
      const text =
        error.code === "invalid_transition"
          ? t("admin.order.cancel.error.paid")
          : error.code === "payment_in_progress"
            ? t("admin.order.cancel.error.inProgress")
            : t("admin.contract.actionFailed", { message: t(errorMessageKeys[error.code]) });
      return refuse(text, pageStatus(error.code));
    }
    await recordStaffAction(
      c,
      deps.tessera,
      "order.canceled",
      { kind: "order", id: detail.order.id },
      {
        customerId: detail.customer.id,
        canceledLines: detail.installments.filter(({ installment }) => isUnpaid(installment)).length,
        total: detail.order.total.amount,
        currency: detail.order.total.currency,
        replayed: detail.order.status === "canceled",
      },
    );
    return c.redirect(`${orderPath(unit, canceled)}?notice=canceled`, 303);
  };
}
