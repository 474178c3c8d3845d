import type { Id } from "../ids/id";
import type { Instant } from "../time/instant";

/** What became of one due group of installments in a billing run. */
export type DueGroupOutcome =
  /** Paid now: by a stored card, or from the wallet's balance. */
  | { kind: "paid"; paymentId: Id<"payment">; fromBalance: boolean }
  | { kind: "declined"; paymentId: Id<"payment"> }
  /** A PIX, boleto or provider link was issued and the customer is told (`payment.pending`). */
  | { kind: "link_issued"; paymentId: Id<"payment"> }
  /** The provider's answer was lost: recovery settles it, the run tries no other. */
  | { kind: "unknown"; paymentId: Id<"payment"> }
  /** The provider refused before charging (credentials, an outage, a rate limit): not the customer's fault. */
  | { kind: "not_sent"; paymentId: Id<"payment">; code: string }
  /** Another attempt at it is still open (a link not yet paid, an answer not yet known). */
  | { kind: "in_progress" }
  /** A provider charges it by itself (Cielo recurrent payments, PagoLivre); `recheckTomorrow` for one that never retries a decline. */
  | { kind: "provider_owned"; recheckTomorrow: boolean }
  /** A provider that never retries declined it: counted as the first failure, retried on the unit's schedule. */
  | { kind: "provider_declined"; paymentId: Id<"payment"> }
  /** The unit offers no method the run can charge by itself. */
  | { kind: "no_method" }
  /** Paid, canceled, or its contract no longer collects. */
  | { kind: "nothing_due" }
  /** The dunning schedule is spent: the contract is `past_due`, the customer blocked. */
  | { kind: "past_due" }
  /** A later line of a `past_due` contract: not charged until the contract is paid up, looked at again tomorrow. */
  | { kind: "held" }
  /** A bug or a storage failure: reported, the run goes on. */
  | { kind: "error"; message: string };

/** A billing run's counts: each due group is counted once, by its outcome. */
export interface BillingRunReport {
  startedAt: Instant;
  finishedAt: Instant;
  /** Periods added to open-ended contracts whose next period came due. */
  periodsScheduled: number;
  /** Contracts whose term ended and that renewed into a new contract in their chain. */
  renewed: number;
  /** Contracts whose term ended without renewing. */
  ended: number;
  /** Reminders sent (one per contract's lines due together): before the due date, and after it. */
  reminders: { beforeDue: number; overdue: number };
  /** Installments claimed (lines due together count each). */
  claimed: number;
  outcomes: Record<DueGroupOutcome["kind"], number>;
  /** The first errors met, at most 20 (a run with a bug does not hold them all). */
  errors: { installmentId: Id<"installment">; message: string }[];
}

/** Adds `from`'s counts into `into` (a unit's run into the whole run's report), errors up to `maxErrors`. */
export function addReport(into: BillingRunReport, from: BillingRunReport, maxErrors: number): void {
  into.periodsScheduled += from.periodsScheduled;
  into.renewed += from.renewed;
  into.ended += from.ended;
  into.claimed += from.claimed;
  into.reminders.beforeDue += from.reminders.beforeDue;
  into.reminders.overdue += from.reminders.overdue;
  for (const kind of Object.keys(from.outcomes) as DueGroupOutcome["kind"][])
    into.outcomes[kind] += from.outcomes[kind];
  into.errors.push(...from.errors.slice(0, Math.max(0, maxErrors - into.errors.length)));
}

/** True when a run did anything in a unit: a report worth keeping. */
export function didAnything(report: BillingRunReport): boolean {
  return (
    report.claimed + report.periodsScheduled + report.renewed + report.ended > 0 ||
    report.reminders.beforeDue + report.reminders.overdue > 0
  );
}

export function emptyReport(startedAt: Instant): BillingRunReport {
  return {
    startedAt,
    finishedAt: startedAt,
    periodsScheduled: 0,
    renewed: 0,
    ended: 0,
    reminders: { beforeDue: 0, overdue: 0 },
    claimed: 0,
    outcomes: {
      paid: 0,
      declined: 0,
      link_issued: 0,
      unknown: 0,
      not_sent: 0,
      in_progress: 0,
      provider_owned: 0,
      provider_declined: 0,
      no_method: 0,
      nothing_due: 0,
      past_due: 0,
      held: 0,
      error: 0,
    },
    errors: [],
  };
}
