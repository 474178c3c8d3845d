import type { Order } from "./order";

/**
 * What an order is called where one line must name it (a wallet line, a payment's
 * description): its first item, and how many more there are.
 */
export function orderNote(order: Pick<Order, "items">): string {
  const [first, ...rest] = order.items;
  if (!first) return "Pedido";
  const head = first.quantity > 1 ? `${first.quantity}× ${first.description}` : first.description;
  return rest.length === 0 ? head : `${head} + ${rest.length}`;
}
