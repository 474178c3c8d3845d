import {
  type ContractCancellation,
  calendarDateSchema,
  errorCatalog,
  type FieldIssue,
  isTesseraError,
  type TesseraError,
} from "@tessera/core";
import type { Context } from "hono";
import { errorMessageKeys } from "../http/error-responses";
import { formText, readFormBody } from "../http/read-form-body";
import type { MessageKey } from "../i18n/message-catalog";
import type { Translate } from "../i18n/translator";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { type ContractPageDeps, cancelConfirmValue, renderContractPage } from "./contract-page";
import { formKeyOf, freshFormKey, type MoneyFormState } from "./money-form";
import { contractOfUnit } from "./sale-in-scope";
import { recordStaffAction } from "./staff/staff-audit";
import { unitInScope } from "./unit-in-scope";

/** Core's field issues beside the inputs they are about (`on`), anything else for the whole form. */
function issueTexts(issues: readonly FieldIssue[], t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    if (String(issue.path[0]) === "on") errors["on"] ??= t("admin.contract.end.error.date");
    else errors["form"] ??= t("form.error.invalid");
  }
  if (Object.keys(errors).length === 0) errors["form"] = t("form.error.invalid");
  return errors;
}

/** A refusal of core's in the member's words: the ones this form knows, else the general message. */
function refusalText(error: TesseraError, t: Translate, status: string): string {
  if (error.code === "invalid_transition") return t("admin.contract.end.error.ended", { status });
  if (error.code === "payment_in_progress") return t("admin.contract.end.error.inProgress");
  return t("admin.contract.actionFailed", { message: t(errorMessageKeys[error.code]) });
}

/**
 * POST /admin/u/:unit/contracts/:contract/cancellation — ends the contract on the day typed
 * (`contracts.cancel`: today in the unit's timezone when left empty), with the closing
 * pro-rata core applies, under the form's idempotency key: sent twice, it cancels once, and
 * the second sending is answered as the first. The box must be ticked (a form without
 * JavaScript has no confirm dialog). What is typed wrong is shown beside its input; a
 * contract that has ended already, or an attempt still open at a line it would cancel, is
 * the page with the reason (409) and nothing changed. Who may: every member who sees the
 * contract, as for refunds and the wallet (docs/back-office-sales.md, "Roles").
 */
export function cancelContract(deps: ContractPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const staff = signedInStaff(c).staff;
    const unit = await unitInScope(deps.tessera, staff, c.req.param("unit") ?? "");
    const detail = await contractOfUnit(deps.tessera, unit, c.req.param("contract") ?? "");
    const body = await readFormBody(c);
    const values = {
      on: formText(body, "on", 20),
      reason: formText(body, "reason", 500),
      confirm: formText(body, "confirm", 10),
    };
    const key = formKeyOf(body);
    const errors: Record<string, string> = {};
    const on = values.on === "" ? null : calendarDateSchema.safeParse(values.on);
    if (on && !on.success) errors["on"] = t("admin.contract.end.error.date");
    if (values.confirm !== cancelConfirmValue) errors["confirm"] = t("admin.contract.end.error.confirm");
    const show = async (state: MoneyFormState, status: 422) =>
      renderContractPage(
        c,
        deps,
        unit,
        await contractOfUnit(deps.tessera, unit, detail.contract.id),
        null,
        status,
        { cancel: state },
      );
    if (key === null)
      return show(
        { values, errors: { ...errors, form: t("admin.wallet.error.formExpired") }, key: freshFormKey() },
        422,
      );
    if (Object.keys(errors).length > 0) return show({ values, errors, key }, 422);
    let outcome: ContractCancellation;
    try {
      outcome = await deps.tessera.contracts.cancel({
        contractId: detail.contract.id,
        ...(on?.success ? { on: on.data } : {}),
        reason: values.reason,
        actor: staff.id,
        idempotencyKey: key,
      });
    } catch (error) {
      // The server's own failures (the database away) are the error page's, not the form's.
      if (!isTesseraError(error) || errorCatalog[error.code].http >= 500) throw error;
      const status = errorCatalog[error.code].http;
      const pageStatus = status === 404 || status === 409 ? status : 422;
      if (error.code === "validation_failed")
        return show({ values, errors: issueTexts(error.details.issues ?? [], t), key }, 422);
      const fresh = await contractOfUnit(deps.tessera, unit, detail.contract.id);
      const contractStatus = t(`admin.contracts.status.${fresh.contract.status}` as MessageKey);
      // Nothing was written under the key: the form keeps it, as it was sent.
      return renderContractPage(
        c,
        deps,
        unit,
        fresh,
        { kind: "error", text: refusalText(error, t, contractStatus) },
        pageStatus,
        { cancel: { values, errors: {}, key } },
      );
    }
    const closing = outcome.closing.reduce((sum, line) => sum + line.amount.amount, 0);
    await recordStaffAction(
      c,
      deps.tessera,
      "contract.canceled",
      { kind: "contract", id: detail.contract.id },
      {
        customerId: detail.customer.id,
        on: outcome.contract.endDate,
        reason: values.reason,
        canceledLines: outcome.canceled.length,
        closingAmount: closing,
        currency: detail.contract.terms.price.currency,
        replayed: outcome.replayed,
      },
    );
    return c.redirect(`/admin/u/${unit.slug}/contracts/${detail.contract.id}?notice=contractCanceled`, 303);
  };
}
