import { z } from "zod";
import { cardInputSchema, idempotencyKeySchema } from "../checkout/sale-input";
import { positiveMoneySchema } from "../money/money";
import { paymentMethodSchema } from "../payments/payment-method";
import { calendarDateSchema } from "../time/calendar-date";
import { dayRangeInOrder, reversedDayRange } from "../time/day-range";
import { orderItemSchema } from "./order";

/** The most installments an order is split into (a shop's "12x"). */
export const maxOrderInstallments = 12;

/** How an order is paid now: `method` (with a split `fromBalance` part), or the wallet alone. */
const orderPaymentFields = {
  /** Left out: the customer's wallet pays (on create, only when its balance covers what is due). */
  method: paymentMethodSchema.optional(),
  card: cardInputSchema.optional(),
  /** A split payment: this much from the wallet, the rest by `method`. */
  fromBalance: positiveMoneySchema.optional(),
  /** Who asks, for the wallet line and the audit: a staff member's id, `api`. */
  actor: z.string().trim().min(1).max(200).default("api"),
  idempotencyKey: idempotencyKeySchema,
};

/** A split payment needs the method that pays the rest (all from the balance leaves both out). */
function splitHasMethod(input: { method?: unknown; fromBalance?: unknown }): boolean {
  return input.method !== undefined || input.fromBalance === undefined;
}
const splitWithoutMethod = {
  path: ["method"],
  message: "a split payment needs the method that pays the rest",
  params: { code: "required" },
};

/**
 * A one-off sale to a known customer (a shop order, a service order): its items, split
 * into `installments` monthly lines from `firstDueOn` (today, in the unit's calendar).
 */
export const orderCreateInputSchema = z
  .object({
    unitId: z.string().startsWith("unit_", "must be a unit id"),
    customerId: z.string().startsWith("cus_", "must be a customer id"),
    items: z.array(orderItemSchema).min(1, "needs at least one item").max(50),
    installments: z.number().int().min(1).max(maxOrderInstallments).default(1),
    firstDueOn: calendarDateSchema.optional(),
    ...orderPaymentFields,
  })
  .refine(splitHasMethod, splitWithoutMethod);
export type OrderCreateInput = z.input<typeof orderCreateInputSchema>;

/** Paying an order's first unpaid installments, or (`lines: "due"`) every one already due. */
export const orderPayInputSchema = z
  .object({
    orderId: z.string().startsWith("ord_", "must be an order id"),
    lines: z.enum(["first", "due"]).default("first"),
    ...orderPaymentFields,
  })
  .refine(splitHasMethod, splitWithoutMethod);
export type OrderPayInput = z.input<typeof orderPayInputSchema>;

/**
 * What staff find orders by: `from`/`to` are the days they were created, in the unit's
 * calendar, both inclusive; `paymentStatus` as the contracts' (BEMP: "pendente" / "com erro").
 */
export const orderListFilterSchema = z
  .object({
    unitId: z.string().startsWith("unit_", "must be a unit id"),
    status: z.enum(["open", "paid", "canceled", "refunded"]).optional(),
    customerId: z.string().startsWith("cus_", "must be a customer id").optional(),
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
    paymentStatus: z.enum(["pending", "error"]).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine(dayRangeInOrder, reversedDayRange);
export type OrderListFilter = z.input<typeof orderListFilterSchema>;

/** Canceling an order nothing of which is paid. */
export const orderCancelInputSchema = z.object({
  orderId: z.string().startsWith("ord_", "must be an order id"),
  actor: z.string().trim().min(1).max(200).default("api"),
});
export type OrderCancelInput = z.input<typeof orderCancelInputSchema>;
