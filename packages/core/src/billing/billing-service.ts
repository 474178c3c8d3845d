import { z } from "zod";
import type { ServiceContext } from "../ports/service-context";
import { parseId } from "../validation/parse-id";
import { parseInput } from "../validation/parse-input";
import type { BillingRunReport } from "./billing-report";
import { runBilling } from "./billing-run";
import type { BillingRunOptions } from "./billing-run-options";
import type { BillingRunRecord } from "./billing-run-record";

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
  /**
   * What the latest runs did in a unit, newest first (at most `limit`, 1–100, default 10):
   * only runs that did something there are kept (`BillingRunRecord`).
   */
  history(unitId: string, limit?: number): Promise<BillingRunRecord[]>;
}

export function createBillingService(ctx: ServiceContext): BillingService {
  return {
    run: (options) => runBilling(ctx, options),
    history(unitId, limit = 10) {
      const id = parseId("unit", unitId, "unitId");
      const count = parseInput(historyLimitSchema, limit, "billing history limit");
      return ctx.storage.billingRuns.listByUnit(id, count);
    },
  };
}

const historyLimitSchema = z.number().int().min(1).max(100);
