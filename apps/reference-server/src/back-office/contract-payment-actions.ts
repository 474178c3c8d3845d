import { isTesseraError, type Payment, type Tessera } from "@tessera/core";
import type { Context } from "hono";
import { errorMessageKeys } from "../http/error-responses";
import { type AttemptAction, actOnAttempt, attemptOfSale, recordAttemptAction } from "./attempt-action";
import type { BackOfficeEnv } from "./back-office-env";
import { type ContractPageDeps, isOpenAttempt, renderContractPage } from "./contract-page";
import { contractOfUnit } from "./sale-in-scope";
import { saleOfAddress } from "./sale-of-address";

/** The contract and the attempt an action's address names — the attempt one of that contract's. */
export async function attemptOfContract(tessera: Tessera, c: Context<BackOfficeEnv>) {
  const { staff, unit, detail } = await saleOfAddress(c, tessera, "contract");
  return { staff, unit, detail, payment: attemptOfSale(c, "contract", detail.installments) };
}

/**
 * POST /admin/u/:unit/contracts/:contract/payments/:payment/{refresh,cancel} — BEMP's
 * pending-payment actions: ask the provider where the attempt stands (a PIX paid meanwhile
 * becomes paid), or drop the attempt (the contract stays; a later payment still counts).
 * Each is recorded in the audit log; the result comes back as a notice on the contract page
 * (a redirect, so a reload does not act twice), a refusal as the contract page with the reason.
 */
export function paymentAction(deps: ContractPageDeps, action: AttemptAction) {
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
      result = await actOnAttempt(deps.tessera, action, payment);
    } catch (error) {
      if (!isTesseraError(error)) throw error;
      const text = t("admin.contract.actionFailed", { message: t(errorMessageKeys[error.code]) });
      const fresh = await contractOfUnit(deps.tessera, unit, detail.contract.id);
      return renderContractPage(c, deps, unit, fresh, { kind: "error", text }, 409);
    }
    await recordAttemptAction(c, deps.tessera, action, payment, { contract: detail.contract.id }, result);
    const notice = action === "refresh" ? "refreshed" : "canceled";
    return c.redirect(`${base}?notice=${notice}&status=${result.status}`, 303);
  };
}
