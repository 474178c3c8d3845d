import {
  errorCatalog,
  type FieldIssue,
  formatMoney,
  isTesseraError,
  type Money,
  type Payment,
  type Refund,
  type RefundOutcome,
  refundableAmount,
  type SupportedLocale,
  type Tessera,
} from "@tessera/core";
import type { Context } from "hono";
import { errorMessageKeys } from "../http/error-responses";
import { formText, readFormBody } from "../http/read-form-body";
import type { MessageKey } from "../i18n/message-catalog";
import type { Translate } from "../i18n/translator";
import type { BackOfficeEnv } from "./back-office-env";
import { formKeyOf, freshFormKey, type MoneyFormState, typedAmount } from "./money-form";
import { pageStatus } from "./sale-of-address";
import { recordStaffAction } from "./staff/staff-audit";

/**
 * What is left to refund of a payment, to any destination: collected — the provider's part
 * and a split payment's wallet part — less the refunds that went or may go back, as core
 * counts it (`refundableAmount`; to the original method it is at most the provider's part).
 */
export function refundableOf(payment: Payment, refunds: readonly Refund[]): Money {
  return refundableAmount(payment, refunds, "wallet");
}

/** A refund form a refused action shows again as it was sent: the payment's, what was typed, why, its key. */
export type RefundFormState = MoneyFormState & { paymentId: string };

/**
 * The refund form of each payment on a sale's page (a contract's, an order's) at `base`: one
 * on every payment with money left to refund, to the method it was paid by or to the
 * customer's wallet — the one `sent` back as it was sent, the others fresh. A payment of
 * several installments due together is listed under each; its form is given once, the
 * other rows get null.
 */
export function refundFormsOf(
  base: string,
  refunds: readonly Refund[],
  sent: RefundFormState | undefined,
  t: Translate,
  locale: SupportedLocale,
) {
  const shown = new Set<string>();
  return (payment: Payment) => {
    const left = refundableOf(payment, refunds);
    if (left.amount <= 0 || shown.has(payment.id)) return null;
    shown.add(payment.id);
    const again = sent?.paymentId === payment.id ? sent : undefined;
    const walletOnly = payment.method === "wallet";
    return {
      action: `${base}/payments/${payment.id}/refund`,
      key: again?.key ?? freshFormKey(),
      values: { destination: walletOnly ? "wallet" : "original_method", ...again?.values },
      errors: again?.errors ?? {},
      left: formatMoney(left, locale),
      currency: left.currency,
      walletOnly,
      // A split payment's wallet part goes back only to the wallet (core's rule): the form says so.
      walletPart: payment.fromBalance ? formatMoney(payment.fromBalance.amount, locale) : "",
      method: t(`method.${payment.method}` as MessageKey),
      legend: t("admin.contract.refund.legend"),
    };
  };
}

/** Core's refusals of a refund's amount, in the member's words, beside the amount (or for the form). */
function refundIssueTexts(
  issues: readonly FieldIssue[],
  t: Translate,
  amounts: { left: string; whole: string; walletPartLeft: string | null },
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    if (String(issue.path[0]) !== "amount") errors["form"] ??= t("form.error.invalid");
    else if (issue.code === "too_big")
      errors["amount"] ??= t("admin.contract.refund.error.tooBig", { amount: amounts.left });
    else if (issue.code === "partial_not_supported")
      errors["amount"] ??= t("admin.contract.refund.error.wholeOnly", { amount: amounts.whole });
    else if (issue.code === "nothing_to_refund")
      errors["form"] ??= amounts.walletPartLeft
        ? t("admin.contract.refund.error.walletPartLeft", { amount: amounts.walletPartLeft })
        : t("admin.contract.refund.error.nothingLeft");
    else errors["amount"] ??= t("form.error.invalid");
  }
  if (Object.keys(errors).length === 0) errors["form"] = t("form.error.invalid");
  return errors;
}

/** What a refund form's action is given of its sale (a contract, an order). */
export interface RefundSale {
  /** The member who refunds: the refund's and the audit line's actor. */
  staff: { id: string };
  /** The paid attempt the address names, one of the sale's (`attemptOfSale`: else a 404). */
  payment: Payment;
  /** The sale's refunds so far: what is left to refund is counted from them. */
  refunds: readonly Refund[];
  /** The sale's page, where a refund done sends the member (`?notice=refunded&status=`). */
  path: string;
  /** Who the audit line names besides the payment: `{ contract }` or `{ order }`. */
  audit: { contract: string } | { order: string };
  /**
   * The sale's page again, read afresh: with `message` at the top, or with the refund form
   * as it was sent (`refund`) and why beside its fields.
   */
  show: (
    message: { kind: "error"; text: string } | null,
    status: 404 | 409 | 422,
    refund?: RefundFormState,
  ) => Promise<Response>;
}

