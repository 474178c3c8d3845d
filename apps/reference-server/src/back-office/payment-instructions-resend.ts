import { randomUUID } from "node:crypto";
import type { Notifier } from "@tessera/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { renderMailHtml, renderMailText } from "../notifications/mail-document";
import { paymentInstructionsMail } from "../notifications/payment-instructions-mail";
import { saleMailFacts } from "../notifications/sale-mail-facts";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { type ContractPageDeps, isOpenAttempt, renderContractPage } from "./contract-page";
import { contractOfUnit } from "./sale-in-scope";
import { recordStaffAction } from "./staff/staff-audit";
import { unitInScope } from "./unit-in-scope";

/**
 * POST /admin/u/:unit/contracts/:contract/payments/:payment/resend — sends the buyer the
 * checkout's own "how to pay" e-mail again (the PIX code and its expiry, or the boleto's line
 * and due date), built by the sale notifications' `paymentInstructionsMail`, not a copy. Only
 * for an open attempt with a PIX or boleto; each resend is its own message (its own dedupe
 * key), recorded in the audit log.
 */
export function resendPaymentInstructions(deps: ContractPageDeps & { notifier: Notifier | null }) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const staff = signedInStaff(c).staff;
    const unit = await unitInScope(deps.tessera, staff, c.req.param("unit") ?? "");
    const detail = await contractOfUnit(deps.tessera, unit, c.req.param("contract") ?? "");
    const payment = detail.installments
      .flatMap((entry) => entry.payments)
      .find((candidate) => candidate.id === c.req.param("payment"));
    if (!payment) throw new HTTPException(404, { message: "no such attempt on this contract" });
    const refuse = (text: string) => renderContractPage(c, deps, unit, detail, { kind: "error", text }, 409);
    if (!deps.notifier) return refuse(t("admin.contract.noNotifier"));
    const outcome = await deps.tessera.sales.outcome(payment.id);
    if (
      !isOpenAttempt(payment) ||
      (outcome.status !== "pending" && outcome.status !== "requires_action") ||
      (outcome.action.type !== "pix" && outcome.action.type !== "boleto")
    ) {
      return refuse(t("admin.contract.nothingToResend"));
    }
    const facts = await saleMailFacts(deps.tessera, outcome);
    const document = paymentInstructionsMail(facts, outcome.action);
    await deps.notifier.send({
      channel: "email",
      to: [facts.customer.email],
      subject: document.subject,
      text: renderMailText(document),
      html: renderMailHtml(document),
      tag: "sale.payment_instructions",
      dedupeKey: `sale.payment_instructions:${payment.id}:resend:${randomUUID()}`,
    });
    await recordStaffAction(
      c,
      deps.tessera,
      "payment.instructions_resent",
      { kind: "payment", id: payment.id },
      { contract: detail.contract.id },
    );
    return c.redirect(`/admin/u/${unit.slug}/contracts/${detail.contract.id}?notice=resent`, 303);
  };
}
