import type { PayerAction } from "@tessera/core";
import { formatCalendarDate, formatInstant } from "./mail-dates";
import type { MailBlock, MailDocument } from "./mail-document";
import { amountFacts, closingBlocks, greetingBlock, methodText } from "./sale-mail-blocks";
import type { SaleMailFacts } from "./sale-mail-facts";

/** The payer actions an e-mail can carry whole: a PIX code, a boleto. */
export type MailablePayerAction = Extract<PayerAction, { type: "pix" | "boleto" }>;

function pixBlocks(action: Extract<PayerAction, { type: "pix" }>, facts: SaleMailFacts): MailBlock[] {
  const { t, locale, unit } = facts;
  return [
    { kind: "heading", text: t("mail.howToPay.pix.title") },
    { kind: "paragraph", text: t("mail.howToPay.pix.steps") },
    { kind: "code", label: t("mail.howToPay.pix.code"), value: action.qrCodePayload },
    {
      kind: "facts",
      facts: [
        {
          label: t("mail.howToPay.pix.expiresAt"),
          value: formatInstant(action.expiresAt, locale, unit.timeZone),
        },
      ],
    },
    { kind: "paragraph", text: t("mail.howToPay.pix.expiryNote") },
  ];
}

function boletoBlocks(action: Extract<PayerAction, { type: "boleto" }>, facts: SaleMailFacts): MailBlock[] {
  const { t, locale } = facts;
  return [
    { kind: "heading", text: t("mail.howToPay.boleto.title") },
    { kind: "paragraph", text: t("mail.howToPay.boleto.steps") },
    { kind: "code", label: t("mail.howToPay.boleto.line"), value: action.digitableLine },
    {
      kind: "facts",
      facts: [
        { label: t("mail.howToPay.boleto.dueDate"), value: formatCalendarDate(action.dueDate, locale) },
      ],
    },
    // Only an absolute link works from a mail client (the sandbox's is root-relative without a public URL).
    ...(action.pdfUrl && /^https?:\/\//i.test(action.pdfUrl)
      ? [{ kind: "link" as const, label: t("mail.howToPay.boleto.pdf"), url: action.pdfUrl }]
      : []),
    ...(action.pixPayload
      ? [{ kind: "code" as const, label: t("mail.howToPay.boleto.pix"), value: action.pixPayload }]
      : []),
    { kind: "paragraph", text: t("mail.howToPay.boleto.clearing") },
  ];
}

/**
 * To the buyer, while the sale's first payment waits on them: "your order — how to pay",
 * with what the success page showed — the PIX copy-and-paste code and until when it is
 * valid, or the boleto's digitable line, due date and PDF.
 */
export function paymentInstructionsMail(facts: SaleMailFacts, action: MailablePayerAction): MailDocument {
  return instructionsMail(facts, action, { subject: "mail.howToPay.subject", intro: "mail.howToPay.intro" });
}

/**
 * To the customer, when the billing run sent a PIX or boleto for a later installment (no
 * card kept, or a declined one): "your installment is due — how to pay", the same code,
 * line and dates as the sale's.
 */
export function installmentInstructionsMail(facts: SaleMailFacts, action: MailablePayerAction): MailDocument {
  return instructionsMail(facts, action, {
    subject: "mail.installmentDue.subject",
    intro: "mail.installmentDue.intro",
  });
}

function instructionsMail(
  facts: SaleMailFacts,
  action: MailablePayerAction,
  keys: {
    subject: "mail.howToPay.subject" | "mail.installmentDue.subject";
    intro: "mail.howToPay.intro" | "mail.installmentDue.intro";
  },
): MailDocument {
  const { t, locale, contract } = facts;
  const plan = contract.terms.planName;
  const method = methodText(facts);
  return {
    locale,
    subject: t(keys.subject, { studio: facts.studio, plan }),
    blocks: [
      greetingBlock(facts),
      { kind: "paragraph", text: t(keys.intro, { plan }) },
      {
        kind: "facts",
        facts: [
          { label: t("mail.fact.plan"), value: plan },
          { label: t("mail.fact.unit"), value: facts.unit.name },
          ...amountFacts(facts),
          ...(method ? [{ label: t("mail.fact.method"), value: method }] : []),
        ],
      },
      ...(action.type === "pix" ? pixBlocks(action, facts) : boletoBlocks(action, facts)),
      { kind: "paragraph", text: t("mail.howToPay.after") },
      ...closingBlocks(facts),
    ],
  };
}
