import {
  errorCatalog,
  type FieldIssue,
  formatMoney,
  isTesseraError,
  type TesseraError,
  type WalletCreditMethod,
  type WalletOutcome,
  walletCreditMethods,
} from "@tessera/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { errorMessageKeys } from "../http/error-responses";
import { type FormBody, formText, readFormBody } from "../http/read-form-body";
import type { MessageKey } from "../i18n/message-catalog";
import type { BackOfficeEnv } from "./back-office-env";
import { formKeyOf, freshFormKey, type MoneyFormState, typedAmount } from "./money-form";
import { recordStaffAction } from "./staff/staff-audit";
import { isReversible, reversalsOf, walletLines } from "./wallet-history";
import {
  renderWalletPage,
  type WalletForms,
  type WalletPageDeps,
  walletOfAddress,
  walletPath,
} from "./wallet-page";

type Place = "credit" | "debit" | "reverse";
type Address = Awaited<ReturnType<typeof walletOfAddress>>;

/** The form's inputs as typed, cut at what the library takes. */
const valuesOf = (body: FormBody, names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, formText(body, name, name === "note" ? 500 : 40)]));

/** Core's field issues beside the inputs they are about; anything else for the whole form. */
function issueTexts(issues: readonly FieldIssue[], t: (key: MessageKey) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    const input = field === "amount" || field === "method" || field === "note" ? field : "form";
    errors[input] ??= t("form.error.invalid");
  }
  if (Object.keys(errors).length === 0) errors["form"] = t("form.error.invalid");
  return errors;
}

/**
 * Runs one wallet form: its key checked (a form without a valid one is shown again with a
 * fresh key), what staff typed checked beside each input, then the library's call. A refusal
 * shows the page again with the form as sent — under the same key, since nothing was written
 * — and the error in the member's language; a key already used with other data (the form
 * edited after the back button) gets a fresh key. Success is recorded in the audit log and
 * answered with a redirect, so a reload does not send it again.
 */
async function runWalletForm(
  c: Context<BackOfficeEnv>,
  deps: WalletPageDeps,
  address: Address,
  place: Place,
  form: {
    values: Record<string, string>;
    errors: Record<string, string>;
    entryId?: string;
    /** The status of `errors` found before the call: 422, or 409 for a line that cannot be reversed. */
    errorStatus?: 409 | 422;
    /** The library's call under the form's key. */
    call: (key: string) => Promise<WalletOutcome>;
    /** The words for a refusal this form knows better than the general message. */
    refusal?: (error: TesseraError, balance: string) => string | null;
    audit: { action: string; details: (outcome: WalletOutcome) => Record<string, string | number | boolean> };
    notice: "credited" | "debited" | "reversed";
  },
  key: string | null,
) {
  const t = c.get("t");
  const { unit, customer } = address;
  const show = (state: MoneyFormState, status: 404 | 409 | 422) => {
    const forms: WalletForms =
      place === "reverse" ? { reverse: { ...state, entryId: form.entryId ?? "" } } : { [place]: state };
    return renderWalletPage(c, deps, unit, customer, { forms, status });
  };
  if (key === null) {
    return show(
      {
        values: form.values,
        errors: { ...form.errors, form: t("admin.wallet.error.formExpired") },
        key: freshFormKey(),
      },
      422,
    );
  }
  if (Object.keys(form.errors).length > 0)
    return show({ values: form.values, errors: form.errors, key }, form.errorStatus ?? 422);
  let outcome: WalletOutcome;
  try {
    outcome = await form.call(key);
  } catch (error) {
    // The server's own failures (the database away) are the error page's, not the form's.
    if (!isTesseraError(error) || errorCatalog[error.code].http >= 500) throw error;
    if (error.code === "idempotency_key_reused") {
      return show(
        { values: form.values, errors: { form: t("admin.wallet.error.resubmitted") }, key: freshFormKey() },
        409,
      );
    }
    const balance = formatMoney(
      await deps.tessera.wallet.balance(customer.id, unit.currency),
      c.get("locale"),
    );
    const special = form.refusal?.(error, balance) ?? null;
    const errors = special
      ? { [place === "reverse" ? "form" : "amount"]: special }
      : error.code === "validation_failed"
        ? issueTexts(error.details.issues ?? [], t)
        : { form: t("admin.contract.actionFailed", { message: t(errorMessageKeys[error.code]) }) };
    const status = errorCatalog[error.code].http;
    return show({ values: form.values, errors, key }, status === 404 || status === 409 ? status : 422);
  }
  await recordStaffAction(
    c,
    deps.tessera,
    form.audit.action,
    { kind: "wallet_entry", id: outcome.entry.id },
    { customerId: customer.id, ...form.audit.details(outcome), replayed: outcome.replayed },
  );
  return c.redirect(`${walletPath(unit, customer)}?notice=${form.notice}`, 303);
}

