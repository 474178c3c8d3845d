import { notSentError } from "../checkout/collect-payment";
import { runIdempotent } from "../checkout/idempotent-request";
import { answeredLatestAttempt } from "../checkout/latest-attempt";
import { type AttemptChoice, writeOrderAttempt } from "../checkout/next-attempt";
import { offeredMethod } from "../checkout/offered-method";
import { attemptOutcomeOf } from "../checkout/sale-outcome";
import { TesseraError } from "../errors/tessera-error";
import { fingerprintOf } from "../idempotency/idempotency-record";
import { formatResourceReference, type ResourceReference } from "../idempotency/resource-reference";
import type { Id } from "../ids/id";
import { decodePageCursor, encodePageCursor } from "../ids/page-cursor";
import { installmentHistory } from "../installments/installment-history";
import { linesToPay } from "../installments/lines-to-pay";
import { sumMoney } from "../money/money";
import type { Unit } from "../organizations/unit";
import { wasNeverSent } from "../payments/not-sent";
import type { Payment } from "../payments/payment";
import type { PaymentMethod } from "../payments/payment-method";
import { buildPaymentRequest } from "../payments/payment-row";
import { submitPayment } from "../payments/submit-payment";
import type { CardInput } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import type { Page, Repositories } from "../ports/storage";
import { addDays, type CalendarDate } from "../time/calendar-date";
import { dayStartInZone } from "../time/day-start-in-zone";
import { calendarDateInZone } from "../time/timezone";
import { invalidFields } from "../validation/invalid-fields";
import { parseId } from "../validation/parse-id";
import { parseInput } from "../validation/parse-input";
import { payOrderFromBalance } from "../wallet/wallet-payment";
import { cancelOrder } from "./cancel-order";
import type { Order } from "./order";
import type { OrderDetail } from "./order-detail";
import {
  type OrderCancelInput,
  type OrderCreateInput,
  type OrderListFilter,
  type OrderPayInput,
  orderCancelInputSchema,
  orderCreateInputSchema,
  orderListFilterSchema,
  orderPayInputSchema,
} from "./order-input";
import { orderInstallments } from "./order-installments";
import { orderNote } from "./order-note";
import { loadOrderRecords, type OrderOutcome } from "./order-outcome";

/**
 * One-off sales to a known customer — a shop order, a service order — paid at once or in
 * monthly installments, through the one collection path a contract's installments take:
 * a provider (card, PIX, boleto, link), the customer's wallet, or both (a split payment).
 */
export interface OrderService {
  /**
   * Creates an order, `open`, with its installments; with `method`, its first installments
   * are charged at once (a write-ahead payment, as a sale's); without one, the customer's
   * balance pays them when it covers them (the order marked paid from the balance), and
   * otherwise the order waits (`awaiting_payment`). The same `idempotencyKey` answers the
   * first call, as a sale's does.
   *
   * @example
   * ```ts
   * const outcome = await tessera.orders.create({
   *   unitId, customerId, idempotencyKey,
   *   items: [{ description: "Camiseta", quantity: 2, unitPrice: { amount: 4_990, currency: "BRL" } }],
   *   method: "pix",
   * });
   * ```
   */
  create(input: OrderCreateInput): Promise<OrderOutcome>;
  /**
   * Pays an open order's first unpaid installments (or, `lines: "due"`, every one already
   * due) by `method`, part of it `fromBalance`, or all from the balance without a method.
   * Refused (`payment_in_progress`) while an attempt at them is open.
   */
  pay(input: OrderPayInput): Promise<OrderOutcome>;
  /** The order with its customer, installments, their payments and refunds; null when unknown. */
  get(id: Id<"order">): Promise<OrderDetail | null>;
  /**
   * The outcome of one of an order's payments, as it stands now (as `sales.outcome` for a
   * contract's): `not_found` when the payment is not an order's.
   */
  outcome(paymentId: Id<"payment">): Promise<OrderOutcome>;
  /** A unit's orders, newest first, narrowed by `filter`, a page at a time (`cursor`). */
  list(filter: OrderListFilter): Promise<Page<Order>>;
  /** Cancels an open order nothing of which is paid: its lines are canceled with it. */
  cancel(input: OrderCancelInput): Promise<Order>;
}

