import { randomUUID } from "node:crypto";
import { addMonths, type CalendarDate } from "@tessera/core";
import {
  orderCreateRequestSchema,
  type PagoLivreOrderCreateRequest,
  pagolivreProtocol,
} from "../../pagolivre-protocol";
import { orderView } from "./order-view";
import { fieldErrorsAnswer, jsonAnswer } from "./pagolivre-answers";
import { centavosOf, type InstallmentState, type OrderState } from "./pagolivre-books";
import { nowMs, type PagoLivreContext, paymentUrlOf, saoPauloDay } from "./pagolivre-context";
import { bodyRoute } from "./pagolivre-route";

/**
 * `POST /orders`: makes an order and its payment link; it charges nobody (documented). The
 * order holds its monthly charges from the start (assumed): `installments` of them, the
 * whole `amount` split evenly with the leftover centavos on the first ones, due a month
 * apart from today in São Paulo, the first paid on the hosted page.
 *
 * A repeated orderKey, by `behaviour`: `documented` answers the existing order (200) when
 * the requestId is the same and refuses another requestId (409, assumed status); `observed`
 * makes another payable order every time, as the sandbox did.
 */

export function monthlyCharges(total: number, count: number, firstDue: CalendarDate): InstallmentState[] {
  const share = Math.floor(total / count);
  const leftover = total - share * count;
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    dueDate: addMonths(firstDue, index),
    amount: share + (index < leftover ? 1 : 0),
    status: "scheduled",
    attempt: 1,
  }));
}

function newOrder(context: PagoLivreContext, body: PagoLivreOrderCreateRequest): OrderState {
  const now = nowMs(context);
  const amount = centavosOf(body.amount);
  return {
    id: randomUUID(),
    orderKey: body.orderKey,
    requestId: body.requestId,
    amount,
    status: "created",
    receivingOptionType: body.receivingOptionType,
    guests: body.orderGuests.map((guest) => ({ cpf: guest.cpf, mobileNumber: guest.mobileNumber })),
    callbackUrl: body.callbackUrl,
    returnUrl: body.returnUrl,
    ...(body.description === undefined ? {} : { description: body.description }),
    createdAt: context.clock.now(),
    expirationDate: new Date(now + context.orderLifetimeMs).toISOString(),
    decliningReason: null,
    cancelingReason: null,
    installments: monthlyCharges(amount, body.installments, saoPauloDay(now)),
    refunds: [],
    cancellations: new Set(),
    lastLookupMs: null,
    laterCharges: "paid",
  };
}

export const createOrderRoute = bodyRoute({
  method: "POST",
  path: pagolivreProtocol.paths.createOrder,
  creates: true,
  schema: orderCreateRequestSchema,
  handle(_params, body, context) {
    const existing = context.books.latestByKey(body.orderKey);
    if (context.behaviour === "documented" && existing !== undefined) {
      if (existing.requestId !== body.requestId) {
        return fieldErrorsAnswer(
          [{ field: "requestId", message: "The orderKey was already used with another requestId." }],
          409,
        );
      }
      return jsonAnswer(
        pagolivreProtocol.create.replayStatus,
        orderView(existing, paymentUrlOf(context, existing.id)),
      );
    }
    const order = newOrder(context, body);
    context.books.add(order);
    return jsonAnswer(
      pagolivreProtocol.create.createdStatus,
      orderView(order, paymentUrlOf(context, order.id)),
    );
  },
});
