import type { SandboxTestCardName } from "@tessera/core/sandbox";

/**
 * What the crash test tells one child process to do, and what the child writes back. The
 * plan travels as a JSON file; the journal is JSON lines the child appends as it goes, so
 * the parent still reads everything written before the SIGKILL (it sits in the page cache,
 * which a killed process does not take with it).
 */

/** The test cards the crash test sells with (every kind of answer a card can get). */
export type CrashCard = Extract<
  SandboxTestCardName,
  | "approvedVisa"
  | "approvedMastercard"
  | "insufficientFunds"
  | "doNotHonor"
  | "timeoutAfterCharge"
  | "timeoutBeforeReceipt"
>;

export interface CrashBuyer {
  name: string;
  email: string;
  cpf: string;
}

/** One call a child makes: a new sale, or a new attempt at a contract whose sale failed. */
export type CrashOperation =
  | {
      kind: "sale";
      idempotencyKey: string;
      planId: string;
      buyer: CrashBuyer;
      method: "card" | "pix";
      /** For `method: "card"`: tokenized in the child, as the buyer's browser would. */
      card: CrashCard | null;
    }
  | { kind: "retry"; idempotencyKey: string; contractId: string; card: CrashCard };

/**
 * Where the child kills itself with SIGKILL:
 * - `before_gateway`: the operation's payment row is committed; the gateway was not called;
 * - `after_charge`: the provider's ledger holds the charge; Tessera has not stored the answer;
 * - `during_recovery`: recovery has the provider's answer for its `lookup`-th payment (1-based)
 *   and has not applied it;
 * - `any_moment`: a timer, wherever the child happens to be `afterMs` after it started.
 */
export type KillPoint =
  | { at: "before_gateway"; operation: number }
  | { at: "after_charge"; operation: number }
  | { at: "during_recovery"; lookup: number }
  | { at: "any_moment"; afterMs: number };

export interface CrashChildPlan {
  databaseFile: string;
  ledgerFile: string;
  journalFile: string;
  /**
   * Added to the wall clock, so each run lives later than the last by more than the
   * recovery grace: a sale left open by a killed run is "old" to the next one, as it would
   * be to a server restarted a few minutes later.
   */
  clockOffsetMs: number;
  unitId: string;
  /** Run first, as a restarted server would: re-submissions, payers paying, then recovery. */
  restart: {
    /** Operations a killed run left unfinished, re-submitted with their idempotency keys. */
    resubmit: CrashOperation[];
    /** Re-submit before recovery (the sale's own replay settles it) or after. */
    resubmitBeforeRecovery: boolean;
    /** Payment idempotency keys of pending PIX charges whose payer pays now. */
    payPix: string[];
  } | null;
  operations: CrashOperation[];
  /** How many operations run at once. */
  concurrency: number;
  kill: KillPoint | null;
}

/** A line of the child's journal. */
export type CrashJournalLine =
  | { type: "started"; operation: number; idempotencyKey: string }
  | {
      type: "finished";
      operation: number;
      idempotencyKey: string;
      status: string;
      contractId: string;
      paymentKey: string;
    }
  | {
      type: "resubmitted";
      idempotencyKey: string;
      replayed: boolean;
      status: string;
      contractId: string;
      chargesBefore: number;
      chargesAfter: number;
    }
  | { type: "paid_pix"; paymentKey: string }
  | { type: "recovered"; examined: number; settled: number; neverReceived: number; stillOpen: number }
  | { type: "done" };
