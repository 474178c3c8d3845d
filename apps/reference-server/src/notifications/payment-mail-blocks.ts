import {
  type CalendarDate,
  formatMoney,
  type Installment,
  type Money,
  sumMoney,
  type TaxDocument,
} from "@tessera/core";
import type { Translate } from "../i18n/translator";
import { formatCalendarDate } from "./mail-dates";
import type { MailBlock, MailFact } from "./mail-document";
import type { PaymentMailFacts } from "./payment-mail-facts";

/** A CPF or CNPJ with its usual punctuation (`529.982.247-25`, `12.345.678/0001-95`). */
export function formatDocument(document: TaxDocument, t: Translate): string {
  switch (document.kind) {
    case "cpf":
      return t("mail.document.cpf", {
        number: document.value.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, "$1.$2.$3-$4"),
      });
    case "cnpj":
      return t("mail.document.cnpj", {
        number: document.value.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, "$1.$2.$3/$4-$5"),
      });
    case "foreign":
      return document.country
        ? t("mail.document.foreign", { number: document.value, country: document.country })
        : document.value;
  }
}

/** The installments the payment covered, in due order (none for a free sale). */
export function paidInstallments(facts: PaymentMailFacts): Installment[] {
  const covered = new Set<string>(facts.payment?.installmentIds ?? []);
  return facts.installments.filter((installment) => covered.has(installment.id));
}

/**
 * The installments still to pay besides this payment's, in due order: neither covered by it
 * nor settled (paid, refunded, canceled).
 */
export function unpaidInstallments(facts: PaymentMailFacts): Installment[] {
  const paid = new Set<string>(paidInstallments(facts).map((i) => i.id));
  return facts.installments.filter(
    (installment) =>
      !paid.has(installment.id) && (installment.status === "awaiting" || installment.status === "denied"),
  );
}

/**
 * What an installment was for: "Taxa de matrícula", "Parcela 1 (15/01/2026 a 14/02/2026)",
 * "Parcela 2 do pedido"; the only line of something paid at once is named after it
 * ("Day pass", "2× Camiseta + 1").
 */
export function installmentLabel(installment: Installment, facts: PaymentMailFacts): string {
  const { t, locale } = facts;
  switch (installment.kind) {
    case "enrollment_fee":
      return t("mail.line.enrollment_fee");
    case "closing_prorata":
      return t("mail.line.closing_prorata");
    case "fee":
      return t("mail.line.fee");
    case "order":
      return facts.singleInstallment ? facts.title : t("mail.line.order", { sequence: installment.sequence });
    case "period": {
      const { periodStart, periodEnd, sequence } = installment;
      const name = facts.singleInstallment ? facts.title : t("mail.line.period", { sequence });
      return periodStart && periodEnd && periodEnd !== periodStart
        ? t("mail.line.periodDates", {
            name,
            start: formatCalendarDate(periodStart, locale),
            end: formatCalendarDate(periodEnd, locale),
          })
        : name;
    }
  }
}

/** One fact per installment paid with its amount, then the total; empty when nothing was paid. */
export function paidFacts(facts: PaymentMailFacts): MailFact[] {
  const paid = paidInstallments(facts);
  if (paid.length === 0 || facts.payment === null) return [];
  return [
    ...paid.map((installment) => ({
      label: installmentLabel(installment, facts),
      value: formatMoney(installment.amount, facts.locale),
    })),
    {
      label: facts.t("mail.fact.totalPaid"),
      value: formatMoney(
        sumMoney(
          paid.map((i) => i.amount),
          facts.payment.amount.currency,
        ),
        facts.locale,
      ),
    },
    ...fromBalanceFacts(facts),
  ];
}

/**
 * What the payer pays by the method, and beside it the part a split payment took from the
 * customer's balance; empty without a payment.
 */
export function amountFacts(facts: PaymentMailFacts): MailFact[] {
  if (facts.payment === null) return [];
  return [
    { label: facts.t("mail.fact.amount"), value: formatMoney(facts.payment.amount, facts.locale) },
    ...fromBalanceFacts(facts),
  ];
}

/** The part of a split payment paid from the customer's balance; empty for any other payment. */
function fromBalanceFacts(facts: PaymentMailFacts): MailFact[] {
  const part = facts.payment?.fromBalance;
  return part
    ? [{ label: facts.t("mail.fact.fromBalance"), value: formatMoney(part.amount, facts.locale) }]
    : [];
}

/** The first installment still to pay after this payment, if there is one. */
export function nextDueDate(facts: PaymentMailFacts): CalendarDate | null {
  return unpaidInstallments(facts)[0]?.dueDate ?? null;
}

/** How it is paid: the method's name, with the card ("Cartão Visa final 1111") when known. */
export function methodText(facts: PaymentMailFacts): string | null {
  const { payment, t } = facts;
  if (payment === null) return null;
  if (!payment.card) return t(`method.${payment.method}`);
  const { brand, last4 } = payment.card;
  const card = t("mail.fact.card", { brand: brand.charAt(0).toUpperCase() + brand.slice(1), last4 });
  return `${t(`method.${payment.method}`)} — ${card}`;
}

/** "Forma de pagamento: PIX" as a fact; empty without a payment. */
export function methodFacts(facts: PaymentMailFacts): MailFact[] {
  const method = methodText(facts);
  return method ? [{ label: facts.t("mail.fact.method"), value: method }] : [];
}

/** Who bought: what staff need to recognise and reach the customer. */
export function customerFacts(facts: PaymentMailFacts): MailFact[] {
  const { t, customer } = facts;
  return [
    { label: t("mail.fact.customer"), value: customer.name },
    { label: t("mail.fact.email"), value: customer.email },
    ...(customer.document
      ? [{ label: t("mail.fact.document"), value: formatDocument(customer.document, t) }]
      : []),
    ...(customer.phone ? [{ label: t("mail.fact.phone"), value: customer.phone }] : []),
  ];
}

/** "Olá, Ana!" */
export function greetingBlock(facts: PaymentMailFacts): MailBlock {
  return { kind: "paragraph", text: facts.t("mail.greeting", { name: facts.customer.name }) };
}

/**
 * Why the reader got the mail: a purchase online (`mail.footer`), a plan they have
 * (`mail.contractFooter`: not only online buyers get mail about their contract), an order.
 */
export type MailFooter = "mail.footer" | "mail.contractFooter" | "mail.orderFooter";

/** The sign-off and why the reader got the mail. */
export function closingBlocks(facts: PaymentMailFacts, footer: MailFooter): MailBlock[] {
  return [
    { kind: "paragraph", text: facts.t("mail.signoff", { studio: facts.studio }) },
    { kind: "paragraph", text: facts.t(footer, { studio: facts.studio }) },
  ];
}

/**
 * One fact per line owed, "Parcela 2 (15/02/2026 a 14/03/2026) — vence em 15/02/2026: R$ 159,90",
 * then their total: what a reminder or the pay link asks for.
 */
export function dueLineFacts(
  facts: PaymentMailFacts,
  lines: readonly Installment[],
  total: Money,
): MailFact[] {
  const { t, locale } = facts;
  return [
    ...lines.map((line) => ({
      label: t("mail.line.due", {
        name: installmentLabel(line, facts),
        date: formatCalendarDate(line.dueDate, locale),
      }),
      value: formatMoney(line.amount, locale),
    })),
    { label: t("mail.fact.total"), value: formatMoney(total, locale) },
  ];
}
