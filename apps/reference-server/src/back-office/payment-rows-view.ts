import { formatMoney, type Payment, type Refund, type SupportedLocale, type Unit } from "@tessera/core";
import type { MessageKey } from "../i18n/message-catalog";
import type { Translate } from "../i18n/translator";
import { formatMoment } from "../pages/date-display";

/** A payment's amount as staff read it; a split payment by its parts: "R$ 149,90 por PIX + R$ 50,00 do saldo". */
function paymentAmountText(payment: Payment, t: Translate, locale: SupportedLocale): string {
  return payment.fromBalance
    ? t("admin.contract.payment.split", {
        amount: formatMoney(payment.amount, locale),
        method: t(`admin.contract.payment.via.${payment.method}` as MessageKey),
        balance: formatMoney(payment.fromBalance.amount, locale),
      })
    : formatMoney(payment.amount, locale);
}

/**
 * An attempt as a sale's page (a contract's, an order's) lists it under its installment: how
 * much, by what, where it stands and when, the provider's words on a failure, and the
 * addresses of its pending-payment actions under the sale's page at `base`.
 */
export function paymentRowView(
  payment: Payment,
  base: string,
  unit: Pick<Unit, "timeZone">,
  t: Translate,
  locale: SupportedLocale,
) {
  return {
    id: payment.id,
    amount: paymentAmountText(payment, t, locale),
    method: t(`method.${payment.method}` as MessageKey),
    status: t(`admin.payment.status.${payment.status}` as MessageKey),
    at: formatMoment(payment.createdAt, locale, unit.timeZone),
    failure: payment.failureMessage ?? "",
    refreshAction: `${base}/payments/${payment.id}/refresh`,
    cancelAction: `${base}/payments/${payment.id}/cancel`,
  };
}

/** A refund as a sale's page lists it: how much, when, why, where it went and where it stands. */
export function refundRowView(
  refund: Refund,
  unit: Pick<Unit, "timeZone">,
  t: Translate,
  locale: SupportedLocale,
) {
  return {
    amount: formatMoney(refund.amount, locale),
    at: formatMoment(refund.createdAt, locale, unit.timeZone),
    reason: refund.reason,
    destination: t(`admin.refund.destination.${refund.destination}` as MessageKey),
    status: t(`admin.refund.status.${refund.status}` as MessageKey),
  };
}
