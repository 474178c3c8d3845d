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
