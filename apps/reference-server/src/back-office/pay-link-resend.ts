import { randomUUID } from "node:crypto";
import type { Notifier } from "@tessera/core";
import type { Context } from "hono";
import { dueLinesOf, unitToday } from "../checkout/due-lines";
import { contractMailFacts } from "../notifications/contract-mail-facts";
import { renderMailHtml, renderMailText } from "../notifications/mail-document";
import { payLinkMail } from "../notifications/pay-link-mail";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { type ContractPageDeps, renderContractPage } from "./contract-page";
import { publicBase } from "./public-address";
import { contractOfUnit } from "./sale-in-scope";
import { recordStaffAction } from "./staff/staff-audit";
import { unitInScope } from "./unit-in-scope";

/**
 * POST /admin/u/:unit/contracts/:contract/pay-link/resend — e-mails the customer the link that
 * pays every due line of the contract (`payLinkMail`: what is due, the total, the link), for
 * a contract with lines due; each send is its own message (its own dedupe key), recorded in
 * the audit log. Without a notifier, or with nothing due, the contract page says why (409).
 */
export function resendPayLink(deps: ContractPageDeps & { notifier: Notifier | null }) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const unit = await unitInScope(deps.tessera, signedInStaff(c).staff, c.req.param("unit") ?? "");
    const detail = await contractOfUnit(deps.tessera, unit, c.req.param("contract") ?? "");
    const refuse = (text: string) => renderContractPage(c, deps, unit, detail, { kind: "error", text }, 409);
    if (!deps.notifier) return refuse(t("admin.contract.noNotifier"));
    const due = dueLinesOf(detail, unitToday(deps.tessera, unit));
    const found = await contractMailFacts(deps.tessera, detail.contract.id);
    if (!due || !found) return refuse(t("admin.contract.payLink.nothingDue"));
    const url = `${publicBase(c, deps.config.publicUrl)}${deps.payLinks.pathOf(detail.contract.id).slice(1)}`;
    const document = payLinkMail(found.facts, due, url);
    await deps.notifier.send({
      channel: "email",
      to: [detail.customer.email],
      subject: document.subject,
      text: renderMailText(document),
      html: renderMailHtml(document),
      tag: "contract.pay_link",
      dedupeKey: `contract.pay_link:${detail.contract.id}:resend:${randomUUID()}`,
    });
    await recordStaffAction(
      c,
      deps.tessera,
      "contract.pay_link_sent",
      { kind: "contract", id: detail.contract.id },
      { customer: detail.customer.id },
    );
    return c.redirect(`/admin/u/${unit.slug}/contracts/${detail.contract.id}?notice=payLinkSent`, 303);
  };
}
