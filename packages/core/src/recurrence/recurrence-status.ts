import { defineLifecycle } from "../lifecycle/transition-table";

/**
 * A provider-run recurrence: `active` while the provider charges each period; `ended` when
 * it will make no more charges by itself (the last charge, or it gave up after its retries);
 * `deactivated` when we stopped it (`tessera.recurrences.deactivate`).
 */
export const recurrenceLifecycle = defineLifecycle("recurrence", {
  active: ["ended", "deactivated"],
  ended: [],
  deactivated: [],
});
export type RecurrenceStatus = (typeof recurrenceLifecycle.statuses)[number];
