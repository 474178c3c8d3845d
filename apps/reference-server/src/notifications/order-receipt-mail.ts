import { formatMoney, sumMoney } from "@tessera/core";
import { formatCalendarDate } from "./mail-dates";
import type { MailDocument, MailFact } from "./mail-document";
import type { OrderMailFacts } from "./order-mail-facts";
import {
  closingBlocks,
  greetingBlock,
  methodFacts,
  nextDueDate,
  paidFacts,
  unpaidInstallments,
} from "./payment-mail-blocks";

/**
 * The order as bought: each item with its quantity and unit price, the total, then what is
 * still to pay after this payment and when the next line is due (nothing once it is all paid).
 */
function orderFacts(facts: OrderMailFacts): MailFact[] {
  const { t, locale, order } = facts;
  const unpaid = unpaidInstallments(facts);
  const next = nextDueDate(facts);
  return [
    ...order.items.map((item) => ({
      label: t("mail.order.item", { description: item.description, quantity: item.quantity }),
      value: t("mail.order.unitPrice", { price: formatMoney(item.unitPrice, locale) }),
    })),
    { label: t("mail.fact.orderTotal"), value: formatMoney(order.total, locale) },
    ...(unpaid.length > 0
      ? [
          {
            label: t("mail.fact.stillDue"),
            value: formatMoney(
              sumMoney(
                unpaid.map((line) => line.amount),
                order.total.currency,
              ),
              locale,
            ),
          },
        ]
      : []),
    ...(next ? [{ label: t("mail.fact.nextDueDate"), value: formatCalendarDate(next, locale) }] : []),
  ];
}

/**
 * To the customer, when one of an order's payments is paid — by PIX, boleto, card, link or
 * all from the balance: what was paid (each line, the total, the part from the balance) and
 * how, as a contract's installment receipt says it, then the order's items with what is
 * still due, if anything.
 */
export function orderReceiptMail(facts: OrderMailFacts): MailDocument {
  const { t, locale, studio, title: order } = facts;
  const settled = unpaidInstallments(facts).length === 0;
  return {
    locale,
    subject: t("mail.orderPaid.subject", { studio, order }),
    blocks: [
      greetingBlock(facts),
      {
        kind: "paragraph",
        text: t(settled ? "mail.orderPaid.introSettled" : "mail.orderPaid.intro", { order }),
      },
      { kind: "heading", text: t("mail.receipt.paidTitle") },
      { kind: "facts", facts: [...paidFacts(facts), ...methodFacts(facts)] },
      { kind: "heading", text: t("mail.orderPaid.orderTitle") },
      { kind: "facts", facts: orderFacts(facts) },
      { kind: "paragraph", text: t("mail.receipt.keep") },
      ...closingBlocks(facts, "mail.orderFooter"),
    ],
  };
}
