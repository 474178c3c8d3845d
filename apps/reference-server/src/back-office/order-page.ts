import {
  calendarDateInZone,
  formatMoney,
  isUnpaid,
  type OrderDetail,
  type Payment,
  type PaymentMethod,
  paymentMethods,
  type Tessera,
  type Unit,
} from "@tessera/core";
import type { Context } from "hono";
import type { MessageKey } from "../i18n/message-catalog";
import { formatDay } from "../pages/date-display";
import type { ViewRenderer } from "../views/view-renderer";
import type { BackOfficeEnv } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { balanceOffersView, deskMethodChoices } from "./balance-offers-view";
import { isOpenAttempt, nextUnpaidLinesOf, splitMethodsOf } from "./contract-page";
import { formKeyField, freshFormKey, type MoneyFormState } from "./money-form";
import { orderPath } from "./order-list-page";
import { type RefundFormState, refundFormsOf } from "./payment-refund-form";
import { paymentRowView, refundRowView } from "./payment-rows-view";
import { redirectNoticeOf } from "./redirect-notice";
import { saleOfAddress } from "./sale-of-address";

export interface OrderPageDeps {
  tessera: Tessera;
  views: ViewRenderer;
}

/** The notices an action leaves in the address after its redirect: fixed keys, never text from the request. */
export const orderNotices = {
  createdFromBalance: "admin.order.created.paidFromBalance",
  createdAwaiting: "admin.order.created.awaiting",
  createdCharged: "admin.order.created.charged",
  createdNotCharged: "admin.order.created.notCharged",
  charged: "admin.order.charged",
  paidFromBalance: "admin.contract.paidFromBalance",
  splitStarted: "admin.order.split.started",
  splitFailed: "admin.contract.split.failed",
  canceled: "admin.order.canceled",
  refreshed: "admin.contract.refreshed",
  attemptCanceled: "admin.contract.canceled",
  refunded: "admin.contract.refunded",
} as const satisfies Record<string, MessageKey>;

/** The notices that tell of a failure, shown as one. */
const errorNotices: readonly MessageKey[] = [orderNotices.createdNotCharged, orderNotices.splitFailed];

/** The notices that tell the balance as it is now. */
const balanceNotices: readonly MessageKey[] = [
  orderNotices.createdFromBalance,
  orderNotices.createdAwaiting,
  orderNotices.paidFromBalance,
  orderNotices.splitStarted,
  orderNotices.splitFailed,
];

/** The value of the cancel form's confirmation box: the form is refused without it. */
export const orderCancelConfirmValue = "yes";

/**
 * Whether staff may still cancel the order, as `orders.cancel` decides: open, and no line
 * paid (an attempt still open at a line is refused by core, and said).
 */
export function isCancelable(detail: OrderDetail): boolean {
  return (
    detail.order.status === "open" &&
    detail.installments.every(({ installment }) => isUnpaid(installment) || installment.status === "canceled")
  );
}

/** What `orders.pay` would pay next: its first unpaid lines, their total, whether an attempt at them is open. */
export const nextUnpaidOfOrder = (detail: OrderDetail) =>
  detail.order.status === "open" ? nextUnpaidLinesOf(detail.installments, detail.order.total.currency) : null;

/** An open attempt's instructions as the order page shows them to copy: the PIX code, the boleto's line, the link. */
function payerActionView(payment: Payment) {
  const action = payment.action;
  if (!action) return null;
  switch (action.type) {
    case "pix":
      return { label: "admin.order.action.pix", text: action.qrCodePayload, href: null };
    case "boleto":
      return { label: "admin.order.action.boleto", text: action.digitableLine, href: action.pdfUrl };
    case "redirect":
      return { label: "admin.order.action.redirect", text: action.url, href: null };
  }
}

/** The order page's forms that a refused action shows again as they were sent; the rest are fresh. */
export interface OrderForms {
  /** The cancel form as sent: its box, and the errors by input (or `form`). */
  cancel?: Pick<MoneyFormState, "values" | "errors">;
  /** The split payment's form: only its method is shown again (the amount is the balance now). */
  split?: { method: string };
  /** The form that charges the lines by a method, when there is no balance to use. */
  charge?: { method: string };
  /** A payment's refund form as sent: what was typed, the errors by input (or `form`), its key. */
  refund?: RefundFormState;
}

/**
 * Renders an order's page; `message` is a notice or an action's failure, shown at the top.
 * What was bought (items, quantities, prices, the total), the installments with every attempt
 * at them — a split payment by its parts — and the refunds; "descontado do saldo" when the
 * wallet paid it. While the order is open: "pay from the balance" when the customer's balance
 * covers the next unpaid lines, or — when it is more than zero but less — "use the balance
 * and charge the rest by" PIX, boleto or a payment link, as on the contract page; and, while
 * nothing of it is paid, the form that cancels it. Every payment with money left to refund
 * has the contract page's refund form (`refundFormsOf`).
 */
