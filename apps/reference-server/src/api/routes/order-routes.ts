import {
  type AuditDetailValue,
  decodePageCursor,
  isTesseraError,
  type OrderOutcome,
  orderCreateInputSchema,
  orderListFilterSchema,
  orderPayInputSchema,
  parseInput,
  type Unit,
} from "@tessera/core";
import { findCustomerOfUnit } from "../../scope/customer-of-unit";
import { pageQuerySchema } from "../api-pagination";
import { ApiProblem, notFoundProblem } from "../api-problem";
import { orderDetailView, orderOutcomeView, orderPage } from "../api-response-schemas";
import { apiRoute, type NamedSchema, noQuery } from "../api-route";
import { orderDetailForKey, unitForKey } from "../api-scope";
import { publicOutcome } from "../public-customer";
import { withoutFields } from "../schema-without-fields";

const unitParam = { unit: "The unit's id (`unit_…`)." };
const orderParam = { order: "The order's id (`ord_…`)." };

/**
 * The bodies are core's own schemas whole — their refinements (a split needs its method)
 * forbid `.omit` — parsed with what the request decides laid over the body: the unit or
 * order of the address, the header's key, and the API key as `actor`, so the wallet line of
 * a split names the key, as every wallet route does. The document drops those fields.
 */
const createBody: NamedSchema = {
  name: "OrderInput",
  schema: orderCreateInputSchema,
  adjust: withoutFields("unitId", "idempotencyKey", "actor"),
};
const payBody: NamedSchema = {
  name: "OrderPayInput",
  schema: orderPayInputSchema,
  adjust: withoutFields("orderId", "idempotencyKey", "actor"),
};

const outcome = { name: "OrderOutcome", schema: orderOutcomeView };
const detailResponse = { name: "OrderDetail", schema: orderDetailView };

const filters = orderListFilterSchema.shape;

/** The query of the order list: core's filter as strings, as the contract list's, with the API's page size. */
const orderQuery = pageQuerySchema.extend({
  status: filters.status.meta({ description: "The order's status." }),
  customerId: filters.customerId.meta({ description: "Only this customer's (`cus_…`)." }),
  from: filters.from.meta({
    description: "Created on or after this day (`YYYY-MM-DD`, the unit's calendar).",
  }),
  to: filters.to.meta({ description: "Created on or before this day (`YYYY-MM-DD`, the unit's calendar)." }),
  paymentStatus: filters.paymentStatus.meta({
    description: "`pending`: the latest attempt waits for the buyer; `error`: it was declined or failed.",
  }),
});

/**
 * Core's filter of the query: a range backwards or a cursor that is not an order's is a
 * malformed query (400), as any other field of it — not the 422 core gives a body.
 */
function orderFilterOf(unit: Unit, query: Record<string, unknown>) {
  try {
    const defined = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
    const filter = parseInput(orderListFilterSchema, { ...defined, unitId: unit.id }, "order list");
    decodePageCursor("order", filter.cursor);
    return filter;
  } catch (error) {
    if (isTesseraError(error, "validation_failed"))
      throw new ApiProblem("bad_request", "The query is not valid.", error.details.issues ?? []);
    throw error;
  }
}

/** The audit's action of a payment, in the back office's words for the same two forms. */
function payAction(payment: { method?: string | undefined; fromBalance?: unknown }): string {
  if (!payment.method || payment.method === "wallet") return "order.paid_from_balance";
  return payment.fromBalance === undefined ? "order.payment_attempted" : "order.split_payment";
}

/** What the audit keeps of an attempt: its status and, for a split, the wallet's part. */
function attemptDetails(result: OrderOutcome): Record<string, AuditDetailValue> {
  const part = result.payment?.fromBalance;
  return {
    status: result.status,
    replayed: result.replayed,
    ...(result.payment ? { paymentId: result.payment.id, method: result.payment.method } : {}),
    ...(part ? { fromBalance: part.amount.amount, walletEntry: part.entryId } : {}),
  };
}

/**
 * One-off orders (a shop's, a service's) through `tessera.orders`: a unit's orders with the
 * sales pages' filters, creating one for a known customer, its detail, paying its next lines
 * and canceling it. Creating and paying move money, so both take an `Idempotency-Key`.
 */
