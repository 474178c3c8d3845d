import { formatMoney } from "@tessera/core";
import type { DueLines } from "../checkout/due-lines";
import type { MailDocument } from "./mail-document";
import { closingBlocks, dueLineFacts, greetingBlock } from "./payment-mail-blocks";
import type { SaleMailFacts } from "./sale-mail-facts";

/**
 * To the customer, when the dunning schedule is spent (`contract.past_due`): their plan is
 * past due and their access blocked until it is paid, what is owed, and the link that pays it
 * all and lifts the block.
 */
export function pastDueMail(facts: SaleMailFacts, due: DueLines, payLink: string): MailDocument {
  const { t, locale, contract } = facts;
  const plan = contract.terms.planName;
  return {
    locale,
    subject: t("mail.pastDue.subject", { studio: facts.studio, plan }),
    blocks: [
      greetingBlock(facts),
      { kind: "paragraph", text: t("mail.pastDue.intro", { plan }) },
      { kind: "facts", facts: dueLineFacts(facts, due.lines, due.total) },
      { kind: "link", label: t("mail.payLink.action"), url: payLink },
      { kind: "paragraph", text: t("mail.payLink.howItWorks") },
      { kind: "paragraph", text: t("mail.pastDue.unblock") },
      ...closingBlocks(facts, "mail.contractFooter"),
    ],
  };
}

/** To the customer, sent by staff from the contract page: the link that pays every due line, and what it pays. */
export function payLinkMail(facts: SaleMailFacts, due: DueLines, payLink: string): MailDocument {
  const { t, locale, contract } = facts;
  const plan = contract.terms.planName;
  return {
    locale,
    subject: t("mail.payLink.subject", { studio: facts.studio, plan }),
    blocks: [
      greetingBlock(facts),
      {
        kind: "paragraph",
        text: t("mail.payLink.intro", { plan, total: formatMoney(due.total, locale) }),
      },
      { kind: "facts", facts: dueLineFacts(facts, due.lines, due.total) },
      { kind: "link", label: t("mail.payLink.action"), url: payLink },
      { kind: "paragraph", text: t("mail.payLink.howItWorks") },
      ...closingBlocks(facts, "mail.contractFooter"),
    ],
  };
}
