import type { ServiceContext } from "../ports/service-context";
import type { BillingRunReport } from "./billing-report";
import { runBilling } from "./billing-run";
import type { BillingRunOptions } from "./billing-run-options";

/** The months after the sale (DESIGN §4 "Billing run"). */
export interface BillingService {
  /**
   * Bills what is due today in each unit's timezone: adds the next period of open-ended
   * contracts, then charges every due installment the provider does not charge by itself —
   * from the wallet when its balance covers it, by the contract's stored card, or by a PIX,
   * boleto or provider link the customer is sent — and applies the unit's dunning schedule
   * to what fails. Safe to run from several workers at once and to kill at any point: a
   * claim's lease hands a dead worker's items to the next run, and the write-ahead payment
   * row means nothing is charged twice (an answer lost is settled by recovery).
   *
   * @example
   * ```ts
   * const report = await tessera.billing.run({ concurrency: 4 });
   * // { claimed: 120, outcomes: { paid: 110, declined: 6, link_issued: 4, … }, … }
   * ```
   */
  run(options?: BillingRunOptions): Promise<BillingRunReport>;
}

export function createBillingService(ctx: ServiceContext): BillingService {
  return { run: (options) => runBilling(ctx, options) };
}
