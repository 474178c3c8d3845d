import { defineLifecycle } from "../lifecycle/transition-table";

export const refundLifecycle = defineLifecycle("refund", {
  pending: ["succeeded", "failed", "unknown"],
  unknown: ["succeeded", "failed"],
  succeeded: [],
  failed: [],
});
export type RefundStatus = (typeof refundLifecycle.statuses)[number];
