import { defineLifecycle } from "../lifecycle/transition-table";

/**
 * A refund's life. The write-ahead row is `pending` with no provider reference until the
 * provider's first answer; `pending` with one means the provider took it and will finish it
 * later (API Pix `EM_PROCESSAMENTO`). `unknown`: the answer was lost (a timeout); recovery
 * asks the provider (`getRefund`), which may find it still pending.
 */
export const refundLifecycle = defineLifecycle("refund", {
  pending: ["succeeded", "failed", "unknown"],
  unknown: ["pending", "succeeded", "failed"],
  succeeded: [],
  failed: [],
});
export type RefundStatus = (typeof refundLifecycle.statuses)[number];

/** A refund the provider has not answered yet: its answer is lost (`unknown`), or it was never sent. */
export function isUnanswered(refund: { status: RefundStatus; providerReference: string | null }): boolean {
  return refund.status === "unknown" || (refund.status === "pending" && refund.providerReference === null);
}
