import { definePlugin, type Id, type Notifier, type Plugin, type SaleOutcome } from "@tessera/core";
import type { Logger } from "../logging/logger";
import { installmentReceiptMail } from "./installment-receipt-mail";
import { deliverMails, type MailDelivery } from "./mail-delivery";
import { type OrderMailServices, orderMailFacts } from "./order-mail-facts";
import { orderReceiptMail } from "./order-receipt-mail";
import {
  installmentInstructionsMail,
  orderInstructionsMail,
  paymentInstructionsMail,
} from "./payment-instructions-mail";
import { type SaleMailServices, saleMailFacts } from "./sale-mail-facts";
import { saleReceiptMail } from "./sale-receipt-mail";
import { unitAwaitingPaymentMail, unitSaleMail } from "./unit-sale-mail";

export interface SaleNotificationsOptions {
  notifier: Notifier;
  /**
   * The Tessera instance whose sales are mailed. A getter, because plugins are handed to
   * `createTessera`, which makes the instance: the composition sets it right after, and
   * handlers only run from `tessera.events.deliverPending()`, so it is always there by then.
   */
  tessera: () => SaleMailServices & OrderMailServices;
  /** One line per message sent. Default: none. */
  logger?: Logger;
}

/**
 * True when `outcome`'s payment pays the contract's first installments: the sale itself,
 * not a later installment or a renewal (`installments` are in due order).
 */
function paysFirstInstallments(outcome: SaleOutcome): boolean {
  const first = outcome.installments[0];
  return outcome.payment !== null && first !== undefined && outcome.payment.installmentIds.includes(first.id);
}

/**
 * "Your order — how to pay" to the customer while one of an order's payments still waits on a
 * PIX or boleto; nothing once it no longer does (paid, expired, canceled).
 */
async function orderInstructions(
  tessera: OrderMailServices,
  paymentId: Id<"payment">,
): Promise<MailDelivery[]> {
  const outcome = await tessera.orders.outcome(paymentId);
  if (outcome.status !== "pending" && outcome.status !== "requires_action") return [];
  const current = outcome.action;
  if (current.type !== "pix" && current.type !== "boleto") return [];
  const facts = await orderMailFacts(tessera, outcome);
  return [
    {
      to: [facts.customer.email],
      document: orderInstructionsMail(facts, current),
      tag: "order.payment_instructions",
      dedupeKey: `order.payment_instructions:${paymentId}:buyer`,
    },
  ];
}

/** "Payment received" to the customer, for one of an order's payments. */
async function orderReceipt(tessera: OrderMailServices, paymentId: Id<"payment">): Promise<MailDelivery[]> {
  const facts = await orderMailFacts(tessera, await tessera.orders.outcome(paymentId));
  return [
    {
      to: [facts.customer.email],
      document: orderReceiptMail(facts),
      tag: "order.receipt",
      dedupeKey: `order.receipt:${paymentId}:buyer`,
    },
  ];
}

/**
 * The e-mails of the server's checkout, and of what a customer pays after it, as a plugin on
 * the outbox. A sale's own mails are for contracts sold with source `online` (a sale staff or
 * the API make is not the server's checkout, and is told nothing); a later installment's and
 * an order's are sent whoever made the contract or the order:
 *
 * - `payment.pending` of a sale's first payment with a PIX or boleto to pay: the buyer gets
 *   "your order — how to pay" (the code, line, due date or expiry), the unit's
 *   `notificationEmails` get "new online sale awaiting payment". Skipped when the payment no
 *   longer waits by the time the event is delivered (paid, expired, canceled): the receipt
 *   or nothing follows.
 * - `sale.completed`: the buyer gets the receipt, the unit's addresses "new online sale".
 * - `payment.pending` of a later installment (the billing run's PIX or boleto, whoever sold
 *   the contract): the customer gets "your installment is due — how to pay"
 *   (`installment.payment_instructions:<payment>:buyer`).
 * - `payment.succeeded` of a later installment (the kept card charged, a link paid, the
 *   balance), whoever sold the contract: the customer gets "payment received", its receipt
 *   (`installment.receipt:<payment>:buyer`).
 * - `payment.pending` of one of an order's payments (`contractId: null`; staff charged it, or
 *   the billing run sent a later installment's) with a PIX or boleto still to pay: the
 *   customer gets "your order — how to pay" (`order.payment_instructions:<payment>:buyer`).
 * - `payment.succeeded` of one of an order's payments, however paid (the balance too): the
 *   customer gets "payment received", with the order's items and what is still due
 *   (`order.receipt:<payment>:buyer`). The last line's receipt says the order is paid, so
 *   `order.paid` sends nothing of its own.
 *
 * Written in the unit's language (`unit.locale`): core keeps no buyer's language, and staff
 * read the unit's. Delivery is at least once, so each message carries a dedupe key made from
 * the sale, not the event — `sale.payment_instructions:<payment>:buyer`,
 * `sale.awaiting_payment:<contract>:unit`, `sale.receipt:<contract>:buyer`,
 * `sale.completed:<contract>:unit` — and the notifier sends a key once: a redelivered event,
 * or a second `payment.pending` of the same payment, sends nothing new; a retried PIX (a new
 * payment) gets its own instructions, while the unit hears of the sale once. A send that
 * throws makes the handler throw, after trying the other recipient, and the outbox retries the
 * event with backoff; what was sent then is not sent again.
 *
 * @example
 * ```ts
 * let tessera: Tessera | null = null;
 * const mails = saleNotificationsPlugin({ notifier, tessera: () => tessera! });
 * tessera = createTessera({ storage, notifier, plugins: [mails] });
 * ```
 */