/** How an order's attempt charges, as its request asked: the method's gateway, or the wallet alone. */
interface OrderCharge {
  unit: Unit;
  choice: Omit<AttemptChoice, "after"> | null;
  card: CardInput | undefined;
  actor: string;
}

export function createOrderService(ctx: ServiceContext): OrderService {
  return {
    async create(input) {
      const data = parseInput(orderCreateInputSchema, input, "order");
      const unitId = data.unitId as Id<"unit">;
      const unit = await ctx.storage.units.findById(unitId);
      if (!unit) {
        throw new TesseraError("not_found", `Unit ${unitId} does not exist.`, {
          details: { entity: "unit", id: unitId },
        });
      }
      const customerId = data.customerId as Id<"customer">;
      const customer = await ctx.storage.customers.findById(customerId);
      if (!customer || customer.organizationId !== unit.organizationId) {
        throw new TesseraError("not_found", `Customer ${customerId} does not exist.`, {
          details: { entity: "customer", id: customerId },
        });
      }
      const issues = data.items.flatMap((item, index) =>
        item.unitPrice.currency === unit.currency
          ? []
          : [
              {
                path: ["items", index, "unitPrice", "currency"],
                code: "currency_mismatch",
                message: `must be ${unit.currency}, the unit's currency`,
              },
            ],
      );
      if (issues.length > 0) throw invalidFields("order", issues);
      const total = sumMoney(
        data.items.map((item) => ({
          amount: item.unitPrice.amount * item.quantity,
          currency: item.unitPrice.currency,
        })),
        unit.currency,
      );
      const today = calendarDateInZone(ctx.clock.now(), unit.timeZone);
      const firstDueOn = data.firstDueOn ?? today;
      if (total.amount < data.installments)
        throw invalidFields("order", [
          {
            path: ["items"],
            code: "too_small",
            message:
              total.amount === 0
                ? "the order's total must be more than zero"
                : `a total of ${total.amount} minor units cannot be split into ${data.installments} installments`,
          },
        ]);
      if (firstDueOn < today)
        throw invalidFields("order", [
          { path: ["firstDueOn"], code: "in_past", message: "must not be before today" },
        ]);
      const charge = chargeOf(unit, data);
      const scope = `order:${unit.id}`;
      const fingerprint = fingerprintOf({
        customerId,
        items: data.items,
        installments: data.installments,
        firstDueOn: data.firstDueOn ?? null,
        method: data.method ?? null,
        fromBalance: data.fromBalance ?? null,
      });
      return runIdempotent(
        ctx,
        { scope, key: data.idempotencyKey, fingerprint, label: "order", lookup: "first" },
        (reference) => replayCreate(ctx, reference, charge),
        async () => {
          const now = ctx.clock.now();
          const order: Order = {
            id: ctx.ids("order"),
            unitId: unit.id,
            customerId,
            items: data.items,
            total,
            installmentCount: data.installments,
            status: "open",
            paidFromBalance: false,
            createdAt: now,
            updatedAt: now,
            version: 1,
          };
          const lines = orderInstallments(ctx, order, firstDueOn);
          const payment = await ctx.storage.transaction(async (tx) => {
            await tx.orders.insert(order);
            await tx.installments.insertMany(lines);
            await tx.idempotencyKeys.insert({
              scope,
              key: data.idempotencyKey,
              fingerprint,
              resource: formatResourceReference({ kind: "order", id: order.id }),
              createdAt: now,
            });
            await tx.outbox.append([
              ctx.events("order.created", { orderId: order.id, customerId, total }, unit.id),
            ]);
            if (charge.choice) return writeAttempt(ctx, tx, order.id, charge, undefined);
            // No method: the balance pays the first lines when it covers them, else the order waits.
            const first = linesToPay(lines);
            const due = sumMoney(
              first.map((line) => line.amount),
              total.currency,
            );
            const balance = await tx.wallet.balance(customerId, total.currency);
            if (balance.amount < due.amount) return null;
            return (await payOrderFromBalance(ctx, tx, { orderId: order.id, actor: charge.actor })).payment;
          });
          return answer(ctx, order.id, payment, charge, false);
        },
      );
    },

    async pay(input) {
      const data = parseInput(orderPayInputSchema, input, "order payment");
      const orderId = data.orderId as Id<"order">;
      const order = await ctx.storage.orders.findById(orderId);
      const unit = order ? await ctx.storage.units.findById(order.unitId) : null;
      if (!order || !unit) {
        throw new TesseraError("not_found", `Order ${orderId} does not exist.`, {
          details: { entity: "order", id: orderId },
        });
      }
      const dueOn = data.lines === "due" ? calendarDateInZone(ctx.clock.now(), unit.timeZone) : undefined;
      const charge = chargeOf(unit, data, dueOn);
      const scope = `order-pay:${order.id}`;
      const fingerprint = fingerprintOf({
        orderId,
        method: data.method ?? null,
        lines: data.lines,
        fromBalance: data.fromBalance ?? null,
      });
      return runIdempotent(
        ctx,
        // Looked up first: a replay must be answered before the attempt is refused as in progress.
        { scope, key: data.idempotencyKey, fingerprint, label: "order payment", lookup: "first" },
        (reference) => {
          if (reference.kind !== "payment")
            throw new Error(`an order payment's idempotency key names ${reference.kind} ${reference.id}`);
          return replayAttempt(ctx, order.id, reference.id, charge);
        },
        async () => {
          if (order.status !== "open") {
            throw new TesseraError(
              "invalid_transition",
              `Order ${order.id} is ${order.status}: nothing to pay.`,
              {
                details: { entity: "order", id: order.id, status: order.status },
              },
            );
          }
          const payment = await ctx.storage.transaction(async (tx) => {
            const written = charge.choice
              ? await writeAttempt(ctx, tx, order.id, charge, undefined)
              : (
                  await payOrderFromBalance(ctx, tx, {
                    orderId: order.id,
                    actor: charge.actor,
                    ...(dueOn === undefined ? {} : { dueOn }),
                  })
                ).payment;
            await tx.idempotencyKeys.insert({
              scope,
              key: data.idempotencyKey,
              fingerprint,
              resource: formatResourceReference({ kind: "payment", id: written.id }),
              createdAt: ctx.clock.now(),
            });
            return written;
          });
          return answer(ctx, order.id, payment, charge, false);
        },
      );
    },

    async get(rawId) {
      const id = parseId("order", rawId);
      const order = await ctx.storage.orders.findById(id);
      if (!order) return null;
      const customer = await ctx.storage.customers.findById(order.customerId);
      if (!customer) throw new Error(`order ${id} has no customer ${order.customerId}`);
      const history = await installmentHistory(ctx.storage, await ctx.storage.installments.listByOrder(id));
      return { order, customer, description: orderNote(order), ...history };
    },

    async outcome(rawId) {
      const id = parseId("payment", rawId, "paymentId");
      const payment = await ctx.storage.payments.findById(id);
      const [line] = payment
        ? await ctx.storage.installments.findByIds(payment.installmentIds.slice(0, 1))
        : [];
      if (!payment || !line?.orderId) {
        throw new TesseraError("not_found", `No order has payment ${id}.`, {
          details: { entity: "payment", id },
        });
      }
      return attemptOutcomeOf({ ...(await loadOrderRecords(ctx.storage, line.orderId, false)), payment });
    },

    async list(input) {
      const filter = parseInput(orderListFilterSchema, input, "order filter");
      const unitId = filter.unitId as Id<"unit">;
      const unit = await ctx.storage.units.findById(unitId);
      if (!unit) {
        throw new TesseraError("not_found", `Unit ${unitId} does not exist.`, {
          details: { entity: "unit", id: unitId },
        });
      }
      const page = await ctx.storage.orders.list(unitId, {
        limit: filter.limit,
        after: decodePageCursor("order", filter.cursor),
        newestFirst: true,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.customerId ? { customerId: filter.customerId as Id<"customer"> } : {}),
        ...(filter.from ? { createdFrom: dayStartInZone(filter.from, unit.timeZone) } : {}),
        ...(filter.to ? { createdBefore: dayStartInZone(addDays(filter.to, 1), unit.timeZone) } : {}),
        ...(filter.paymentStatus ? { paymentStatus: filter.paymentStatus } : {}),
      });
      return { items: page.items, nextCursor: encodePageCursor(page.nextCursor) };
    },

    async cancel(input) {
      const data = parseInput(orderCancelInputSchema, input, "order cancellation");
      return cancelOrder(ctx, data.orderId as Id<"order">, data.actor);
    },
  };
}