/**
 * POST …/payments/:payment/refund on a sale's page — gives back all or part of a paid
 * payment (`refunds.refund`), to the method it was paid by or to the customer's wallet,
 * under the form's idempotency key: sent twice, it refunds once. The amount left empty
 * refunds all that is left. What core refuses (more than is left, a method the provider
 * cannot refund, a window past) is shown on the payment's own form; a refund the provider
 * refused is recorded, and said. Audited as `payment.refunded`; done, a redirect to the
 * sale's page with the refund's status. Core moves the sale with it: an order whose every
 * line came back is `refunded` (`orderAfterLines`).
 */
export async function refundPaymentForm(
  c: Context<BackOfficeEnv>,
  tessera: Tessera,
  sale: RefundSale,
): Promise<Response> {
  const t = c.get("t");
  const locale = c.get("locale");
  const { payment } = sale;
  const body = await readFormBody(c);
  const values = {
    amount: formText(body, "amount", 40),
    destination: formText(body, "destination", 40),
    reason: formText(body, "reason", 500),
  };
  const key = formKeyOf(body);
  const errors: Record<string, string> = {};
  const typed = typedAmount(values.amount, false);
  if (typed.error) errors["amount"] = t(typed.error);
  const destination =
    values.destination === "wallet" || values.destination === "original_method" ? values.destination : null;
  if (destination === null) errors["form"] = t("form.error.option");
  const left = refundableOf(payment, sale.refunds);
  // A split payment: the provider gives back at most its own part; the rest goes only to the wallet.
  const toProvider = refundableAmount(payment, sale.refunds, "original_method");
  const amounts = {
    left: formatMoney(destination === "original_method" ? toProvider : left, locale),
    whole: formatMoney(payment.amount, locale),
    walletPartLeft: left.amount > toProvider.amount ? formatMoney(left, locale) : null,
  };
  const again = (state: { errors: Record<string, string>; key: string }, status: 404 | 409 | 422) =>
    sale.show(null, status, { paymentId: payment.id, values, ...state });
  if (key === null)
    return again(
      { errors: { ...errors, form: t("admin.wallet.error.formExpired") }, key: freshFormKey() },
      422,
    );
  if (Object.keys(errors).length > 0) return again({ errors, key }, 422);
  let outcome: RefundOutcome;
  try {
    outcome = await tessera.refunds.refund({
      paymentId: payment.id,
      ...(typed.amount === null
        ? {}
        : { amount: { amount: typed.amount, currency: payment.amount.currency } }),
      idempotencyKey: key,
      reason: values.reason,
      actor: sale.staff.id,
      ...(destination === null ? {} : { destination }),
    });
  } catch (error) {
    if (!isTesseraError(error) || errorCatalog[error.code].http >= 500) throw error;
    if (error.code === "idempotency_key_reused")
      return again({ errors: { form: t("admin.wallet.error.resubmitted") }, key: freshFormKey() }, 409);
    const refused =
      error.code === "validation_failed"
        ? refundIssueTexts(error.details.issues ?? [], t, amounts)
        : error.code === "refund_not_possible"
          ? { form: t("error.refund_not_possible") }
          : { form: t("admin.contract.actionFailed", { message: t(errorMessageKeys[error.code]) }) };
    return again({ errors: refused, key }, pageStatus(error.code));
  }
  const { refund } = outcome;
  await recordStaffAction(
    c,
    tessera,
    "payment.refunded",
    { kind: "payment", id: payment.id },
    {
      ...sale.audit,
      refund: refund.id,
      amount: refund.amount.amount,
      currency: refund.amount.currency,
      destination: refund.destination,
      status: refund.status,
      replayed: outcome.replayed,
    },
  );
  if (refund.status === "failed") {
    const text = t("admin.contract.refundFailed", {
      message: outcome.message ?? t("admin.refund.status.failed"),
    });
    return sale.show({ kind: "error", text }, 409);
  }
  return c.redirect(`${sale.path}?notice=refunded&status=${refund.status}`, 303);
}
