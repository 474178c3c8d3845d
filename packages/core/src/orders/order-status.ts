import { defineLifecycle } from "../lifecycle/transition-table";

/** A one-off sale: `open` until paid in full, or canceled. */
export const orderLifecycle = defineLifecycle("order", {
  open: ["paid", "canceled"],
  paid: ["refunded"],
  canceled: [],
  refunded: [],
});
export type OrderStatus = (typeof orderLifecycle.statuses)[number];