/** The charge a create or pay asks for: its method's gateway (checked as offered online), or none. */
function chargeOf(
  unit: Unit,
  data: {
    method?: PaymentMethod | undefined;
    card?: CardInput | undefined;
    fromBalance?: { amount: number; currency: string } | undefined;
    actor: string;
  },
  dueOn?: CalendarDate,
): OrderCharge {
  if (!data.method) return { unit, choice: null, card: undefined, actor: data.actor };
  const { entry } = offeredMethod(unit, data.method, data.card, "order payment");
  return {
    unit,
    card: data.card,
    actor: data.actor,
    choice: {
      method: data.method,
      gatewayId: entry.gatewayId,
      ...(dueOn === undefined ? {} : { dueOn }),
      ...(data.fromBalance ? { fromBalance: { amount: data.fromBalance, actor: data.actor } } : {}),
    },
  };
}

/** Writes the order's next provider attempt (inside `tx`); without `after` it writes or throws. */
async function writeAttempt(
  ctx: ServiceContext,
  tx: Repositories,
  orderId: Id<"order">,
  charge: OrderCharge,
  after: Id<"payment"> | undefined,
): Promise<Payment> {
  const written = await writeOrderAttempt(ctx, tx, {
    ...charge.choice!,
    orderId,
    ...(after === undefined ? {} : { after }),
  });
  return written!.payment;
}