const amountDetails = (outcome: WalletOutcome) => ({
  amount: outcome.entry.amount.amount,
  currency: outcome.entry.amount.currency,
  balance: outcome.balance.amount,
});

/** POST /admin/u/:unit/customers/:customer/wallet/credits — money in, by the method it came in by. */
export function creditWallet(deps: WalletPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const address = await walletOfAddress(deps.tessera, c);
    const { staff, unit, customer } = address;
    const body = await readFormBody(c);
    const values = valuesOf(body, ["amount", "method", "note"]);
    const errors: Record<string, string> = {};
    const { amount, error } = typedAmount(values["amount"] ?? "", true);
    if (error) errors["amount"] = c.get("t")(error);
    const method = values["method"] as WalletCreditMethod;
    if (!walletCreditMethods.includes(method)) errors["method"] = c.get("t")("form.error.option");
    return runWalletForm(
      c,
      deps,
      address,
      "credit",
      {
        values,
        errors,
        call: (idempotencyKey) =>
          deps.tessera.wallet.credit({
            customerId: customer.id,
            unitId: unit.id,
            amount: { amount: amount ?? 0, currency: unit.currency },
            method,
            note: values["note"] ?? "",
            actor: staff.id,
            idempotencyKey,
          }),
        audit: {
          action: "wallet.credited",
          details: (outcome) => ({ ...amountDetails(outcome), method }),
        },
        notice: "credited",
      },
      formKeyOf(body),
    );
  };
}

/** POST /admin/u/:unit/customers/:customer/wallet/debits — money out by hand, with why. */
export function debitWallet(deps: WalletPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const address = await walletOfAddress(deps.tessera, c);
    const { staff, unit, customer } = address;
    const body = await readFormBody(c);
    const values = valuesOf(body, ["amount", "note"]);
    const errors: Record<string, string> = {};
    const { amount, error } = typedAmount(values["amount"] ?? "", true);
    if (error) errors["amount"] = t(error);
    if (values["note"] === "") errors["note"] = t("admin.wallet.error.debitNote");
    return runWalletForm(
      c,
      deps,
      address,
      "debit",
      {
        values,
        errors,
        call: (idempotencyKey) =>
          deps.tessera.wallet.debit({
            customerId: customer.id,
            unitId: unit.id,
            amount: { amount: amount ?? 0, currency: unit.currency },
            note: values["note"] ?? "",
            actor: staff.id,
            idempotencyKey,
          }),
        refusal: (refused, balance) =>
          refused.code === "insufficient_balance" ? t("admin.wallet.error.beyondBalance", { balance }) : null,
        audit: { action: "wallet.debited", details: amountDetails },
        notice: "debited",
      },
      formKeyOf(body),
    );
  };
}

/**
 * POST /admin/u/:unit/customers/:customer/wallet/entries/:entry/reverse — undoes a credit or
 * a manual debit, once. The line must be one of this customer's (else 404, as a payment must
 * be one of its contract's); one that core would not reverse is refused before asking it.
 */
export function reverseWalletEntry(deps: WalletPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const address = await walletOfAddress(deps.tessera, c);
    const { staff, customer } = address;
    const lines = await walletLines(deps.tessera, customer.id);
    const entry = lines.find((line) => line.id === c.req.param("entry"));
    if (!entry) throw new HTTPException(404, { message: "no such line in this customer's wallet" });
    const body = await readFormBody(c);
    const values = valuesOf(body, ["note"]);
    const errors: Record<string, string> = {};
    const reversible = isReversible(entry, reversalsOf(lines));
    if (!reversible) errors["form"] = t("admin.wallet.error.notReversible");
    else if (values["note"] === "") errors["note"] = t("admin.wallet.error.reverseNote");
    return runWalletForm(
      c,
      deps,
      address,
      "reverse",
      {
        values,
        errors,
        entryId: entry.id,
        errorStatus: reversible ? 422 : 409,
        call: (idempotencyKey) =>
          deps.tessera.wallet.reverse({
            entryId: entry.id,
            note: values["note"] ?? "",
            actor: staff.id,
            idempotencyKey,
          }),
        refusal: (refused, balance) =>
          refused.code === "insufficient_balance"
            ? t("admin.wallet.error.reverseSpent", { balance })
            : refused.code === "invalid_transition"
              ? t("admin.wallet.error.notReversible")
              : null,
        audit: {
          action: "wallet.entry_reversed",
          details: (outcome) => ({ ...amountDetails(outcome), reverses: entry.id }),
        },
        notice: "reversed",
      },
      formKeyOf(body),
    );
  };
}