export async function renderOrderPage(
  c: Context<BackOfficeEnv>,
  deps: OrderPageDeps,
  unit: Unit,
  detail: OrderDetail,
  message: { kind: "notice" | "error"; text: string } | null,
  status: 200 | 404 | 409 | 422 | 503 = 200,
  forms: OrderForms = {},
) {
  const t = c.get("t");
  const locale = c.get("locale");
  const { order, customer } = detail;
  const base = orderPath(unit, order);
  const currency = order.total.currency;
  const balance = await deps.tessera.wallet.balance(customer.id, currency);
  const next = nextUnpaidOfOrder(detail);
  // A payment of several lines due together is listed under each; its actions once.
  const actionsShown = new Set<string>();
  const refundView = refundFormsOf(base, detail.refunds, forms.refund, t, locale);
  const paymentView = (payment: Payment) => {
    const open = isOpenAttempt(payment) && !actionsShown.has(payment.id);
    if (open) actionsShown.add(payment.id);
    return {
      ...paymentRowView(payment, base, unit, t, locale),
      open,
      // What the payer does to pay an open attempt, for staff to hand over: no e-mail tells an order's.
      action: open ? payerActionView(payment) : null,
      refund: refundView(payment),
    };
  };
  // A balance short of the next lines pays part of them, the rest by a method the desk can charge;
  // with no balance at all, the lines are charged whole by such a method: the one sent again, else the first.
  const deskMethods = splitMethodsOf(unit);
  const sentMethod = forms.split?.method ?? forms.charge?.method ?? "";
  const methodChoices = deskMethodChoices(
    deskMethods,
    deskMethods.includes(sentMethod as PaymentMethod) ? sentMethod : deskMethods[0],
    t,
  );
  const { standing, wallet } = balanceOffersView({ base, balance, next, choices: methodChoices }, t, locale);
  const sentCancel = forms.cancel;
  return c.html(
    deps.views.render("admin-order", {
      ...backOfficePageData(
        c,
        t("admin.order.title", { description: detail.description, customer: customer.name }),
      ),
      unitNav: { slug: unit.slug },
      message,
      keyField: formKeyField,
      order: {
        description: detail.description,
        status: t(`admin.orders.status.${order.status}` as MessageKey),
        made: formatDay(calendarDateInZone(order.createdAt, unit.timeZone), locale),
        total: formatMoney(order.total, locale),
        installmentCount: t("admin.order.installmentCount", { count: order.installmentCount }),
        paidFromBalance: order.paidFromBalance,
        listHref: `/admin/u/${unit.slug}/orders`,
      },
      items: order.items.map((item) => ({
        description: t("admin.order.item", { quantity: item.quantity, description: item.description }),
        each: t("admin.order.itemEach", { price: formatMoney(item.unitPrice, locale) }),
        amount: formatMoney(
          { amount: item.unitPrice.amount * item.quantity, currency: item.unitPrice.currency },
          locale,
        ),
      })),
      customer: {
        name: customer.name,
        href: `/admin/u/${unit.slug}/customers/${customer.id}`,
        walletHref: `/admin/u/${unit.slug}/customers/${customer.id}/wallet`,
        email: customer.email,
      },
      wallet: {
        ...wallet,
        charge:
          next !== null && standing.empty && !next.busy && deskMethods.length > 0
            ? {
                action: `${base}/charge`,
                key: freshFormKey(),
                legend: t("admin.order.charge.legend", { amount: formatMoney(next.amount, locale) }),
                hint: t("admin.order.charge.hint", { date: formatDay(next.dueDate, locale) }),
                methods: methodChoices,
              }
            : null,
        busy: (standing.covered || standing.partial || standing.empty) && standing.busy,
      },
      installments: detail.installments.map(({ installment, payments }) => ({
        amount: formatMoney(installment.amount, locale),
        due: formatDay(installment.dueDate, locale),
        status: t(`admin.installment.status.${installment.status}` as MessageKey),
        payments: payments.map(paymentView),
      })),
      refunds: detail.refunds.map((refund) => refundRowView(refund, unit, t, locale)),
      cancellation: isCancelable(detail)
        ? {
            action: `${base}/cancellation`,
            values: { confirm: "", ...sentCancel?.values },
            errors: sentCancel?.errors ?? {},
            open: sentCancel !== undefined,
            confirmValue: orderCancelConfirmValue,
          }
        : null,
    }),
    status,
  );
}

/** GET /admin/u/:unit/orders/:order — what was bought, its installments and attempts, the actions. */
export function orderPage(deps: OrderPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const { t, locale, unit, detail } = await saleOfAddress(c, deps.tessera, "order");
    const notice = redirectNoticeOf(c, orderNotices, orderNotices.refunded);
    const method = c.req.query("method") ?? "";
    const methodName = (paymentMethods as readonly string[]).includes(method)
      ? t(`method.${method as PaymentMethod}` as MessageKey)
      : "";
    const balance =
      notice && balanceNotices.includes(notice.key)
        ? formatMoney(
            await deps.tessera.wallet.balance(detail.customer.id, detail.order.total.currency),
            locale,
          )
        : "";
    return renderOrderPage(
      c,
      deps,
      unit,
      detail,
      notice
        ? {
            kind: errorNotices.includes(notice.key) ? "error" : "notice",
            text: t(notice.key, { status: notice.status, method: methodName, balance }),
          }
        : null,
    );
  };
}