/**
 * The outcome of a written attempt: a provider's is submitted (a refusal before charging
 * throws `gateway_unavailable`, as a sale's), a wallet payment was settled with its write,
 * and no payment at all leaves the order awaiting one.
 */
async function answer(
  ctx: ServiceContext,
  orderId: Id<"order">,
  payment: Payment | null,
  charge: OrderCharge,
  replayed: boolean,
): Promise<OrderOutcome> {
  let answered = payment;
  if (payment && payment.method !== "wallet") {
    const records = await loadOrderRecords(ctx.storage, orderId, replayed);
    const request = buildPaymentRequest(ctx, payment, {
      description: `${orderNote(records.order)} — ${charge.unit.name}`,
      payer: records.customer,
      card: charge.card,
      timeZone: charge.unit.timeZone,
    });
    const submitted = await submitPayment(ctx, payment, request, {
      installments: records.installments.filter((line) => payment.installmentIds.includes(line.id)),
    });
    if (submitted.notSent) throw notSentError(submitted.payment, submitted.notSent);
    answered = submitted.payment;
  }
  const records = await loadOrderRecords(ctx.storage, orderId, replayed);
  return answered
    ? attemptOutcomeOf({ ...records, payment: answered })
    : { ...records, status: "awaiting_payment", payment: null };
}

/** A create seen before: the latest attempt at the order's first lines, as a retry's replay answers. */
async function replayCreate(
  ctx: ServiceContext,
  reference: ResourceReference,
  charge: OrderCharge,
): Promise<OrderOutcome> {
  if (reference.kind !== "order")
    throw new Error(`an order's idempotency key names ${reference.kind} ${reference.id}`);
  const lines = await ctx.storage.installments.listByOrder(reference.id);
  const attempts = lines[0] ? await ctx.storage.payments.listByInstallment(lines[0].id) : [];
  const first = attempts[0];
  if (!first) return answer(ctx, reference.id, null, charge, true);
  return replayAttempt(ctx, reference.id, first.id, charge);
}

/**
 * A request seen before, as `replayRequest` answers a sale's: the latest attempt's answer
 * (asked of the provider when it has none yet), or — when it provably charged nothing — a
 * fresh attempt, answered with its real outcome.
 */
async function replayAttempt(
  ctx: ServiceContext,
  orderId: Id<"order">,
  paymentId: Id<"payment">,
  charge: OrderCharge,
): Promise<OrderOutcome> {
  const latest = await answeredLatestAttempt(ctx, paymentId);
  if (!charge.choice || !wasNeverSent(latest)) {
    const records = await loadOrderRecords(ctx.storage, orderId, true);
    return attemptOutcomeOf({ ...records, payment: latest });
  }
  const next = await ctx.storage.transaction(async (tx) => {
    const written = await writeOrderAttempt(ctx, tx, { ...charge.choice!, orderId, after: latest.id });
    return written?.payment ?? null;
  });
  if (next === null) return replayAttempt(ctx, orderId, paymentId, charge);
  return answer(ctx, orderId, next, charge, true);
}