export const orderRoutes = [
  apiRoute({
    method: "get",
    path: "/units/{unit}/orders",
    operationId: "listOrders",
    tag: "Orders",
    summary: "The unit's orders, newest first, with the sales filters",
    params: unitParam,
    query: orderQuery,
    response: {
      status: 200,
      description: "A page of orders.",
      schema: { name: "OrderPage", schema: orderPage },
    },
    handle: async ({ tessera, key, params, query }) => {
      const unit = await unitForKey(tessera, key, params["unit"] ?? "");
      const page = await tessera.orders.list(orderFilterOf(unit, query));
      return { data: page.items, nextCursor: page.nextCursor };
    },
  }),
  apiRoute({
    method: "post",
    path: "/units/{unit}/orders",
    operationId: "createOrder",
    tag: "Orders",
    summary: "Creates an order for a known customer, and charges its first installment",
    description: `\`items\` add up to the total, split into \`installments\` monthly lines (1–12) from \`firstDueOn\` (today, in the unit's calendar). With \`method\`, the first line is charged at once (\`fromBalance\` pays that much of it from the customer's wallet, the rest by \`method\`); with no \`method\`, the wallet pays it when its balance covers it, and otherwise the order waits (\`status: awaiting_payment\`, \`payment: null\`). The customer must be one of the unit (sold a contract or an order in it, as the back office's order form asks), else a 404. The same \`Idempotency-Key\` answers the first order (\`replayed: true\`) and never charges twice; with other data it is a 422; while the first is still running it is a 409 with \`Retry-After\`.`,
    params: unitParam,
    query: noQuery,
    body: createBody,
    idempotent: true,
    problems: [409, 503],
    response: { status: 201, description: "The order's outcome.", schema: outcome },
    handle: async ({ tessera, key, params, body, idempotencyKey, audit }) => {
      const unit = await unitForKey(tessera, key, params["unit"] ?? "");
      const input = parseInput(
        orderCreateInputSchema,
        { ...body, unitId: unit.id, idempotencyKey, actor: key.id },
        "order",
      );
      // The unit's customer (sold a contract or an order in it), as the back office's new order
      // form asks, for every key; any other is one that does not exist, as core answers that (404).
      if (!(await findCustomerOfUnit(tessera, unit, input.customerId))) throw notFoundProblem("customer");
      const result = await tessera.orders.create(input);
      await audit(
        "order.created",
        { kind: "order", id: result.order.id },
        {
          customerId: result.order.customerId,
          total: result.order.total.amount,
          currency: result.order.total.currency,
          installments: result.order.installmentCount,
          ...attemptDetails(result),
        },
      );
      return publicOutcome(result);
    },
  }),
  apiRoute({
    method: "get",
    path: "/orders/{order}",
    operationId: "getOrder",
    tag: "Orders",
    summary: "One order with its customer, installments, payments and refunds",
    params: orderParam,
    query: noQuery,
    response: { status: 200, description: "The order as staff open it.", schema: detailResponse },
    handle: async ({ tessera, key, params }) =>
      publicOutcome(await orderDetailForKey(tessera, key, params["order"] ?? "")),
  }),
  apiRoute({
    method: "post",
    path: "/orders/{order}/pay",
    operationId: "payOrder",
    tag: "Orders",
    summary: "Pays an open order's next unpaid installments",
    description:
      "The first unpaid lines (or, `lines: due`, every one due by today) by `method`, part of it `fromBalance`, or all from the customer's wallet with no `method`. The wallet line's actor is the key. A balance short of what the wallet pays is a 422 `insufficient_balance`; an attempt still open at the lines, a 409 `payment_in_progress`; an order paid or canceled, a 409 `invalid_transition`. The same `Idempotency-Key` answers the first payment (`replayed: true`).",
    params: orderParam,
    query: noQuery,
    body: payBody,
    idempotent: true,
    problems: [409, 503],
    response: { status: 201, description: "The attempt's outcome.", schema: outcome },
    handle: async ({ tessera, key, params, body, idempotencyKey, audit }) => {
      const { order } = await orderDetailForKey(tessera, key, params["order"] ?? "");
      const input = parseInput(
        orderPayInputSchema,
        { ...body, orderId: order.id, idempotencyKey, actor: key.id },
        "order payment",
      );
      const result = await tessera.orders.pay(input);
      await audit(
        payAction(input),
        result.payment ? { kind: "payment", id: result.payment.id } : { kind: "order", id: order.id },
        { order: order.id, customerId: order.customerId, lines: input.lines, ...attemptDetails(result) },
      );
      return publicOutcome(result);
    },
  }),
  apiRoute({
    method: "post",
    path: "/orders/{order}/cancel",
    operationId: "cancelOrder",
    tag: "Orders",
    summary: "Cancels an open order nothing of which is paid, with its lines",
    description:
      "Moves no money, so it takes no `Idempotency-Key`: canceling a canceled order answers it as it is. An order with a paid line is a 409 `invalid_transition` (refund its payments instead); one with an attempt still open, a 409 `payment_in_progress` (cancel that attempt first with `POST /payments/{payment}/cancel`).",
    params: orderParam,
    query: noQuery,
    problems: [409],
    response: { status: 200, description: "The order as it is now.", schema: detailResponse },
    handle: async ({ tessera, key, params, audit }) => {
      const { order } = await orderDetailForKey(tessera, key, params["order"] ?? "");
      const canceled = await tessera.orders.cancel({ orderId: order.id, actor: key.id });
      await audit(
        "order.canceled",
        { kind: "order", id: order.id },
        {
          customerId: order.customerId,
          status: canceled.status,
          alreadyCanceled: order.status === "canceled",
        },
      );
      return publicOutcome(await orderDetailForKey(tessera, key, order.id));
    },
  }),
];
