import { type DomainEventPayloads, formatMoney, type Installment, type Money } from "@tessera/core";
import type { MessageKey } from "../i18n/message-catalog";
import { formatCalendarDate } from "./mail-dates";
import type { MailBlock, MailDocument } from "./mail-document";
import { closingBlocks, dueLineFacts, greetingBlock } from "./payment-mail-blocks";
import type { SaleMailFacts } from "./sale-mail-facts";

/** What an `installment.reminder` event tells. */
export type Reminder = DomainEventPayloads["installment.reminder"];

/** How the billing run will collect a line on its day, as the customer is told it. */
const collectionKeys: Record<NonNullable<Reminder["collection"]>, MessageKey> = {
  wallet: "mail.reminder.collection.wallet",
  card: "mail.reminder.collection.card",
  link: "mail.reminder.collection.link",
};

/**
 * To the customer, `Unit.reminderDays.before` days ahead: "R$ X due on D", and how it will be
 * collected that day — from their balance, on their kept card (nothing to do), or by a link
 * the run mails on the day.
 */
export function beforeDueMail(
  facts: SaleMailFacts,
  reminder: Reminder,
  lines: readonly Installment[],
): MailDocument {
  const { t, locale, contract } = facts;
  const plan = contract.terms.planName;
  const amount = formatMoney(reminder.amount, locale);
  const date = formatCalendarDate(reminder.dueDate, locale);
  return {
    locale,
    subject: t("mail.reminder.beforeDue.subject", { studio: facts.studio, amount, date }),
    blocks: [
      greetingBlock(facts),
      { kind: "paragraph", text: t("mail.reminder.beforeDue.intro", { plan, amount, date }) },
      ...(reminder.collection
        ? [
            {
              kind: "paragraph" as const,
              text: t(collectionKeys[reminder.collection], { studio: facts.studio }),
            },
          ]
        : []),
      { kind: "facts", facts: dueLineFacts(facts, lines, reminder.amount) },
      ...closingBlocks(facts, "mail.contractFooter"),
    ],
  };
}

/**
 * To the customer, `Unit.reminderDays.after` days late while unpaid: "R$ X due on D is
 * unpaid — pay here", with the contract's pay link (which pays every due line, so the total
 * owed today is said when other lines are due too).
 */
export function overdueMail(
  facts: SaleMailFacts,
  reminder: Reminder,
  lines: readonly Installment[],
  owed: { total: Money; payLink: string },
): MailDocument {
  const { t, locale, contract } = facts;
  const plan = contract.terms.planName;
  const amount = formatMoney(reminder.amount, locale);
  const date = formatCalendarDate(reminder.dueDate, locale);
  const more = owed.total.amount > reminder.amount.amount;
  const blocks: MailBlock[] = [
    greetingBlock(facts),
    { kind: "paragraph", text: t("mail.reminder.overdue.intro", { plan, amount, date }) },
    { kind: "facts", facts: dueLineFacts(facts, lines, reminder.amount) },
    ...(more
      ? [
          {
            kind: "paragraph" as const,
            text: t("mail.reminder.overdue.moreDue", { total: formatMoney(owed.total, locale) }),
          },
        ]
      : []),
    { kind: "link", label: t("mail.payLink.action"), url: owed.payLink },
    { kind: "paragraph", text: t("mail.payLink.howItWorks") },
    { kind: "paragraph", text: t("mail.reminder.overdue.alreadyPaid") },
    ...closingBlocks(facts, "mail.contractFooter"),
  ];
  return {
    locale,
    subject: t("mail.reminder.overdue.subject", { studio: facts.studio, amount, date }),
    blocks,
  };
}
