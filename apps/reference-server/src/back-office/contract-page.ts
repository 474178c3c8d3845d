import {
  type ContractDetail,
  calendarDateInZone,
  contractLifecycle,
  formatMoney,
  type InstallmentKind,
  type InstallmentWithPayments,
  linesToPay,
  onlineMethodsOf,
  openPaymentStatuses,
  type Payment,
  type PaymentMethod,
  sumMoney,
  type Tessera,
  type Unit,
} from "@tessera/core";
import type { Context } from "hono";
import { dueLinesOf } from "../checkout/due-lines";
import type { PayLinks } from "../checkout/pay-link";
import type { ServerConfig } from "../config/server-config";
import type { MessageKey } from "../i18n/message-catalog";
import { formatDay } from "../pages/date-display";
import type { ViewRenderer } from "../views/view-renderer";
import type { BackOfficeEnv } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { balanceOffersView, deskMethodChoices } from "./balance-offers-view";
import { contractDunningView, installmentDunningView } from "./contract-dunning-view";
import { formKeyField, freshFormKey, type MoneyFormState } from "./money-form";
import { type RefundFormState, refundFormsOf } from "./payment-refund-form";
import { paymentRowView, refundRowView } from "./payment-rows-view";
import { publicBase } from "./public-address";
import { redirectNoticeOf } from "./redirect-notice";
import { saleOfAddress } from "./sale-of-address";

export interface ContractPageDeps {
  tessera: Tessera;
  views: ViewRenderer;
  /** The contract's pay link, shown to copy and resend while lines are due. */
  payLinks: PayLinks;
  config: Pick<ServerConfig, "publicUrl">;
}

/** The notices an action leaves in the address after its redirect: fixed keys, never text from the request. */
export const contractNotices = {
  refreshed: "admin.contract.refreshed",
  canceled: "admin.contract.canceled",
  resent: "admin.contract.resent",
  paidFromBalance: "admin.contract.paidFromBalance",
  splitStarted: "admin.contract.split.started",
  splitFailed: "admin.contract.split.failed",
  refunded: "admin.contract.refunded",
  contractCanceled: "admin.contract.end.done",
  payLinkSent: "admin.contract.payLink.sent",
} as const satisfies Record<string, MessageKey>;

/** The value of the cancel form's confirmation box: the form is refused without it. */
export const cancelConfirmValue = "yes";

/** Whether staff may act on this attempt: it is still open (the payer or the provider may yet pay it). */
export function isOpenAttempt(payment: Payment): boolean {
  return openPaymentStatuses.includes(payment.status);
}

/**
 * The methods staff may charge the rest of a split payment by, from the desk: the unit's
 * online methods that need nothing of the payer there and then — PIX, boleto, a payment
 * link. A card needs the provider's token from the payer's own browser, which the desk does
 * not have; a `manual` method is never charged through a provider (`payments.retry`).
 */
export function splitMethodsOf(unit: Pick<Unit, "paymentMethods">): PaymentMethod[] {
  return [...new Set(onlineMethodsOf(unit).map((entry) => entry.method as PaymentMethod))].filter(
    (method) => method !== "card",
  );
}

/**
 * The installments `wallet.payFromBalance` would pay, as core picks them: the first unpaid
 * ones (`awaiting` or `denied`) due together, their total, and whether an attempt at them is
 * still open (core then refuses with `payment_in_progress`). Null when nothing is left to pay.
 */
export function nextUnpaidOf(detail: ContractDetail) {
  return nextUnpaidLinesOf(detail.installments, detail.contract.terms.price.currency);
}

/** `nextUnpaidOf` for any owner's installments in `currency` — a contract's, or an order's (`orders.pay`). */
export function nextUnpaidLinesOf(installments: readonly InstallmentWithPayments[], currency: string) {
  const due = linesToPay(installments.map(({ installment }) => installment));
  if (due.length === 0) return null;
  const ids = new Set(due.map((line) => line.id));
  return {
    amount: sumMoney(
      due.map((line) => line.amount),
      currency,
    ),
    dueDate: due[0]!.dueDate,
    busy: installments.some(
      ({ installment, payments }) => ids.has(installment.id) && payments.some(isOpenAttempt),
    ),
  };
}

/** The contract page's forms that a refused action shows again as they were sent; the rest are fresh. */
export interface ContractForms {
  refund?: RefundFormState;
  cancel?: MoneyFormState;
  /** The split payment's form: only its method is shown again (the amount is the balance now). */
  split?: { method: string };
}

/**
 * Renders the contract page; `message` is a notice or an action's failure, shown at the top.
 * Besides the installments and their attempts: the customer's wallet balance with "pay from
 * the balance" when it covers the next unpaid installments — or, when it is more than zero
 * but less than them, "use the balance and charge the rest by" PIX, boleto or a payment
 * link — and a refund form on each
 * payment with money left to refund (to the original method or to the wallet); while lines are
 * due, the contract's pay link to copy and to e-mail the customer. Where the
 * collection stands (past due, the unit's retry days, each line's failures and next attempt),
 * and, while the contract may still be canceled, the form that ends it.
 */
