import { defineLifecycle } from "../lifecycle/transition-table";

/**
 * A payment attempt's life. `processing`: the provider accepted it and is still making
 * what the payer needs (Inter's asynchronous boleto). `pending`: the provider has it and
 * waits on the payer. `authorized`: a card's money is held, not yet captured — never paid.
 * `unknown`: nobody can yet tell whether the provider received it (a timeout, a crash);
 * only recovery — asking the provider by our idempotency key — moves it on.
 * Late news converges: a `failed` attempt the provider later reports paid becomes
 * `succeeded`, because money the provider took must never be lost.
 */
export const paymentLifecycle = defineLifecycle("payment", {
  unknown: ["processing", "pending", "requires_action", "authorized", "succeeded", "failed", "canceled"],
  processing: ["pending", "requires_action", "authorized", "succeeded", "failed", "canceled", "unknown"],
  // A write-ahead row is `pending` until its first answer, which may be `processing`.
  pending: ["processing", "requires_action", "authorized", "succeeded", "failed", "canceled", "unknown"],
  requires_action: ["pending", "authorized", "succeeded", "failed", "canceled", "unknown"],
  authorized: ["succeeded", "canceled", "failed"],
  succeeded: ["refunded", "partially_refunded"],
  partially_refunded: ["refunded", "partially_refunded"],
  failed: ["succeeded"],
  canceled: ["succeeded"],
  refunded: [],
});
export type PaymentStatus = (typeof paymentLifecycle.statuses)[number];

/** Statuses of an attempt that may still turn into money: nothing else may be tried meanwhile. */
export const openPaymentStatuses: readonly PaymentStatus[] = [
  "processing",
  "pending",
  "requires_action",
  "authorized",
  "unknown",
];
