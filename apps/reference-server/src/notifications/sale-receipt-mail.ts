import type { MailBlock, MailDocument } from "./mail-document";
import { closingBlocks, greetingBlock, methodFacts, paidFacts } from "./payment-mail-blocks";
import { planFacts } from "./sale-mail-blocks";
import type { SaleMailFacts } from "./sale-mail-facts";

/** The activation code of a pass sold with a staff code, and what to do with it. */
export function activationBlocks(facts: SaleMailFacts): MailBlock[] {
  const { t, contract, activationCode } = facts;
  if (contract.terms.activationMode !== "staff_code" || activationCode === null) return [];
  return [
    { kind: "code", label: t("mail.fact.activationCode"), value: activationCode.code },
    { kind: "paragraph", text: t("mail.receipt.activationHint") },
  ];
}

/**
 * To the buyer, once the sale is complete: the receipt, with the success page's summary —
 * what was paid (each installment and the total, and how), the activation code of a pass
 * activated at the front desk, the plan with its start, next due date and installments.
 */
export function saleReceiptMail(facts: SaleMailFacts): MailDocument {
  const { t, locale, contract } = facts;
  const plan = contract.terms.planName;
  const paid = paidFacts(facts);
  return {
    locale,
    subject: t("mail.receipt.subject", { studio: facts.studio, plan }),
    blocks: [
      greetingBlock(facts),
      {
        kind: "paragraph",
        text: t(paid.length > 0 ? "mail.receipt.intro" : "mail.receipt.introFree", { plan }),
      },
      ...(paid.length > 0
        ? [
            { kind: "heading" as const, text: t("mail.receipt.paidTitle") },
            {
              kind: "facts" as const,
              facts: [...paid, ...methodFacts(facts)],
            },
          ]
        : []),
      ...activationBlocks(facts),
      { kind: "heading", text: t("mail.receipt.planTitle") },
      { kind: "facts", facts: planFacts(facts) },
      ...(paid.length > 0 ? [{ kind: "paragraph" as const, text: t("mail.receipt.keep") }] : []),
      ...closingBlocks(facts, "mail.footer"),
    ],
  };
}
