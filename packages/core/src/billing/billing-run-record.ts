import type { Id } from "../ids/id";
import type { Instant } from "../time/instant";
import type { BillingRunReport } from "./billing-report";

/**
 * What one billing run did in one unit, kept for the back office ("the billing run's last
 * results"): written when the run did anything there (claimed a line, scheduled, renewed or
 * ended a contract, sent a reminder), so a run every ten minutes that finds nothing leaves
 * no row.
 */
export interface BillingRunRecord {
  id: Id<"billingRun">;
  unitId: Id<"unit">;
  /** The worker that ran it (`BillingRunOptions.owner`, or the run's own lease id). */
  owner: string;
  startedAt: Instant;
  finishedAt: Instant;
  report: BillingRunReport;
}
