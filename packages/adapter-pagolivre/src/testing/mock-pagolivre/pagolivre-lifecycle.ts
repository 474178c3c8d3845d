import { compareDates } from "@tessera/core";
import type { PagoLivreEventName } from "../../pagolivre-protocol";
import { pagolivreProtocol } from "../../pagolivre-protocol";
import type { InstallmentState, OrderState } from "./pagolivre-books";
import { nowMs, type PagoLivreContext, saoPauloDay } from "./pagolivre-context";

/**
 * What happens to an order after its creation, each with its callback: the payer pays or is
 * declined on the hosted page (charge 1), the link expires, a later monthly charge is paid or
 * declined (assumed), refunds complete. A change that cannot happen throws, naming why.
 */

export const defaultDecliningReason = "Transação não autorizada";

/** The order a control names, by id or (the latest with it) by orderKey. */
export function orderOf(context: PagoLivreContext, orderKeyOrId: string): OrderState {
  const order = context.books.find(orderKeyOrId);
  if (order === undefined) throw new Error(`mock PagoLivre: no order ${orderKeyOrId}`);
  return order;
}

/** Posts the callback of `eventName` for `order` to its `callbackUrl?accessToken=…`. */
export function notify(
  context: PagoLivreContext,
  order: OrderState,
  eventName: PagoLivreEventName,
  installmentNumber?: number,
): void {
  const url = new URL(order.callbackUrl);
  url.searchParams.set(pagolivreProtocol.callback.tokenParameter, context.token);
  context.notifier.send(url.toString(), {
    eventName,
    orderKey: order.orderKey,
    orderId: order.id,
    ...(installmentNumber === undefined ? {} : { installmentNumber }),
  });
}

function requireCreated(order: OrderState, action: string): void {
  if (order.status !== "created")
    throw new Error(`mock PagoLivre: cannot ${action} order ${order.id}: it is ${order.status}`);
}

/** Monthly charges from `from` on that have not happened yet will not. */
export function cancelScheduled(order: OrderState, from: number): void {
  for (const charge of order.installments) {
    if (charge.number >= from && charge.status === "scheduled") charge.status = "canceled";
  }
}

/**
 * The payer pays on the hosted page: the order is paid with its first monthly charge.
 * `laterCharges`: what the card the payer gave comes to when PagoLivre charges it each month.
 */
export function payOrder(
  context: PagoLivreContext,
  order: OrderState,
  laterCharges: OrderState["laterCharges"] = "paid",
): void {
  requireCreated(order, "pay");
  order.status = "paid";
  order.laterCharges = laterCharges;
  const first = firstCharge(order);
  first.status = "paid";
  first.paidAt = context.clock.now();
  notify(context, order, "order.paid");
}

/** The payer's card is declined on the hosted page. */
export function declineOrder(
  context: PagoLivreContext,
  order: OrderState,
  reason = defaultDecliningReason,
): void {
  requireCreated(order, "decline");
  order.status = "declined";
  order.decliningReason = reason;
  const first = firstCharge(order);
  first.status = "declined";
  first.decliningReason = reason;
  cancelScheduled(order, 2);
  notify(context, order, "order.declined");
}

/** The link is past its expirationDate unpaid. */
export function expireOrder(context: PagoLivreContext, order: OrderState): void {
  requireCreated(order, "expire");
  order.status = "expired";
  cancelScheduled(order, 1);
  notify(context, order, "order.expired");
}

/** Every order still `created` past its expirationDate by the clock expires now. */
export function refreshExpiries(context: PagoLivreContext): void {
  const now = nowMs(context);
  for (const order of context.books.orders.values()) {
    if (order.status === "created" && Date.parse(order.expirationDate) <= now) expireOrder(context, order);
  }
}

/**
 * assumed: monthly charge `number` (≥ 2) of a paid order is made on the card, once: a declined
 * month is not tried again (`pagolivreProtocol.monthlyCharges.declinedRetried`).
 */
export function chargeMonth(
  context: PagoLivreContext,
  order: OrderState,
  number: number,
  outcome: "paid" | "declined",
  reason = defaultDecliningReason,
): void {
  if (order.status !== "paid")
    throw new Error(`mock PagoLivre: order ${order.id} is ${order.status}, not paid`);
  const charge = order.installments.find((candidate) => candidate.number === number);
  if (charge === undefined || number < 2) {
    throw new Error(`mock PagoLivre: order ${order.id} has no monthly charge ${number} after the first`);
  }
  if (charge.status === "declined" && !pagolivreProtocol.monthlyCharges.declinedRetried) {
    throw new Error(
      `mock PagoLivre: monthly charge ${number} of ${order.id} was declined, and PagoLivre does not try a declined month again (assumed)`,
    );
  }
  if (charge.status !== "scheduled" && charge.status !== "declined") {
    throw new Error(`mock PagoLivre: monthly charge ${number} of ${order.id} is ${charge.status}`);
  }
  if (charge.status === "declined") charge.attempt += 1;
  charge.status = outcome;
  if (outcome === "paid") {
    charge.paidAt = context.clock.now();
    delete charge.decliningReason;
  } else {
    charge.decliningReason = reason;
  }
  notify(context, order, outcome === "paid" ? "installment.paid" : "installment.declined", number);
}

/**
 * assumed: PagoLivre makes, on its day, each monthly charge now due — due in São Paulo on or
 * before today, by the clock — of every paid order, oldest first, on the card the payer gave
 * (`laterCharges`). What `chargeMonth` does for one month, for all that time brought due.
 */
export function runDueCharges(context: PagoLivreContext): void {
  const today = saoPauloDay(nowMs(context));
  for (const order of context.books.orders.values()) {
    if (order.status !== "paid") continue;
    for (const charge of order.installments) {
      if (charge.number >= 2 && charge.status === "scheduled" && compareDates(charge.dueDate, today) <= 0)
        chargeMonth(context, order, charge.number, order.laterCharges);
    }
  }
}

/** Every pending refund is given back (no callback: none is known). */
export function settleRefunds(context: PagoLivreContext): void {
  for (const order of context.books.orders.values()) {
    for (const refund of order.refunds) refund.status = "refunded";
  }
}

function firstCharge(order: OrderState): InstallmentState {
  const first = order.installments[0];
  if (first === undefined) throw new Error(`mock PagoLivre: order ${order.id} has no monthly charges`);
  return first;
}
