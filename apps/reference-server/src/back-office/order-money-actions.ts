import type { OrderDetail, OrderOutcome, Payment } from "@tessera/core";
import type { Context } from "hono";
import { formText, readFormBody } from "../http/read-form-body";
import type { MessageKey } from "../i18n/message-catalog";
import type { Translate } from "../i18n/translator";
import { attemptOfSale } from "./attempt-action";
import type { BackOfficeEnv } from "./back-office-env";
import { payByMethodForm, payFromBalanceForm, splitStarted } from "./desk-payment-forms";
import { orderPath } from "./order-list-page";
import { nextUnpaidOfOrder, type OrderForms, type OrderPageDeps, renderOrderPage } from "./order-page";
import { refundPaymentForm } from "./payment-refund-form";
import { orderOfUnit } from "./sale-in-scope";
import { pageStatus, saleAction, saleOfAddress } from "./sale-of-address";
import { recordStaffAction } from "./staff/staff-audit";

/**
 * What an order form's action starts from (`saleAction`), as a contract's: the member, the
 * unit in their scope, the order of that unit (404 otherwise), and `refuse` — the order page
 * again, read afresh, with why, the forms in `forms` shown as they were sent.
 */
export function orderAction(deps: OrderPageDeps, c: Context<BackOfficeEnv>, forms: OrderForms = {}) {
  return saleAction(c, deps.tessera, "order", (unit, detail, message, status: 404 | 409 | 422 | 503) =>
    renderOrderPage(c, deps, unit, detail, message, status, forms),
  );
}

/** The audit line's facts of an order's payment. */
const paymentFacts = (outcome: OrderOutcome & { payment: Payment }) => ({
  order: outcome.order.id,
  customerId: outcome.customer.id,
  method: outcome.payment.method,
  amount: outcome.payment.amount.amount,
  currency: outcome.payment.amount.currency,
  fromBalance: outcome.payment.fromBalance?.amount.amount ?? 0,
  status: outcome.payment.status,
  orderStatus: outcome.order.status,
  replayed: outcome.replayed,
});

/**
 * POST /admin/u/:unit/orders/:order/pay-from-balance — pays the order's next unpaid lines all
 * from the customer's wallet (`orders.pay` without a method), under the form's idempotency
 * key: sent twice, it pays once. A balance short of them, an attempt still open, or an order
 * no longer open is the order page with the reason; nothing is taken then.
 */
export function orderPayFromBalance(deps: OrderPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const action = await orderAction(deps, c);
    const { t, unit, detail, refuse } = action;
    const outcome = await payFromBalanceForm(deps.tessera, action, await readFormBody(c), {
      next: nextUnpaidOfOrder(detail),
      pay: (request) => deps.tessera.orders.pay({ orderId: detail.order.id, ...request }),
      refused: async (error) =>
        error.code === "invalid_transition"
          ? refuse(await closedText(deps, t, detail.order), pageStatus(error.code))
          : null,
    });
    if (outcome instanceof Response) return outcome;
    if (outcome.payment) {
      await recordStaffAction(
        c,
        deps.tessera,
        "order.paid_from_balance",
        { kind: "payment", id: outcome.payment.id },
        paymentFacts({ ...outcome, payment: outcome.payment }),
      );
    }
    return c.redirect(`${orderPath(unit, detail.order)}?notice=paidFromBalance`, 303);
  };
}

/**
 * POST /admin/u/:unit/orders/:order/split-payment — pays the order's next unpaid lines with
 * the customer's whole balance (less than they cost: the form is shown only then) and the
 * rest by the method chosen, PIX, boleto or a payment link (`orders.pay` with `fromBalance`,
 * the member as the wallet line's actor), under the form's idempotency key, as the contract
 * page's split payment (`payByMethodForm`): the part is the balance as the form showed it, so
 * the form sent twice is the same request.
 *
 * POST /admin/u/:unit/orders/:order/charge (`kind: "charge"`) — the same with no balance to
 * use (the form is shown when it is zero): the lines charged whole by the method chosen.
 *
 * A refusal (the balance spent meanwhile, an attempt still open, a method the customer's
 * record cannot take, the provider not taking the charge now) is the order page with why, and
 * nothing taken.
 */
export function orderMethodPayment(deps: OrderPageDeps, kind: "split" | "charge") {
  return async (c: Context<BackOfficeEnv>) => {
    const body = await readFormBody(c);
    const method = formText(body, "method", 40);
    const action = await orderAction(deps, c, { [kind]: { method } });
    const { t, unit, detail, refuse } = action;
    const outcome = await payByMethodForm(deps.tessera, action, body, {
      method,
      withBalance: kind === "split",
      currency: detail.order.total.currency,
      next: nextUnpaidOfOrder(detail),
      pay: (request) => deps.tessera.orders.pay({ orderId: detail.order.id, ...request }),
      refused: async (error) => {
        // Not taken by the provider: nothing charged, a split's part given back; the page offers it again.
        if (error.code === "gateway_unavailable" || error.code === "gateway_invalid_request")
          return refuse(
            t("admin.order.error.gateway", { method: t(`method.${method}` as MessageKey) }),
            error.code === "gateway_unavailable" ? 503 : 422,
          );
        if (error.code === "invalid_transition")
          return refuse(await closedText(deps, t, detail.order), pageStatus(error.code));
        return null;
      },
    });
    if (outcome instanceof Response) return outcome;
    const payment = outcome.payment;
    if (payment) {
      await recordStaffAction(
        c,
        deps.tessera,
        kind === "split" ? "order.split_payment" : "order.charged",
        { kind: "payment", id: payment.id },
        {
          ...paymentFacts({ ...outcome, payment }),
          ...(payment.fromBalance ? { walletEntry: payment.fromBalance.entryId } : {}),
        },
      );
    }
    const failed = !splitStarted(payment);
    const notice = kind === "charge" ? "charged" : failed ? "splitFailed" : "splitStarted";
    const query = new URLSearchParams({ notice, status: payment?.status ?? "", method });
    return c.redirect(`${orderPath(unit, detail.order)}?${query}`, 303);
  };
}

/**
 * POST /admin/u/:unit/orders/:order/payments/:payment/refund — the contract page's refund
 * form on an order's paid payment (`refundPaymentForm`): all or part of it, to the method it
 * was paid by or to the customer's wallet, the attempt one of this order's (else 404). Core
 * makes the order `refunded` once every line of it came back; a refusal is the order page,
 * read afresh, with why beside the form's fields.
 */
export function orderRefund(deps: OrderPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const { staff, unit, detail } = await saleOfAddress(c, deps.tessera, "order");
    return refundPaymentForm(c, deps.tessera, {
      staff,
      payment: attemptOfSale(c, "order", detail.installments),
      refunds: detail.refunds,
      path: orderPath(unit, detail.order),
      audit: { order: detail.order.id },
      show: async (message, status, refund) =>
        renderOrderPage(
          c,
          deps,
          unit,
          await orderOfUnit(deps.tessera, unit, detail.order.id),
          message,
          status,
          refund ? { refund } : {},
        ),
    });
  };
}

/** An order no longer open has nothing to pay: said with its status as it is now. */
async function closedText(deps: OrderPageDeps, t: Translate, order: OrderDetail["order"]): Promise<string> {
  const status = (await deps.tessera.orders.get(order.id))?.order.status ?? order.status;
  return t("admin.order.error.closed", { status: t(`admin.orders.status.${status}` as MessageKey) });
}
