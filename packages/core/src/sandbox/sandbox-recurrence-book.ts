import type { SandboxCharge } from "./sandbox-charge";
import { createDueIndex } from "./sandbox-due-index";
import type { SandboxRecurrence, SandboxRecurrenceTerms } from "./sandbox-recurrence-record";

/**
 * The ledger's fold of the recurrences it runs: each one's status and latest charge, and an
 * index of when each active one charges next (the due-index heap, as for pending charges),
 * so finding what is due reads only what is due, never every recurrence ever made.
 */
export interface RecurrenceBook {
  /** A charge entered the books: charge 1 starts its recurrence, a later one moves it on. */
  recordCharge(charge: SandboxCharge, startsRecurrence: SandboxRecurrenceTerms | undefined): void;
  deactivate(reference: string, at: string): void;
  find(reference: string): SandboxRecurrence | null;
  /**
   * The active recurrence whose next charge is due earliest, at or before `nowMs` (ties in
   * creation order), or null. It stays due until one of its charges enters the books.
   */
  nextDue(nowMs: number): SandboxRecurrence | null;
  all(): SandboxRecurrence[];
}

/** `dueAt`: when a recurrence charges next (`Infinity`: never) — the gateway's rule, not the books'. */
export function createRecurrenceBook(dueAt: (recurrence: SandboxRecurrence) => number): RecurrenceBook {
  const recurrences = new Map<string, SandboxRecurrence>();
  // Where each active recurrence sits in `due`; an entry whose time is not this one is stale.
  const nextAt = new Map<string, number>();
  const order = new Map<string, number>();
  const due = createDueIndex();

  function schedule(recurrence: SandboxRecurrence): void {
    const at = dueAt(recurrence);
    if (at === Number.POSITIVE_INFINITY) {
      nextAt.delete(recurrence.reference);
      return;
    }
    nextAt.set(recurrence.reference, at);
    due.push({ at, sequence: order.get(recurrence.reference) ?? 0, reference: recurrence.reference });
  }

  return {
    recordCharge(charge, startsRecurrence) {
      if (startsRecurrence !== undefined) {
        const recurrence: SandboxRecurrence = {
          ...startsRecurrence,
          status: "active",
          endedAt: null,
          lastCharge: {
            reference: charge.reference,
            sequence: 1,
            attempt: 1,
            status: "paid",
            at: charge.createdAt,
          },
        };
        recurrences.set(recurrence.reference, recurrence);
        order.set(recurrence.reference, order.size);
        schedule(recurrence);
        return;
      }
      const link = charge.recurrence;
      if (link === undefined || link.sequence === 1) return;
      const recurrence = recurrences.get(link.reference);
      if (recurrence === undefined) return;
      const status = charge.status === "paid" ? "paid" : "declined";
      recurrence.lastCharge = {
        reference: charge.reference,
        sequence: link.sequence,
        attempt: link.attempt,
        status,
        at: charge.createdAt,
      };
      if (link.endsRecurrence) {
        recurrence.status = status === "paid" ? "finished" : "gave_up";
        recurrence.endedAt = charge.createdAt;
      }
      schedule(recurrence);
    },
    deactivate(reference, at) {
      const recurrence = recurrences.get(reference);
      if (recurrence === undefined || recurrence.status !== "active") return;
      recurrence.status = "deactivated";
      recurrence.endedAt = at;
      // Its entry in `due` goes when it comes up (see nextDue).
      nextAt.delete(reference);
    },
    find: (reference) => copy(recurrences.get(reference)),
    nextDue(nowMs) {
      for (;;) {
        const top = due.peek();
        if (top === undefined || top.at > nowMs) return null;
        if (nextAt.get(top.reference) === top.at) return copy(recurrences.get(top.reference));
        // Stale: the recurrence ended, was deactivated, or charged since and is due later.
        due.drop();
      }
    },
    all: () => [...recurrences.values()].map((recurrence) => copy(recurrence) as SandboxRecurrence),
  };
}

function copy(recurrence: SandboxRecurrence | undefined): SandboxRecurrence | null {
  return recurrence === undefined ? null : { ...recurrence, lastCharge: { ...recurrence.lastCharge } };
}
