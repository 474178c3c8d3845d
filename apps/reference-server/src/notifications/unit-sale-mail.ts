import type { MailDocument } from "./mail-document";
import { amountFacts, customerFacts, methodFacts, methodText, paidFacts } from "./payment-mail-blocks";
import { planFacts } from "./sale-mail-blocks";
import type { SaleMailFacts } from "./sale-mail-facts";

/**
 * To the unit's notification addresses, when an online sale's first payment waits on the
 * payer (PIX, boleto): who ordered what, and that the money has not come yet.
 */
export function unitAwaitingPaymentMail(facts: SaleMailFacts): MailDocument {
  const { t, locale, contract, customer } = facts;
  const plan = contract.terms.planName;
  const method = methodText(facts) ?? "";
  return {
    locale,
    subject: t("mail.unitPending.subject", { plan, customer: customer.name }),
    blocks: [
      { kind: "paragraph", text: t("mail.unitPending.intro", { customer: customer.name, plan, method }) },
      { kind: "heading", text: t("mail.unit.customerTitle") },
      { kind: "facts", facts: customerFacts(facts) },
      { kind: "heading", text: t("mail.unit.saleTitle") },
      {
        kind: "facts",
        facts: [
          { label: t("mail.fact.plan"), value: plan },
          { label: t("mail.fact.unit"), value: facts.unit.name },
          ...amountFacts(facts),
          { label: t("mail.fact.method"), value: method },
          { label: t("mail.fact.contract"), value: contract.id },
        ],
      },
      { kind: "paragraph", text: t("mail.unitPending.after") },
    ],
  };
}

/**
 * To the unit's notification addresses, once an online sale is complete: the customer's
 * name, e-mail, document and phone, and what was paid, for the plan sold.
 */
export function unitSaleMail(facts: SaleMailFacts): MailDocument {
  const { t, locale, contract, customer, activationCode } = facts;
  const plan = contract.terms.planName;
  const paid = paidFacts(facts);
  return {
    locale,
    subject: t("mail.unitSale.subject", { plan, customer: customer.name }),
    blocks: [
      {
        kind: "paragraph",
        text: t(paid.length > 0 ? "mail.unitSale.intro" : "mail.unitSale.introFree", {
          customer: customer.name,
          plan,
        }),
      },
      { kind: "heading", text: t("mail.unit.customerTitle") },
      { kind: "facts", facts: customerFacts(facts) },
      { kind: "heading", text: t("mail.unit.saleTitle") },
      {
        kind: "facts",
        facts: [
          ...paid,
          ...methodFacts(facts),
          ...(contract.terms.activationMode === "staff_code" && activationCode
            ? [{ label: t("mail.fact.activationCode"), value: activationCode.code }]
            : []),
          ...planFacts(facts),
          { label: t("mail.fact.contract"), value: contract.id },
        ],
      },
    ],
  };
}
