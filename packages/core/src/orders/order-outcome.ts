import type { AttemptOutcome } from "../checkout/sale-outcome";
import type { Customer } from "../customers/customer";
import { TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { Installment } from "../installments/installment";
import type { Payment } from "../payments/payment";
import type { Repositories } from "../ports/storage";
import type { Order } from "./order";

/** What an order is, as stored: the order, its customer, all its installments in due order. */
export interface OrderRecords {
  order: Order;
  customer: Customer;
  installments: Installment[];
  /** True when this answer comes from an earlier call with the same idempotency key. */
  replayed: boolean;
}

/** An order with the attempt an outcome is about. */
export interface OrderState extends OrderRecords {
  payment: Payment;
}

/**
 * What became of creating or paying an order, switched on as a sale's outcome (`SaleOutcome`
 * tells each payment status), plus `awaiting_payment`: the order was created with no
 * payment (no method given and a balance that does not cover its first installment) and
 * waits for `orders.pay`, the billing run, or staff.
 */
export type OrderOutcome =
  | AttemptOutcome<OrderState>
  | (OrderRecords & { status: "awaiting_payment"; payment: null });

/** Reads an order's records; `not_found` when there is no such order. */
export async function loadOrderRecords(
  repos: Repositories,
  orderId: Id<"order">,
  replayed: boolean,
): Promise<OrderRecords> {
  const order = await repos.orders.findById(orderId);
  const customer = order ? await repos.customers.findById(order.customerId) : null;
  if (!order || !customer) {
    throw new TesseraError("not_found", `Order ${orderId} does not exist.`, {
      details: { entity: "order", id: orderId },
    });
  }
  return { order, customer, installments: await repos.installments.listByOrder(order.id), replayed };
}
