import { z } from "zod";
import { type Money, moneySchema, sumMoney } from "../money/money";
import { declineCodes } from "../payments/decline-code";
import type { PayerAction } from "../payments/payer-action";
import type { PaymentResult } from "../ports/gateway";
import type { Instant } from "../time/instant";
import { recurrenceLinkSchema } from "./sandbox-recurrence-record";

/**
 * What the sandbox provider itself records about a charge and a refund — its books, not
 * Tessera's. These shapes go into the ledger file and into notification bodies, so each
 * has a zod schema: both are read back from outside the process.
 */

/**
 * The provider's own status words. `expired`: a PIX nobody paid in time, or a card
 * authorization never captured. `authorized`: a card's money held, not taken (`capture: false`).
 */
export const sandboxChargeStatuses = [
  "pending",
  "authorized",
  "paid",
  "declined",
  "canceled",
  "expired",
] as const;
export type SandboxChargeStatus = (typeof sandboxChargeStatuses)[number];

const payerActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("pix"), qrCodePayload: z.string(), expiresAt: z.string() }),
  z.object({
    type: z.literal("boleto"),
    digitableLine: z.string(),
    barcode: z.string(),
    dueDate: z.string(),
    pdfUrl: z.string().nullable(),
    pixPayload: z.string().nullable(),
  }),
]);

export const sandboxChargeSchema = z.object({
  reference: z.string(),
  idempotencyKey: z.string(),
  method: z.enum(["card", "pix", "boleto"]),
  amount: moneySchema,
  description: z.string(),
  status: z.enum(sandboxChargeStatuses),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  /** When it was canceled or expired. */
  closedAt: z.string().nullable(),
  card: z.object({ brand: z.string(), last4: z.string(), reusableToken: z.string().nullable() }).nullable(),
  decline: z
    .object({ declineCode: z.enum(declineCodes), returnCode: z.string(), message: z.string() })
    .nullable(),
  action: payerActionSchema.nullable(),
  /** A fingerprint of what was asked, so a repeated key with other data is refused. */
  requestFingerprint: z.string(),
  /** Its place in a recurrence the provider runs: charge 1 (the create's), or one it made by itself. */
  recurrence: recurrenceLinkSchema.optional(),
});
export type SandboxCharge = z.infer<typeof sandboxChargeSchema> & { action: PayerAction | null };

export const sandboxRefundSchema = z.object({
  reference: z.string(),
  chargeReference: z.string(),
  refundKey: z.string(),
  amount: moneySchema,
  createdAt: z.string(),
  /** `pending` only with `asyncRefunds`; ledger lines written before refunds had a status succeeded. */
  status: z.enum(["pending", "succeeded", "failed"]).default("succeeded"),
  /** When a pending refund settled. */
  settledAt: z.string().nullable().default(null),
});
export type SandboxRefund = z.infer<typeof sandboxRefundSchema>;

/** Money the provider took from the payer for this charge (nothing unless paid). */
export function collectedAmount(charge: SandboxCharge): Money {
  return charge.status === "paid" ? charge.amount : { amount: 0, currency: charge.amount.currency };
}

/** What has been given back of the charge: its succeeded refunds. */
export function refundedAmount(charge: SandboxCharge, refunds: readonly SandboxRefund[]): Money {
  return sumOf(charge, refunds, ["succeeded"]);
}

/** What can no longer be refunded: succeeded refunds and those still pending. */
export function committedRefundAmount(charge: SandboxCharge, refunds: readonly SandboxRefund[]): Money {
  return sumOf(charge, refunds, ["succeeded", "pending"]);
}

function sumOf(
  charge: SandboxCharge,
  refunds: readonly SandboxRefund[],
  statuses: readonly SandboxRefund["status"][],
): Money {
  return sumMoney(
    refunds
      .filter((refund) => refund.chargeReference === charge.reference && statuses.includes(refund.status))
      .map((refund) => refund.amount),
    charge.amount.currency,
  );
}

/** The provider's word for a charge, refunds included: what `rawStatus` carries for support. */
export function sandboxRawStatus(charge: SandboxCharge, refunded: Money): string {
  if (charge.status === "declined") return `declined:${charge.decline?.returnCode ?? ""}`;
  if (charge.status === "paid" && refunded.amount > 0) {
    return refunded.amount >= charge.amount.amount ? "refunded" : "partially_refunded";
  }
  return charge.status;
}

/**
 * The port's view of a charge (the adapter's `mapping.ts`, in an adapter package): paid →
 * `succeeded`, authorized → `authorized`, pending → `pending` with the payer's action,
 * declined → `declined` with its standard code, canceled or expired → `canceled`.
 */
export function chargeToPaymentResult(charge: SandboxCharge, refunded: Money): PaymentResult {
  const base = {
    providerReference: charge.reference,
    rawStatus: sandboxRawStatus(charge, refunded),
    amount: charge.amount,
    refundedAmount: refunded,
    // Every charge of a recurrence names it, as Cielo's recurrent sales (RecurrentPayment) and
    // PagoLivre's monthly charges do: only the create's own charge starts it.
    ...(charge.recurrence ? { recurrenceReference: charge.recurrence.reference } : {}),
  };
  switch (charge.status) {
    case "paid":
      return { ...base, status: "succeeded", card: charge.card, paidAt: charge.paidAt as Instant | null };
    case "authorized":
      return { ...base, status: "authorized", card: charge.card };
    case "pending":
      if (charge.action === null)
        throw new Error(`Sandbox charge ${charge.reference} is pending without an action.`);
      return { ...base, status: "pending", action: charge.action };
    case "declined":
      return {
        ...base,
        status: "declined",
        declineCode: charge.decline?.declineCode ?? "card_declined",
        message: charge.decline?.message ?? "Declined.",
      };
    case "canceled":
      return { ...base, status: "canceled", reason: "by_us" };
    case "expired":
      return { ...base, status: "canceled", reason: "expired" };
  }
}
