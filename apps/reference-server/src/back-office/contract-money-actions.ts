import {
  errorCatalog,
  type FieldIssue,
  formatMoney,
  isTesseraError,
  type RefundOutcome,
  refundableAmount,
} from "@tessera/core";
import type { Context } from "hono";
import { errorMessageKeys } from "../http/error-responses";
import { formText, readFormBody } from "../http/read-form-body";
import type { Translate } from "../i18n/translator";
import type { BackOfficeEnv } from "./back-office-env";
import {
  type ContractForms,
  type ContractPageDeps,
  nextUnpaidOf,
  refundableOf,
  renderContractPage,
} from "./contract-page";
import { attemptOfContract } from "./contract-payment-actions";
import { payByMethodForm, payFromBalanceForm, splitStarted } from "./desk-payment-forms";
import { formKeyOf, freshFormKey, typedAmount } from "./money-form";
import { contractOfUnit } from "./sale-in-scope";
import { pageStatus, saleAction } from "./sale-of-address";
import { recordStaffAction } from "./staff/staff-audit";

/**
 * What a contract form's action starts from (`saleAction`): the member, the unit in their
 * scope, the contract of that unit (404 otherwise), and `refuse` — the contract page again
 * with why, the forms in `forms` shown as they were sent.
 */
function contractAction(deps: ContractPageDeps, c: Context<BackOfficeEnv>, forms: ContractForms = {}) {
  return saleAction(c, deps.tessera, "contract", (unit, detail, message, status: 404 | 409 | 422) =>
    renderContractPage(c, deps, unit, detail, message, status, forms),
  );
}

/**
 * POST /admin/u/:unit/contracts/:contract/pay-from-balance — pays the contract's next unpaid
 * installments from the customer's wallet (`wallet.payFromBalance`), under the form's
 * idempotency key: sent twice, it pays once. A balance short of them, or an attempt still
 * open, is the contract page with the reason; nothing is taken then.
 */
export function payFromBalance(deps: ContractPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const action = await contractAction(deps, c);
    const { unit, detail } = action;
    const outcome = await payFromBalanceForm(deps.tessera, action, await readFormBody(c), {
      next: nextUnpaidOf(detail),
      pay: (request) => deps.tessera.wallet.payFromBalance({ contractId: detail.contract.id, ...request }),
    });
    if (outcome instanceof Response) return outcome;
    await recordStaffAction(
      c,
      deps.tessera,
      "wallet.paid_from_balance",
      { kind: "payment", id: outcome.payment.id },
      {
        contract: detail.contract.id,
        customerId: detail.customer.id,
        walletEntry: outcome.entry.id,
        amount: outcome.payment.amount.amount,
        currency: outcome.payment.amount.currency,
        balance: outcome.balance.amount,
        replayed: outcome.replayed,
      },
    );
    return c.redirect(`/admin/u/${unit.slug}/contracts/${detail.contract.id}?notice=paidFromBalance`, 303);
  };
}

/**
 * POST /admin/u/:unit/contracts/:contract/split-payment — pays the contract's next unpaid
 * installments with the customer's whole balance (less than they cost: the form is shown
 * only then) and the rest by the method chosen, PIX, boleto or a payment link
 * (`payments.retry` with `fromBalance`, the member as the wallet line's actor), under the
 * form's idempotency key (`payByMethodForm`). The part is the balance as the form showed it
 * (its hidden `fromBalance`), so sending the form twice is the same request and answers the
 * first attempt. Success is the contract page with the new attempt, whose instructions staff
 * resend as for any pending attempt; a refusal (the balance spent meanwhile, an attempt
 * still open, a method the customer's record cannot take) is the contract page with why,
 * and nothing taken.
 */
