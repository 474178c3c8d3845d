import {
  errorCatalog,
  formatMoney,
  isTesseraError,
  type OrderDetail,
  type OrderOutcome,
  type Payment,
  type PaymentMethod,
} from "@tessera/core";
import type { Context } from "hono";
import { errorMessageKeys } from "../http/error-responses";
import { formText, readFormBody } from "../http/read-form-body";
import type { MessageKey } from "../i18n/message-catalog";
import type { Translate } from "../i18n/translator";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { pageStatus, splitRefusalText } from "./contract-money-actions";
import { splitMethodsOf } from "./contract-page";
import { formKeyOf, typedAmount } from "./money-form";
import { orderPath } from "./order-list-page";
import { nextUnpaidOfOrder, type OrderForms, type OrderPageDeps, renderOrderPage } from "./order-page";
import { orderOfUnit } from "./sale-in-scope";
import { recordStaffAction } from "./staff/staff-audit";
import { unitInScope } from "./unit-in-scope";

/**
 * What an order form's action starts from, as a contract's (`contractAction`): the member,
 * the unit in their scope, the order of that unit (404 otherwise), and `refuse` — the order
 * page again, read afresh, with why, the forms in `forms` shown as they were sent.
 */
export async function orderAction(deps: OrderPageDeps, c: Context<BackOfficeEnv>, forms: OrderForms = {}) {
  const staff = signedInStaff(c).staff;
  const unit = await unitInScope(deps.tessera, staff, c.req.param("unit") ?? "");
  const detail = await orderOfUnit(deps.tessera, unit, c.req.param("order") ?? "");
  const refuse = async (text: string, status: 404 | 409 | 422 | 503) =>
    renderOrderPage(
      c,
      deps,
      unit,
      await orderOfUnit(deps.tessera, unit, detail.order.id),
      { kind: "error", text },
      status,
      forms,
    );
  return { t: c.get("t"), locale: c.get("locale"), staff, unit, detail, refuse };
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
    const { t, locale, staff, unit, detail, refuse } = await orderAction(deps, c);
    const key = formKeyOf(await readFormBody(c));
    if (key === null) return refuse(t("admin.wallet.error.formExpired"), 422);
    let outcome: OrderOutcome;
    try {
      outcome = await deps.tessera.orders.pay({
        orderId: detail.order.id,
        actor: staff.id,
        idempotencyKey: key,
      });
    } catch (error) {
      if (!isTesseraError(error) || errorCatalog[error.code].http >= 500) throw error;
      const next = nextUnpaidOfOrder(detail);
      if (error.code === "insufficient_balance" && next) {
        const balance = await deps.tessera.wallet.balance(detail.customer.id, next.amount.currency);
        return refuse(
          t("admin.contract.error.balanceShort", {
            balance: formatMoney(balance, locale),
            amount: formatMoney(next.amount, locale),
          }),
          pageStatus(error.code),
        );
      }
      if (error.code === "invalid_transition")
        return refuse(await closedText(deps, t, detail.order), pageStatus(error.code));
      return refuse(
        t("admin.contract.actionFailed", { message: t(errorMessageKeys[error.code]) }),
        pageStatus(error.code),
      );
    }
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

/** The payment statuses after which a split payment's wallet part has been given back. */
const givenBack: readonly Payment["status"][] = ["failed", "canceled"];

/**
 * POST /admin/u/:unit/orders/:order/split-payment — pays the order's next unpaid lines with
 * the customer's whole balance (less than they cost: the form is shown only then) and the
 * rest by the method chosen, PIX, boleto or a payment link (`orders.pay` with `fromBalance`,
 * the member as the wallet line's actor), under the form's idempotency key, as the contract
 * page's split payment: the part is the balance as the form showed it, so the form sent twice
 * is the same request.
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
    const { t, locale, staff, unit, detail, refuse } = await orderAction(deps, c, { [kind]: { method } });
    const key = formKeyOf(body);
    const currency = detail.order.total.currency;
    if (key === null) return refuse(t("admin.wallet.error.formExpired"), 422);
    if (!splitMethodsOf(unit).includes(method as PaymentMethod)) return refuse(t("form.error.option"), 422);
    const part = kind === "split" ? typedAmount(formText(body, "fromBalance", 40), true).amount : null;
    if (kind === "split" && part === null) return refuse(t("form.error.invalid"), 422);
    const fromBalance = part === null ? null : { amount: part, currency };
    const methodName = t(`method.${method}` as MessageKey);
    let outcome: OrderOutcome;
    try {
      outcome = await deps.tessera.orders.pay({
        orderId: detail.order.id,
        method: method as PaymentMethod,
        ...(fromBalance ? { fromBalance } : {}),
        actor: staff.id,
        idempotencyKey: key,
      });
    } catch (error) {
      if (!isTesseraError(error)) throw error;
      // Not taken by the provider: nothing charged, a split's part given back; the page offers it again.
      if (error.code === "gateway_unavailable" || error.code === "gateway_invalid_request")
        return refuse(
          t("admin.order.error.gateway", { method: methodName }),
          error.code === "gateway_unavailable" ? 503 : 422,
        );
      if (errorCatalog[error.code].http >= 500) throw error;
      if (error.code === "invalid_transition")
        return refuse(await closedText(deps, t, detail.order), pageStatus(error.code));
      const balance = formatMoney(await deps.tessera.wallet.balance(detail.customer.id, currency), locale);
      const next = nextUnpaidOfOrder(detail);
      const rest = formatMoney(
        { amount: Math.max((next?.amount.amount ?? 0) - (part ?? 0), 0), currency },
        locale,
      );
      return refuse(
        splitRefusalText(error, t, {
          balance,
          part: formatMoney(fromBalance ?? { amount: 0, currency }, locale),
          rest,
          methodName,
        }),
        pageStatus(error.code),
      );
    }
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
    const failed = !payment || givenBack.includes(payment.status);
    const notice = kind === "charge" ? "charged" : failed ? "splitFailed" : "splitStarted";
    const query = new URLSearchParams({ notice, status: payment?.status ?? "", method });
    return c.redirect(`${orderPath(unit, detail.order)}?${query}`, 303);
  };
}

/** An order no longer open has nothing to pay: said with its status as it is now. */
async function closedText(deps: OrderPageDeps, t: Translate, order: OrderDetail["order"]): Promise<string> {
  const status = (await deps.tessera.orders.get(order.id))?.order.status ?? order.status;
  return t("admin.order.error.closed", { status: t(`admin.orders.status.${status}` as MessageKey) });
}
