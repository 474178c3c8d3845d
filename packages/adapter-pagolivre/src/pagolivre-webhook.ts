import {
  type Clock,
  type GatewayEvent,
  secretsMatch,
  type WebhookInput,
  type WebhookParseResult,
} from "@tessera/core";
import type { PagoLivreClient } from "./client";
import { mapMonthlyCharge, mapOrder } from "./mapping";
import { lookUpOrder } from "./order-lookup";
import {
  callbackBodySchema,
  type PagoLivreInstallment,
  type PagoLivreOrder,
  pagolivreProtocol,
} from "./pagolivre-protocol";

/** The order's own news (charge 1), one event id per state it reaches. */
function orderEvent(order: PagoLivreOrder, clock: Clock): GatewayEvent {
  const payment = mapOrder(order, 0);
  const refunded = payment.status === "unknown" ? 0 : payment.refundedAmount.amount;
  return {
    providerEventId: `pagolivre:${order.id}:order:${order.status}:${refunded}`,
    payment,
    idempotencyKey: order.orderKey,
    occurredAt: clock.now(),
  };
}

/**
 * Whether a monthly charge ends the recurrence: it is final — paid, or declined where PagoLivre
 * never tries a declined month again (assumed), or the order no longer runs — and no later
 * month is still to come or was made (the last month, or the rest stopped). Read from the
 * order as it is now, so a late callback about an earlier month does not end what went on.
 */
function endsRecurrence(order: PagoLivreOrder, charge: PagoLivreInstallment): boolean {
  const final =
    charge.status === "paid" ||
    charge.status === "canceled" ||
    order.status !== "paid" ||
    (charge.status === "declined" && !pagolivreProtocol.monthlyCharges.declinedRetried);
  return (
    final &&
    (order.installments ?? []).every(
      (candidate) => candidate.number <= charge.number || candidate.status === "canceled",
    )
  );
}

/** A monthly charge's news: which charge and which try, and whether it ends the recurrence. */
function monthlyEvent(order: PagoLivreOrder, number: number, clock: Clock): GatewayEvent | null {
  const charge = order.installments?.find((candidate) => candidate.number === number);
  if (charge === undefined || number < 2) return null;
  return {
    providerEventId: `pagolivre:${order.id}:installment:${number}:${charge.attempt}:${charge.status}`,
    payment: mapMonthlyCharge(order, charge),
    // Not ours to match by: core finds a monthly charge by its recurrence and number.
    idempotencyKey: null,
    occurredAt: clock.now(),
    recurrenceCharge: {
      recurrenceReference: order.id,
      sequence: number,
      attempt: charge.attempt,
      recurrenceEnded: endsRecurrence(order, charge),
    },
  };
}

/**
 * PagoLivre's callback: `{eventName, orderKey, orderId, installmentNumber?}` posted to the
 * order's `callbackUrl`, authenticated only by the API token in its `accessToken` query
 * parameter (compared in constant time). The order is then looked up, so what the events say
 * is what PagoLivre says now — a repeat, a late or an out-of-order callback converges.
 */
export async function parsePagoLivreWebhook(
  options: { client: PagoLivreClient; clock: Clock; token: string },
  input: WebhookInput,
): Promise<WebhookParseResult> {
  const given = input.url
    ? new URL(input.url, "http://callback.invalid").searchParams.get(
        pagolivreProtocol.callback.tokenParameter,
      )
    : null;
  if (given === null)
    return { authentic: false, reason: `no ${pagolivreProtocol.callback.tokenParameter} in the URL` };
  if (!secretsMatch(given, options.token)) return { authentic: false, reason: "wrong access token" };
  let json: unknown;
  try {
    json = JSON.parse(input.rawBody);
  } catch {
    return { authentic: false, reason: "the body is not JSON" };
  }
  const body = callbackBodySchema.safeParse(json);
  if (!body.success) return { authentic: false, reason: "not a PagoLivre callback" };
  const answer = await lookUpOrder(options.client, body.data.orderKey);
  if ("missing" in answer) return { authentic: false, reason: "PagoLivre has no such order" };
  // Thrown, so the callback is answered with an error and PagoLivre tries again later.
  if ("unknown" in answer) throw new Error(`PagoLivre could not confirm the callback: ${answer.unknown}`);
  const order = answer.found;
  if (order.id !== body.data.orderId)
    return { authentic: false, reason: "the order id does not match its key" };
  const events = [orderEvent(order, options.clock)];
  const monthly =
    body.data.installmentNumber === undefined
      ? null
      : monthlyEvent(order, body.data.installmentNumber, options.clock);
  if (monthly !== null) events.push(monthly);
  return { authentic: true, events };
}
