import type { MailDocument } from "./mail-document";
import { closingBlocks, greetingBlock, methodFacts, paidFacts } from "./payment-mail-blocks";
import { planFacts } from "./sale-mail-blocks";
import type { SaleMailFacts } from "./sale-mail-facts";

/**
 * To the customer, when a later installment is paid — the billing run's charge of the kept
 * card, the link they paid, the balance: what was paid (each line, the total, the part from
 * the balance) and how, then the plan with its next due date. The sale's own first payment
 * has the sale's receipt instead.
 */
export function installmentReceiptMail(facts: SaleMailFacts): MailDocument {
  const { t, locale, contract } = facts;
  const plan = contract.terms.planName;
  return {
    locale,
    subject: t("mail.installmentPaid.subject", { studio: facts.studio, plan }),
    blocks: [
      greetingBlock(facts),
      { kind: "paragraph", text: t("mail.installmentPaid.intro", { plan }) },
      { kind: "heading", text: t("mail.receipt.paidTitle") },
      {
        kind: "facts",
        facts: [...paidFacts(facts), ...methodFacts(facts)],
      },
      { kind: "heading", text: t("mail.receipt.planTitle") },
      { kind: "facts", facts: planFacts(facts) },
      { kind: "paragraph", text: t("mail.receipt.keep") },
      ...closingBlocks(facts, "mail.footer"),
    ],
  };
}