export function saleNotificationsPlugin(options: SaleNotificationsOptions): Plugin {
  const log = options.logger?.child({ plugin: "sale-notifications" });

  const deliver = (deliveries: MailDelivery[]) =>
    deliverMails(options.notifier, deliveries, { what: "sale mail", log });

  return definePlugin({
    name: "sale-notifications",
    setup(ctx) {
      ctx.on("payment.pending", async (event) => {
        const { paymentId, contractId, action } = event.payload;
        if (action.type !== "pix" && action.type !== "boleto") return;
        const tessera = options.tessera();
        // Every payment collects a contract's installments or an order's.
        if (contractId === null) return deliver(await orderInstructions(tessera, paymentId));
        const outcome = await tessera.sales.outcome(paymentId);
        if (outcome.status !== "pending" && outcome.status !== "requires_action") return;
        const current = outcome.action;
        if (current.type !== "pix" && current.type !== "boleto") return;
        if (!paysFirstInstallments(outcome)) {
          // A later installment the billing run sent a link for: whoever sold the contract, the
          // customer is told how to pay it; staff see it on the contract page.
          const facts = await saleMailFacts(tessera, outcome);
          await deliver([
            {
              to: [facts.customer.email],
              document: installmentInstructionsMail(facts, current),
              tag: "installment.payment_instructions",
              dedupeKey: `installment.payment_instructions:${paymentId}:buyer`,
            },
          ]);
          return;
        }
        if (outcome.contract.origin !== "online") return;
        const facts = await saleMailFacts(tessera, outcome);
        await deliver([
          {
            to: [facts.customer.email],
            document: paymentInstructionsMail(facts, current),
            tag: "sale.payment_instructions",
            dedupeKey: `sale.payment_instructions:${paymentId}:buyer`,
          },
          {
            to: facts.unit.notificationEmails,
            document: unitAwaitingPaymentMail(facts),
            tag: "sale.awaiting_payment",
            dedupeKey: `sale.awaiting_payment:${outcome.contract.id}:unit`,
          },
        ]);
      });

      ctx.on("payment.succeeded", async (event) => {
        const { paymentId, contractId } = event.payload;
        const tessera = options.tessera();
        if (contractId === null) return deliver(await orderReceipt(tessera, paymentId));
        const outcome = await tessera.sales.outcome(paymentId);
        // The sale's own first payment: `sale.completed` sends its receipt (online sales only).
        if (paysFirstInstallments(outcome)) return;
        const facts = await saleMailFacts(tessera, outcome);
        await deliver([
          {
            to: [facts.customer.email],
            document: installmentReceiptMail(facts),
            tag: "installment.receipt",
            dedupeKey: `installment.receipt:${paymentId}:buyer`,
          },
        ]);
      });

      ctx.on("sale.completed", async (event) => {
        const { paymentId, contractId } = event.payload;
        const tessera = options.tessera();
        const outcome =
          paymentId === null
            ? await tessera.sales.contractOutcome(contractId)
            : await tessera.sales.outcome(paymentId);
        if (outcome.contract.origin !== "online") return;
        const facts = await saleMailFacts(tessera, outcome);
        await deliver([
          {
            to: [facts.customer.email],
            document: saleReceiptMail(facts),
            tag: "sale.receipt",
            dedupeKey: `sale.receipt:${contractId}:buyer`,
          },
          {
            to: facts.unit.notificationEmails,
            document: unitSaleMail(facts),
            tag: "sale.completed",
            dedupeKey: `sale.completed:${contractId}:unit`,
          },
        ]);
      });
    },
  });
}