export function paySplitFromBalance(deps: ContractPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const body = await readFormBody(c);
    const method = formText(body, "method", 40);
    const action = await contractAction(deps, c, { split: { method } });
    const { unit, detail } = action;
    const outcome = await payByMethodForm(deps.tessera, action, body, {
      method,
      withBalance: true,
      currency: detail.contract.terms.price.currency,
      next: nextUnpaidOf(detail),
      pay: (request) => deps.tessera.payments.retry({ contractId: detail.contract.id, ...request }),
    });
    if (outcome instanceof Response) return outcome;
    const payment = outcome.payment;
    if (payment) {
      await recordStaffAction(
        c,
        deps.tessera,
        "payment.retried",
        { kind: "payment", id: payment.id },
        {
          contract: detail.contract.id,
          customerId: detail.customer.id,
          method: payment.method,
          amount: payment.amount.amount,
          currency: payment.amount.currency,
          fromBalance: payment.fromBalance?.amount.amount ?? 0,
          ...(payment.fromBalance ? { walletEntry: payment.fromBalance.entryId } : {}),
          status: payment.status,
          replayed: outcome.replayed,
        },
      );
    }
    const notice = splitStarted(payment) ? "splitStarted" : "splitFailed";
    return c.redirect(
      `/admin/u/${unit.slug}/contracts/${detail.contract.id}?notice=${notice}&status=${payment?.status ?? ""}`,
      303,
    );
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

/**
 * POST /admin/u/:unit/contracts/:contract/payments/:payment/refund — gives back all or part
 * of a paid payment (`refunds.refund`), to the method it was paid by or to the customer's
 * wallet, under the form's idempotency key. The amount left empty refunds all that is left.
 * What core refuses (more than is left, a method the provider cannot refund, a window past)
 * is shown on the payment's own form; a refund the provider refused is recorded, and said.
 */
export function refundPayment(deps: ContractPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const locale = c.get("locale");
    const { staff, unit, detail, payment } = await attemptOfContract(deps.tessera, c);
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
    const left = refundableOf(payment, detail.refunds);
    // A split payment: the provider gives back at most its own part; the rest goes only to the wallet.
    const toProvider = refundableAmount(payment, detail.refunds, "original_method");
    const amounts = {
      left: formatMoney(destination === "original_method" ? toProvider : left, locale),
      whole: formatMoney(payment.amount, locale),
      walletPartLeft: left.amount > toProvider.amount ? formatMoney(left, locale) : null,
    };
    const show = async (state: { errors: Record<string, string>; key: string }, status: 404 | 409 | 422) =>
      renderContractPage(
        c,
        deps,
        unit,
        await contractOfUnit(deps.tessera, unit, detail.contract.id),
        null,
        status,
        { refund: { paymentId: payment.id, values, ...state } },
      );
    if (key === null)
      return show(
        { errors: { ...errors, form: t("admin.wallet.error.formExpired") }, key: freshFormKey() },
        422,
      );
    if (Object.keys(errors).length > 0) return show({ errors, key }, 422);
    let outcome: RefundOutcome;
    try {
      outcome = await deps.tessera.refunds.refund({
        paymentId: payment.id,
        ...(typed.amount === null
          ? {}
          : { amount: { amount: typed.amount, currency: payment.amount.currency } }),
        idempotencyKey: key,
        reason: values.reason,
        actor: staff.id,
        ...(destination === null ? {} : { destination }),
      });
    } catch (error) {
      if (!isTesseraError(error) || errorCatalog[error.code].http >= 500) throw error;
      if (error.code === "idempotency_key_reused")
        return show({ errors: { form: t("admin.wallet.error.resubmitted") }, key: freshFormKey() }, 409);
      const refused =
        error.code === "validation_failed"
          ? refundIssueTexts(error.details.issues ?? [], t, amounts)
          : error.code === "refund_not_possible"
            ? { form: t("error.refund_not_possible") }
            : { form: t("admin.contract.actionFailed", { message: t(errorMessageKeys[error.code]) }) };
      return show({ errors: refused, key }, pageStatus(error.code));
    }
    const { refund } = outcome;
    await recordStaffAction(
      c,
      deps.tessera,
      "payment.refunded",
      { kind: "payment", id: payment.id },
      {
        contract: detail.contract.id,
        refund: refund.id,
        amount: refund.amount.amount,
        currency: refund.amount.currency,
        destination: refund.destination,
        status: refund.status,
        replayed: outcome.replayed,
      },
    );
    if (refund.status === "failed") {
      return renderContractPage(
        c,
        deps,
        unit,
        await contractOfUnit(deps.tessera, unit, detail.contract.id),
        {
          kind: "error",
          text: t("admin.contract.refundFailed", {
            message: outcome.message ?? t("admin.refund.status.failed"),
          }),
        },
        409,
      );
    }
    return c.redirect(
      `/admin/u/${unit.slug}/contracts/${detail.contract.id}?notice=refunded&status=${refund.status}`,
      303,
    );
  };
}
