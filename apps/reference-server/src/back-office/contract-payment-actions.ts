import { isTesseraError, type Payment, type Tessera, type Unit } from "@tessera/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { errorMessageKeys } from "../http/error-responses";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { type ContractPageDeps, isOpenAttempt, renderContractPage } from "./contract-page";
import { contractOfUnit } from "./sale-in-scope";
import { recordStaffAction } from "./staff/staff-audit";
import { unitInScope } from "./unit-in-scope";

type Action = "refresh" | "cancel";

/** The contract and the attempt an action's address names — the attempt one of that contract's. */
export async function attemptOfContract(tessera: Tessera, c: Context<BackOfficeEnv>) {
  const staff = signedInStaff(c).staff;
  const unit: Unit = await unitInScope(tessera, staff, c.req.param("unit") ?? "");
  const detail = await contractOfUnit(tessera, unit, c.req.param("contract") ?? "");
  const paymentId = c.req.param("payment") ?? "";
  const payment = detail.installments
    .flatMap((entry) => entry.payments)
    .find((candidate) => candidate.id === paymentId);
  if (!payment) throw new HTTPException(404, { message: "no such attempt on this contract" });
  return { staff, unit, detail, payment };
}

/**
 * POST /admin/u/:unit/contracts/:contract/payments/:payment/{refresh,cancel} — BEMP's
 * pending-payment actions: ask the provider where the attempt stands (a PIX paid meanwhile
 * becomes paid), or drop the attempt (the contract stays; a later payment still counts).
 * Each is recorded in the audit log; the result comes back as a notice on the contract page
 * (a redirect, so a reload does not act twice), a refusal as the contract page with the reason.
 */
export function paymentAction(deps: ContractPageDeps, action: Action) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const { unit, detail, payment } = await attemptOfContract(deps.tessera, c);
    const base = `/admin/u/${unit.slug}/contracts/${detail.contract.id}`;
    let result: Payment;
    try {
      if (action === "cancel" && !isOpenAttempt(payment)) {
        return renderContractPage(
          c,
          deps,
          unit,
          detail,
          {
            kind: "error",
            text: t("admin.contract.actionFailed", { message: t(errorMessageKeys.invalid_transition) }),
          },
          409,
        );
      }
      result =
        action === "refresh"
          ? await deps.tessera.payments.refresh(payment.id)
          : await deps.tessera.payments.cancelAttempt(payment.id);
    } catch (error) {
      if (!isTesseraError(error)) throw error;
      const text = t("admin.contract.actionFailed", { message: t(errorMessageKeys[error.code]) });
      const fresh = await contractOfUnit(deps.tessera, unit, detail.contract.id);
      return renderContractPage(c, deps, unit, fresh, { kind: "error", text }, 409);
    }
    await recordStaffAction(
      c,
      deps.tessera,
      action === "refresh" ? "payment.refreshed" : "payment.attempt_canceled",
      { kind: "payment", id: payment.id },
      { contract: detail.contract.id, status: result.status },
    );
    const notice = action === "refresh" ? "refreshed" : "canceled";
    return c.redirect(`${base}?notice=${notice}&status=${result.status}`, 303);
  };
}
