import { type Order, type OrderOutcome, orderNote, type Tessera } from "@tessera/core";
import { mailVoice, type PaymentMailFacts } from "./payment-mail-facts";

/** Everything the mails of one of an order's payments are written from. */
export interface OrderMailFacts extends PaymentMailFacts {
  order: Order;
}

/** The services the order mails read; the whole `Tessera` fits. */
export type OrderMailServices = Pick<Tessera, "orders" | "organizations">;

/**
 * Reads an order's facts from the outcome of one of its payments (`tessera.orders.outcome`),
 * plus the unit and its organization: the order is what is paid for, named as a wallet line
 * names it (`orderNote`: its first item, and how many more).
 */
export async function orderMailFacts(
  tessera: OrderMailServices,
  outcome: OrderOutcome,
): Promise<OrderMailFacts> {
  const { order } = outcome;
  return {
    ...(await mailVoice(tessera, order.unitId)),
    order,
    customer: outcome.customer,
    installments: outcome.installments,
    payment: outcome.payment,
    title: orderNote(order),
    titleLabel: "mail.fact.order",
    singleInstallment: order.installmentCount === 1,
  };
}
