import {
  type ContractDetail,
  formatMoney,
  openPaymentStatuses,
  type Payment,
  type PaymentStatus,
  paymentLifecycle,
  type Tessera,
  type Unit,
} from "@tessera/core";
import type { Context } from "hono";
import type { MessageKey } from "../i18n/message-catalog";
import { formatDay, formatMoment } from "../pages/date-display";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { contractOfUnit } from "./sale-in-scope";
import { unitInScope } from "./unit-in-scope";

export interface ContractPageDeps {
  tessera: Tessera;
  views: ViewRenderer;
}

/** The notices an action leaves in the address after its redirect: fixed keys, never text from the request. */
export const contractNotices = {
  refreshed: "admin.contract.refreshed",
  canceled: "admin.contract.canceled",
  resent: "admin.contract.resent",
} as const satisfies Record<string, MessageKey>;

/** Whether staff may act on this attempt: it is still open (the payer or the provider may yet pay it). */
export function isOpenAttempt(payment: Payment): boolean {
  return openPaymentStatuses.includes(payment.status);
}

/** Renders the contract page; `message` is a notice or an action's failure, shown at the top. */
export function renderContractPage(
  c: Context<BackOfficeEnv>,
  deps: ContractPageDeps,
  unit: Unit,
  detail: ContractDetail,
  message: { kind: "notice" | "error"; text: string } | null,
  status: 200 | 404 | 409 | 422 = 200,
) {
  const t = c.get("t");
  const locale = c.get("locale");
  const { contract, customer } = detail;
  const base = `/admin/u/${unit.slug}/contracts/${contract.id}`;
  const paymentView = (payment: Payment) => ({
    id: payment.id,
    amount: formatMoney(payment.amount, locale),
    method: t(`method.${payment.method}` as MessageKey),
    status: t(`admin.payment.status.${payment.status}` as MessageKey),
    at: formatMoment(payment.createdAt, locale, unit.timeZone),
    failure: payment.failureMessage ?? "",
    open: isOpenAttempt(payment),
    refreshAction: `${base}/payments/${payment.id}/refresh`,
    cancelAction: `${base}/payments/${payment.id}/cancel`,
    resendAction: `${base}/payments/${payment.id}/resend`,
  });
  return c.html(
    deps.views.render("admin-contract", {
      ...backOfficePageData(c, t("admin.contract.title", { plan: detail.planName, customer: customer.name })),
      unitNav: { slug: unit.slug },
      message,
      contract: {
        plan: detail.planName,
        price: formatMoney(contract.terms.price, locale),
        status: t(`admin.contracts.status.${contract.status}` as MessageKey),
        origin: t(`admin.contracts.origin.${contract.origin}` as MessageKey),
        started: formatDay(contract.startDate, locale),
        issue: contract.paymentIssue?.message ?? "",
      },
      customer: {
        name: customer.name,
        href: `/admin/u/${unit.slug}/customers/${customer.id}`,
        email: customer.email,
        status: t(`admin.customers.status.${customer.status}` as MessageKey),
      },
      installments: detail.installments.map(({ installment, payments }) => ({
        id: installment.id,
        amount: formatMoney(installment.amount, locale),
        due: formatDay(installment.dueDate, locale),
        status: t(`admin.installment.status.${installment.status}` as MessageKey),
        payments: payments.map(paymentView),
      })),
      refunds: detail.refunds.map((refund) => ({
        amount: formatMoney(refund.amount, locale),
        at: formatMoment(refund.createdAt, locale, unit.timeZone),
        reason: refund.reason,
      })),
    }),
    status,
  );
}

/** GET /admin/u/:unit/contracts/:contract — installments, their attempts, and the pending-payment actions. */
export function contractPage(deps: ContractPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const unit = await unitInScope(deps.tessera, signedInStaff(c).staff, c.req.param("unit") ?? "");
    const detail = await contractOfUnit(deps.tessera, unit, c.req.param("contract") ?? "");
    const notice = c.req.query("notice");
    const key =
      notice && notice in contractNotices ? contractNotices[notice as keyof typeof contractNotices] : null;
    const status = c.req.query("status") ?? "";
    const paymentStatus = paymentLifecycle.statuses.includes(status as PaymentStatus)
      ? t(`admin.payment.status.${status}` as MessageKey)
      : "";
    return renderContractPage(
      c,
      deps,
      unit,
      detail,
      key ? { kind: "notice", text: t(key, { status: paymentStatus, email: detail.customer.email }) } : null,
    );
  };
}
