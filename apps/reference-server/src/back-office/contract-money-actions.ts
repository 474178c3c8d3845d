import {
  type BalancePaymentOutcome,
  errorCatalog,
  type FieldIssue,
  formatMoney,
  isTesseraError,
  type Payment,
  type PaymentMethod,
  type RefundOutcome,
  refundableAmount,
  type SaleOutcome,
  type TesseraError,
} from "@tessera/core";
import type { Context } from "hono";
import { errorMessageKeys } from "../http/error-responses";
import { formText, readFormBody } from "../http/read-form-body";
import type { MessageKey } from "../i18n/message-catalog";
import type { Translate } from "../i18n/translator";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import {
  type ContractForms,
  type ContractPageDeps,
  nextUnpaidOf,
  refundableOf,
  renderContractPage,
  splitMethodsOf,
} from "./contract-page";
import { attemptOfContract } from "./contract-payment-actions";
import { formKeyOf, freshFormKey, typedAmount } from "./money-form";
import { contractOfUnit } from "./sale-in-scope";
import { recordStaffAction } from "./staff/staff-audit";
import { unitInScope } from "./unit-in-scope";

/** A refusal's status on the page: core's, kept to the ones the page answers with. */
export const pageStatus = (code: keyof typeof errorCatalog): 404 | 409 | 422 => {
  const status = errorCatalog[code].http;
  return status === 404 || status === 409 ? status : 422;
};

/**
 * What a contract form's action starts from: the member, the unit in their scope, the
 * contract of that unit (404 otherwise), and `refuse` — the contract page again with why,
 * the forms in `forms` shown as they were sent.
 */
async function contractAction(deps: ContractPageDeps, c: Context<BackOfficeEnv>, forms: ContractForms = {}) {
  const staff = signedInStaff(c).staff;
  const unit = await unitInScope(deps.tessera, staff, c.req.param("unit") ?? "");
  const detail = await contractOfUnit(deps.tessera, unit, c.req.param("contract") ?? "");
  const refuse = async (text: string, status: 404 | 409 | 422) =>
    renderContractPage(
      c,
      deps,
      unit,
      await contractOfUnit(deps.tessera, unit, detail.contract.id),
      { kind: "error", text },
      status,
      forms,
    );
  return { t: c.get("t"), locale: c.get("locale"), staff, unit, detail, refuse };
}

/**
 * POST /admin/u/:unit/contracts/:contract/pay-from-balance — pays the contract's next unpaid
 * installments from the customer's wallet (`wallet.payFromBalance`), under the form's
 * idempotency key: sent twice, it pays once. A balance short of them, or an attempt still
 * open, is the contract page with the reason; nothing is taken then.
 */
export function payFromBalance(deps: ContractPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const { t, locale, staff, unit, detail, refuse } = await contractAction(deps, c);
    const key = formKeyOf(await readFormBody(c));
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

/** The payment statuses after which a split payment's wallet part has been given back. */
const givenBack: readonly Payment["status"][] = ["failed", "canceled"];

/**
 * POST /admin/u/:unit/contracts/:contract/split-payment — pays the contract's next unpaid
 * installments with the customer's whole balance (less than they cost: the form is shown
 * only then) and the rest by the method chosen, PIX, boleto or a payment link
 * (`payments.retry` with `fromBalance`, the member as the wallet line's actor), under the
 * form's idempotency key. The part is the balance as the form showed it (its hidden
 * `fromBalance`), so sending the form twice is the same request and answers the first
 * attempt. Success is the contract page with the new attempt, whose instructions staff
 * resend as for any pending attempt; a refusal (the balance spent meanwhile, an attempt
 * still open, a method the customer's record cannot take) is the contract page with why,
 * and nothing taken.
 */
export function paySplitFromBalance(deps: ContractPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const body = await readFormBody(c);
    const method = formText(body, "method", 40);
    const { t, locale, staff, unit, detail, refuse } = await contractAction(deps, c, { split: { method } });
    const key = formKeyOf(body);
    const currency = detail.contract.terms.price.currency;
    if (key === null) return refuse(t("admin.wallet.error.formExpired"), 422);
    const offered = splitMethodsOf(unit);
    if (!offered.includes(method as PaymentMethod)) return refuse(t("form.error.option"), 422);
    const part = typedAmount(formText(body, "fromBalance", 40), true);
    if (part.amount === null) return refuse(t("form.error.invalid"), 422);
    const fromBalance = { amount: part.amount, currency };
    const methodName = t(`method.${method}` as MessageKey);
    let outcome: SaleOutcome;
    try {
      outcome = await deps.tessera.payments.retry({
        contractId: detail.contract.id,
        method: method as PaymentMethod,
        fromBalance,
        actor: staff.id,
        idempotencyKey: key,
      });
    } catch (error) {
      if (!isTesseraError(error) || errorCatalog[error.code].http >= 500) throw error;
      const balance = formatMoney(await deps.tessera.wallet.balance(detail.customer.id, currency), locale);
      const next = nextUnpaidOf(detail);
      const rest = formatMoney(
        { amount: Math.max((next?.amount.amount ?? 0) - part.amount, 0), currency },
        locale,
      );
      return refuse(
        splitRefusalText(error, t, { balance, part: formatMoney(fromBalance, locale), rest, methodName }),
        pageStatus(error.code),
      );
    }
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
    const notice = payment && !givenBack.includes(payment.status) ? "splitStarted" : "splitFailed";
    return c.redirect(
      `/admin/u/${unit.slug}/contracts/${detail.contract.id}?notice=${notice}&status=${payment?.status ?? ""}`,
      303,
    );
  };
}

/** Core's refusal of a split payment (a contract's or an order's), in the member's words. */
export function splitRefusalText(
  error: TesseraError,
  t: Translate,
  amounts: { balance: string; part: string; rest: string; methodName: string },
): string {
  if (error.code === "insufficient_balance")
    return t("admin.contract.split.error.balanceShort", { balance: amounts.balance, amount: amounts.part });
  if (error.code === "payment_in_progress") return t("admin.contract.split.error.busy");
  if (error.code === "idempotency_key_reused") return t("admin.wallet.error.resubmitted");
  if (error.code === "validation_failed") {
    const issues = error.details.issues ?? [];
    const at = (field: string) => issues.find((issue) => String(issue.path[0]) === field);
    if (at("fromBalance")?.code === "too_big")
      return t("admin.contract.split.error.covers", { balance: amounts.balance });
    if (at("buyer")) return t("admin.contract.split.error.payer", { method: amounts.methodName });
    if (at("amount"))
      return t("admin.contract.split.error.amountRule", { method: amounts.methodName, rest: amounts.rest });
    if (at("method")) return t("form.error.option");
    return t("form.error.invalid");
  }
  return t("admin.contract.actionFailed", { message: t(errorMessageKeys[error.code]) });
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