export async function renderContractPage(
  c: Context<BackOfficeEnv>,
  deps: ContractPageDeps,
  unit: Unit,
  detail: ContractDetail,
  message: { kind: "notice" | "error"; text: string } | null,
  status: 200 | 404 | 409 | 422 = 200,
  forms: ContractForms = {},
) {
  const t = c.get("t");
  const locale = c.get("locale");
  const { contract, customer } = detail;
  const base = `/admin/u/${unit.slug}/contracts/${contract.id}`;
  const balance = await deps.tessera.wallet.balance(customer.id, contract.terms.price.currency);
  const next = nextUnpaidOf(detail);
  const refundView = refundFormsOf(base, detail.refunds, forms.refund, t, locale);
  const paymentView = (payment: Payment) => ({
    ...paymentRowView(payment, base, unit, t, locale),
    open: isOpenAttempt(payment),
    resendAction: `${base}/payments/${payment.id}/resend`,
    refund: refundView(payment),
  });
  // A balance short of the next installments pays part of them, the rest by a method the desk can
  // charge: the one sent again, else the first (one not offered is left unchecked).
  const splitMethods = splitMethodsOf(unit);
  const sentSplit = forms.split?.method || splitMethods[0];
  const offers = balanceOffersView(
    { base, balance, next, choices: deskMethodChoices(splitMethods, sentSplit, t) },
    t,
    locale,
  );
  const cancelable = contractLifecycle.canMove(contract.status, "canceled");
  const today = calendarDateInZone(deps.tessera.clock.now(), unit.timeZone);
  const due = dueLinesOf(detail, today);
  // Core does not stop a provider's own recurrence (cancel-contract.ts): the form says so.
  const recurring =
    cancelable &&
    (await deps.tessera.recurrences.listByContract(contract.id)).some(
      (recurrence) => recurrence.status === "active",
    );
  const sentCancel = forms.cancel;
  const kindLabel = (kind: InstallmentKind): MessageKey =>
    kind === "period" && contract.terms.kind === "pass"
      ? "installment.kind.pass"
      : (`installment.kind.${kind}` as MessageKey);
  return c.html(
    deps.views.render("admin-contract", {
      ...backOfficePageData(c, t("admin.contract.title", { plan: detail.planName, customer: customer.name })),
      unitNav: { slug: unit.slug },
      message,
      keyField: formKeyField,
      contract: {
        plan: detail.planName,
        price: formatMoney(contract.terms.price, locale),
        status: t(`admin.contracts.status.${contract.status}` as MessageKey),
        origin: t(`admin.contracts.origin.${contract.origin}` as MessageKey),
        started: formatDay(contract.startDate, locale),
        ends: contract.endDate ? formatDay(contract.endDate, locale) : "",
        pastDue: contract.status === "past_due",
      },
      dunning: contractDunningView(contract, unit, t, locale),
      // While lines are due, the link that pays them all: to copy into a message, or to e-mail.
      payLink: due
        ? {
            url: `${publicBase(c, deps.config.publicUrl)}${deps.payLinks.pathOf(contract.id).slice(1)}`,
            total: formatMoney(due.total, locale),
            count: due.lines.length,
            resendAction: `${base}/pay-link/resend`,
          }
        : null,
      cancellation: cancelable
        ? {
            action: `${base}/cancellation`,
            key: sentCancel?.key ?? freshFormKey(),
            values: { on: today, reason: "", confirm: "", ...sentCancel?.values },
            errors: sentCancel?.errors ?? {},
            open: sentCancel !== undefined,
            confirmValue: cancelConfirmValue,
            today: formatDay(today, locale),
            recurring,
          }
        : null,
      customer: {
        name: customer.name,
        href: `/admin/u/${unit.slug}/customers/${customer.id}`,
        walletHref: `/admin/u/${unit.slug}/customers/${customer.id}/wallet`,
        email: customer.email,
        status: t(`admin.customers.status.${customer.status}` as MessageKey),
      },
      wallet: {
        ...offers.wallet,
        busy: (offers.standing.covered || offers.standing.partial) && offers.standing.busy,
      },
      installments: detail.installments.map(({ installment, payments }) => ({
        id: installment.id,
        amount: formatMoney(installment.amount, locale),
        kind: t(kindLabel(installment.kind)),
        due: formatDay(installment.dueDate, locale),
        status: t(`admin.installment.status.${installment.status}` as MessageKey),
        dunning: installmentDunningView(installment, t, locale),
        payments: payments.map(paymentView),
      })),
      refunds: detail.refunds.map((refund) => refundRowView(refund, unit, t, locale)),
    }),
    status,
  );
}

/** GET /admin/u/:unit/contracts/:contract — installments, their attempts, and the pending-payment actions. */
export function contractPage(deps: ContractPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const { t, locale, unit, detail } = await saleOfAddress(c, deps.tessera, "contract");
    const notice = redirectNoticeOf(c, contractNotices, contractNotices.refunded);
    const key = notice?.key;
    const balance =
      key === "admin.contract.paidFromBalance" ||
      key === "admin.contract.split.started" ||
      key === "admin.contract.split.failed"
        ? formatMoney(
            await deps.tessera.wallet.balance(detail.customer.id, detail.contract.terms.price.currency),
            locale,
          )
        : "";
    const ended = detail.contract.endDate ? formatDay(detail.contract.endDate, locale) : "";
    return renderContractPage(
      c,
      deps,
      unit,
      detail,
      notice
        ? {
            kind: "notice",
            text: t(notice.key, {
              status: notice.status,
              email: detail.customer.email,
              balance,
              date: ended,
            }),
          }
        : null,
    );
  };
}
