import { z } from "zod";
import { type Money, moneySchema } from "../money/money";
import type { GatewayEvent } from "../ports/gateway";
import {
  chargeToPaymentResult,
  type SandboxCharge,
  type SandboxRefund,
  sandboxChargeSchema,
  sandboxRefundSchema,
} from "./sandbox-charge";
import type { RecurrenceLink } from "./sandbox-recurrence-record";

/**
 * The body of a sandbox notification: one event, with the charge as the provider sees it
 * at that moment (so a receiver needs no lookup — the HMAC signature is the proof).
 *
 * ```json
 * { "id": "evt_…", "type": "payment.paid", "createdAt": "2026-01-15T12:00:00.000Z",
 *   "data": { "charge": { "reference": "sbxpay_…", "status": "paid", … }, "refundedAmount": { … }, "refund": null } }
 * ```
 */
export const sandboxEventTypes = [
  "payment.paid",
  /** Only for a charge the sandbox made by itself for a recurrence: a create's decline is in its answer. */
  "payment.declined",
  "payment.canceled",
  "payment.expired",
  "refund.succeeded",
  "refund.failed",
] as const;
export type SandboxEventType = (typeof sandboxEventTypes)[number];

export const sandboxNotificationBodySchema = z.object({
  id: z.string().min(1),
  type: z.enum(sandboxEventTypes),
  createdAt: z.string(),
  data: z.object({
    charge: sandboxChargeSchema,
    refundedAmount: moneySchema,
    refund: sandboxRefundSchema.nullable(),
  }),
});
export type SandboxNotificationBody = z.infer<typeof sandboxNotificationBodySchema>;

export function sandboxNotificationBody(input: {
  id: string;
  type: SandboxEventType;
  createdAt: string;
  charge: SandboxCharge;
  refundedAmount: Money;
  refund: SandboxRefund | null;
}): string {
  const body: SandboxNotificationBody = {
    id: input.id,
    type: input.type,
    createdAt: input.createdAt,
    data: { charge: input.charge, refundedAmount: input.refundedAmount, refund: input.refund },
  };
  return JSON.stringify(body);
}

/** The port's event for an authenticated body; null when the body is not a sandbox notification. */
export function sandboxNotificationEvent(rawBody: string): GatewayEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return null;
  }
  const parsed = sandboxNotificationBodySchema.safeParse(json);
  if (!parsed.success) return null;
  const { data } = parsed.data;
  return {
    providerEventId: parsed.data.id,
    payment: chargeToPaymentResult(data.charge as SandboxCharge, data.refundedAmount),
    idempotencyKey: data.charge.idempotencyKey,
    occurredAt: parsed.data.createdAt,
    ...recurrenceNews(data.charge.recurrence),
    ...(data.refund === null
      ? {}
      : {
          refund: {
            refundKey: data.refund.refundKey,
            providerRefundReference: data.refund.reference,
            status: data.refund.status,
            amount: data.refund.amount,
            rawStatus: `refund_${data.refund.status}`,
          },
        }),
  };
}

/** A charge the provider made for a recurrence (sequence 2 on) carries its news; charge 1 is the create's own. */
function recurrenceNews(link: RecurrenceLink | undefined): Pick<GatewayEvent, "recurrenceCharge"> {
  if (link === undefined || link.sequence === 1) return {};
  return {
    recurrenceCharge: {
      recurrenceReference: link.reference,
      sequence: link.sequence,
      attempt: link.attempt,
      recurrenceEnded: link.endsRecurrence,
    },
  };
}

/**
 * The body of several events posted together, as API Pix posts `{"pix":[…]}` when several
 * Pix are paid at once (`sandbox.payTogether`): each event is a whole notification body of
 * its own, with its own id, under one signature.
 *
 * ```json
 * { "id": "evt_…", "type": "batch", "createdAt": "…", "events": [{ "id": "evt_…", "type": "payment.paid", … }, …] }
 * ```
 */
export const sandboxNotificationBatchSchema = z.object({
  id: z.string().min(1),
  type: z.literal("batch"),
  createdAt: z.string(),
  events: z.array(z.unknown()).min(1),
});

export function sandboxNotificationBatchBody(input: {
  id: string;
  createdAt: string;
  rawBodies: string[];
}): string {
  // Each event's body is kept byte for byte, so an event reads the same alone or in a batch.
  return `{"id":${JSON.stringify(input.id)},"type":"batch","createdAt":${JSON.stringify(input.createdAt)},"events":[${input.rawBodies.join(",")}]}`;
}

/** The port's events for an authenticated body, one or a batch; null when it is not a sandbox notification. */
export function sandboxNotificationEvents(rawBody: string): GatewayEvent[] | null {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return null;
  }
  const batch = sandboxNotificationBatchSchema.safeParse(json);
  if (!batch.success) {
    const event = sandboxNotificationEvent(rawBody);
    return event === null ? null : [event];
  }
  const events: GatewayEvent[] = [];
  for (const item of batch.data.events) {
    const event = sandboxNotificationEvent(JSON.stringify(item));
    // One unreadable event makes the whole body unreadable: nothing of it is applied.
    if (event === null) return null;
    events.push(event);
  }
  return events;
}
