import { defineLifecycle } from "../lifecycle/transition-table";

/**
 * A payment attempt's life. `pending`: the provider has it and waits on the payer.
 * `unknown`: nobody can yet tell whether the provider received it (a timeout, a crash);
 * only recovery — asking the provider by our idempotency key — moves it on.
 * Late news converges: a `failed` attempt the provider later reports paid becomes
 * `succeeded`, because money the provider took must never be lost.
 */
export const paymentLifecycle = defineLifecycle("payment", {
  unknown: ["pending", "requires_action", "authorized", "succeeded", "failed", "canceled"],
  pending: ["requires_action", "authorized", "succeeded", "failed", "canceled", "unknown"],
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
export const openPaymentStatuses: readonly PaymentStatus[] = ["pending", "requires_action", "unknown"];
