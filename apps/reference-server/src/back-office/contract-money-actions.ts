import {
  type BalancePaymentOutcome,
  errorCatalog,
  type FieldIssue,
  formatMoney,
  isTesseraError,
  type RefundOutcome,
} from "@tessera/core";
import type { Context } from "hono";
import { errorMessageKeys } from "../http/error-responses";
import { formText, readFormBody } from "../http/read-form-body";
import type { Translate } from "../i18n/translator";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { type ContractPageDeps, nextUnpaidOf, refundableOf, renderContractPage } from "./contract-page";
import { attemptOfContract } from "./contract-payment-actions";
import { formKeyOf, freshFormKey, typedAmount } from "./money-form";
import { contractOfUnit } from "./sale-in-scope";
import { recordStaffAction } from "./staff/staff-audit";
import { unitInScope } from "./unit-in-scope";

/** A refusal's status on the page: core's, kept to the ones the page answers with. */
const pageStatus = (code: keyof typeof errorCatalog): 404 | 409 | 422 => {
  const status = errorCatalog[code].http;
  return status === 404 || status === 409 ? status : 422;
};

/**
 * POST /admin/u/:unit/contracts/:contract/pay-from-balance — pays the contract's next unpaid
 * installments from the customer's wallet (`wallet.payFromBalance`), under the form's
 * idempotency key: sent twice, it pays once. A balance short of them, or an attempt still
 * open, is the contract page with the reason; nothing is taken then.
 */
export function payFromBalance(deps: ContractPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const locale = c.get("locale");
    const staff = signedInStaff(c).staff;
    const unit = await unitInScope(deps.tessera, staff, c.req.param("unit") ?? "");
    const detail = await contractOfUnit(deps.tessera, unit, c.req.param("contract") ?? "");
    const key = formKeyOf(await readFormBody(c));
    const refuse = async (text: string, status: 404 | 409 | 422) =>
      renderContractPage(
        c,
        deps,
        unit,
        await contractOfUnit(deps.tessera, unit, detail.contract.id),
        { kind: "error", text },
        status,
      );
    if (key === null) return refuse(t("admin.wallet.error.formExpired"), 422);
    let outcome: BalancePaymentOutcome;
    try {
      outcome = await deps.tessera.wallet.payFromBalance({
        contractId: detail.contract.id,
        actor: staff.id,
        idempotencyKey: key,
      });
    } catch (error) {
      if (!isTesseraError(error) || errorCatalog[error.code].http >= 500) throw error;
      const next = nextUnpaidOf(detail);
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
      return refuse(
        t("admin.contract.actionFailed", { message: t(errorMessageKeys[error.code]) }),
        pageStatus(error.code),
      );
    }
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

/** Core's refusals of a refund's amount, in the member's words, beside the amount (or for the form). */
function refundIssueTexts(
  issues: readonly FieldIssue[],
  t: Translate,
  amounts: { left: string; whole: string },
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    if (String(issue.path[0]) !== "amount") errors["form"] ??= t("form.error.invalid");
    else if (issue.code === "too_big")
      errors["amount"] ??= t("admin.contract.refund.error.tooBig", { amount: amounts.left });
    else if (issue.code === "partial_not_supported")
      errors["amount"] ??= t("admin.contract.refund.error.wholeOnly", { amount: amounts.whole });
    else if (issue.code === "nothing_to_refund")
      errors["form"] ??= t("admin.contract.refund.error.nothingLeft");
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
    const amounts = {
      left: formatMoney(refundableOf(payment, detail.refunds), locale),
      whole: formatMoney(payment.amount, locale),
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
