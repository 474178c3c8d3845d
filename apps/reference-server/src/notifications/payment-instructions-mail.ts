import type { PayerAction } from "@tessera/core";
import { formatCalendarDate, formatInstant } from "./mail-dates";
import type { MailBlock, MailDocument } from "./mail-document";
import type { OrderMailFacts } from "./order-mail-facts";
import {
  amountFacts,
  closingBlocks,
  greetingBlock,
  type MailFooter,
  methodFacts,
} from "./payment-mail-blocks";
import type { PaymentMailFacts } from "./payment-mail-facts";
import type { SaleMailFacts } from "./sale-mail-facts";

/** The payer actions an e-mail can carry whole: a PIX code, a boleto. */
export type MailablePayerAction = Extract<PayerAction, { type: "pix" | "boleto" }>;

function pixBlocks(action: Extract<PayerAction, { type: "pix" }>, facts: PaymentMailFacts): MailBlock[] {
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

function boletoBlocks(
  action: Extract<PayerAction, { type: "boleto" }>,
  facts: PaymentMailFacts,
): MailBlock[] {
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
  const { t, studio, title: plan } = facts;
  return instructionsMail(facts, action, {
    subject: t("mail.howToPay.subject", { studio, plan }),
    intro: t("mail.howToPay.intro", { plan }),
    footer: "mail.footer",
  });
}

/**
 * To the customer, when the billing run sent a PIX or boleto for a later installment (no
 * card kept, or a declined one): "your installment is due — how to pay", the same code,
 * line and dates as the sale's.
 */
export function installmentInstructionsMail(facts: SaleMailFacts, action: MailablePayerAction): MailDocument {
  const { t, studio, title: plan } = facts;
  return instructionsMail(facts, action, {
    subject: t("mail.installmentDue.subject", { studio, plan }),
    intro: t("mail.installmentDue.intro", { plan }),
    footer: "mail.footer",
  });
}

/**
 * To the customer, while one of an order's payments waits on them by PIX or boleto — staff
 * charged it, or the billing run sent it for a later installment: "your order — how to pay",
 * the same code, line and dates as a sale's.
 */
export function orderInstructionsMail(facts: OrderMailFacts, action: MailablePayerAction): MailDocument {
  const { t, studio, title: order } = facts;
  return instructionsMail(facts, action, {
    subject: t("mail.orderHowToPay.subject", { studio, order }),
    intro: t("mail.orderHowToPay.intro", { order }),
    footer: "mail.orderFooter",
  });
}

/** Every instructions mail: what is paid for, where, how much and how, then the PIX or boleto. */
function instructionsMail(
  facts: PaymentMailFacts,
  action: MailablePayerAction,
  texts: { subject: string; intro: string; footer: MailFooter },
): MailDocument {
  const { t, locale } = facts;
  return {
    locale,
    subject: texts.subject,
    blocks: [
      greetingBlock(facts),
      { kind: "paragraph", text: texts.intro },
      {
        kind: "facts",
        facts: [
          { label: t(facts.titleLabel), value: facts.title },
          { label: t("mail.fact.unit"), value: facts.unit.name },
          ...amountFacts(facts),
          ...methodFacts(facts),
        ],
      },
      ...(action.type === "pix" ? pixBlocks(action, facts) : boletoBlocks(action, facts)),
      { kind: "paragraph", text: t("mail.howToPay.after") },
      ...closingBlocks(facts, texts.footer),
    ],
  };
}
