import { defineLifecycle } from "../lifecycle/transition-table";

/**
 * `pending_payment` until the first payment succeeds; `active` while paid up; `past_due`
 * after the last dunning retry fails; `canceled` by staff or the customer; `ended` when
 * its last period is over and it does not renew.
 */
export const contractLifecycle = defineLifecycle("contract", {
  pending_payment: ["active", "canceled"],
  active: ["past_due", "canceled", "ended"],
  past_due: ["active", "canceled", "ended"],
  canceled: [],
  ended: [],
});
export type ContractStatus = (typeof contractLifecycle.statuses)[number];
