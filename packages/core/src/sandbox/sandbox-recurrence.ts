import { isCardExpired } from "./card-tokenizer";
import type { SandboxCharge } from "./sandbox-charge";
import { injectedDeclines } from "./sandbox-faults";
import { recordCharge } from "./sandbox-record-charge";
import type { SandboxRecurrence } from "./sandbox-recurrence-record";
import { nextRecurrentCharge } from "./sandbox-recurrence-schedule";
import { newSandboxReference } from "./sandbox-reference";
import type { SandboxState } from "./sandbox-state";
import { expiredByDateOutcome, type TestCardOutcome } from "./test-cards";

/**
 * Makes every recurrent charge the clock has reached, earliest first, each at the moment it
 * fell due (so a clock moved three months at once makes three months of charges, in order).
 * Each is a charge of its own in the books, with its own reference and charge 1's key (as
 * Cielo reuses the first sale's MerchantOrderId), and a notification carrying its news.
 * Only recurrences that are due are read (the ledger's index), so the cost is the work to do.
 */
export function chargeDueRecurrences(state: SandboxState, nowMs: number): void {
  for (;;) {
    const recurrence = state.ledger.nextDueRecurrence(nowMs);
    if (recurrence === null) return;
    const next = nextRecurrentCharge(recurrence, state.options.recurrenceDeclinedCharge);
    // The index hands out only active recurrences, which always have a next charge.
    if (next === null) return;
    recordCharge(state, recurrentCharge(state, recurrence, next));
  }
}

/**
 * Charge `sequence`, try `attempt`, of the kept card: paid, or declined as the test card
 * says (`recurrentDeclines`), as its expiry date does by then, or as a `card_declined` fault
 * of a `recurrent` charge does (taken by this charge, whichever it is). What ends the
 * recurrence (`endsRecurrence`) is as `recurrenceDeclinedCharge` says: with
 * `retry_then_end`, a declined try is followed by another a day later, `recurrenceRetries`
 * times, and the one after the last ends it; with `next_period`, a declined charge is never
 * tried again and ends nothing by itself. Either way the last charge of a fixed count ends it.
 */
function recurrentCharge(
  state: SandboxState,
  recurrence: SandboxRecurrence,
  next: { sequence: number; attempt: number; at: number },
): SandboxCharge {
  const at = new Date(next.at).toISOString();
  const { card } = recurrence;
  // Taken first, as a create takes it: the fault is for this charge, even one an expiry declines anyway.
  const injected = state.faults.takeCardDecline("recurrent");
  const outcome: TestCardOutcome = isCardExpired(card, at)
    ? expiredByDateOutcome
    : injected !== null
      ? injectedDeclines[injected]
      : card.outcome;
  // The timeout test cards lose a create's answer; the provider's own charges have no answer to lose.
  const decline = outcome.kind === "decline" || outcome.kind === "decline_recurrent" ? outcome : null;
  // Retried, a declined charge ends the recurrence only once the retries are spent — the last
  // of a fixed count too; left for the next period, it ends nothing but as the last charge.
  const retried = decline !== null && state.options.recurrenceDeclinedCharge === "retry_then_end";
  const endsRecurrence = retried
    ? next.attempt > state.options.recurrenceRetries
    : recurrence.charges !== null && next.sequence >= recurrence.charges;
  return {
    reference: newSandboxReference("sbxpay"),
    idempotencyKey: recurrence.idempotencyKey,
    method: "card",
    amount: recurrence.amount,
    description: recurrence.description,
    status: decline === null ? "paid" : "declined",
    createdAt: at,
    paidAt: decline === null ? at : null,
    closedAt: null,
    card: { brand: card.brand, last4: card.last4, reusableToken: null },
    decline:
      decline === null
        ? null
        : { declineCode: decline.declineCode, returnCode: decline.returnCode, message: decline.message },
    action: null,
    // Never compared: a charge the provider made is not found by our key (charge 1 is).
    requestFingerprint: `recurrence:${recurrence.reference}`,
    recurrence: {
      reference: recurrence.reference,
      sequence: next.sequence,
      attempt: next.attempt,
      endsRecurrence,
    },
  };
}
