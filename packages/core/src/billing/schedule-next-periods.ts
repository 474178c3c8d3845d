import type { Contract } from "../contracts/contract";
import { nextPeriodAfter, schedulePeriod } from "../contracts/contract-schedule";
import { isTesseraError } from "../errors/tessera-error";
import { contractInstallments } from "../installments/contract-installments";
import type { ServiceContext } from "../ports/service-context";
import type { CalendarDate } from "../time/calendar-date";
import { endTerm } from "./end-of-term";

/** What one pass over the contracts whose next step came due did, by kind. */
export interface ScheduleTally {
  /** Periods added to open-ended contracts. */
  periods: number;
  /** Contracts that ended their term and renewed into a new one. */
  renewed: number;
  /** Contracts that ended their term without renewing. */
  ended: number;
}

/**
 * Moves on every active contract whose `nextPeriodOn` has come (DESIGN §2: "the billing run
 * adds the next ones"; §4: "renews auto-renewing contracts"), in batches of `batchSize`: an
 * open-ended one gets its next period's lines, one with a fixed number of periods reaches the
 * end of its term and renews or ends (`endTerm`). Each contract moves in its own transaction,
 * compare-and-set on its version, so two workers never add one period or one renewal twice
 * (the loser's write conflicts and is skipped). A contract whose provider charges by itself
 * (an active recurrence) gets no period lines here: the provider's notification adds each
 * period it charges. Several steps overdue (a server down for months) are taken one pass at
 * a time until none is due.
 *
 * `horizon` (on or after `today`) schedules open-ended contracts' next periods that early, so
 * a reminder can tell of them before their due day (`Unit.reminderDays.before`); they are
 * charged on their day all the same (claims take lines due by today). A term ends only on
 * its day, never early.
 */
export async function scheduleNextPeriods(
  ctx: ServiceContext,
  input: { unitId: Contract["unitId"]; today: CalendarDate; batchSize: number; horizon?: CalendarDate },
): Promise<ScheduleTally> {
  const tally: ScheduleTally = { periods: 0, renewed: 0, ended: 0 };
  await stepDue(ctx, input, tally);
  if (input.horizon !== undefined && input.horizon > input.today)
    await scheduleAhead(ctx, { ...input, horizon: input.horizon }, tally);
  return tally;
}

/** Every step due by today, pass after pass until none is. */
async function stepDue(
  ctx: ServiceContext,
  input: { unitId: Contract["unitId"]; today: CalendarDate; batchSize: number },
  tally: ScheduleTally,
): Promise<void> {
  for (;;) {
    const due = await ctx.storage.contracts.listNeedingNextPeriod({
      onOrBefore: input.today,
      limit: input.batchSize,
      unitId: input.unitId,
    });
    if (due.length === 0) return;
    let moved = 0;
    for (const contract of due) {
      try {
        const step = await stepOf(ctx, contract, input.today);
        if (step !== "none" && step !== "postponed") tally[step]++;
        // A contract looked at again tomorrow is done for today.
        moved++;
      } catch (error) {
        // Another worker moved it first: its step is taken, or will be.
        if (!isTesseraError(error, "conflict")) throw error;
      }
    }
    // Nothing moved: every contract listed was being moved by someone else; their next pass lists them anew.
    if (moved === 0) return;
  }
}

/**
 * The open-ended contracts' next periods starting after today and by `horizon`, one step
 * each in one pass (paged, so a contract with a fixed term listed meanwhile is passed over).
 */
async function scheduleAhead(
  ctx: ServiceContext,
  input: { unitId: Contract["unitId"]; today: CalendarDate; batchSize: number; horizon: CalendarDate },
  tally: ScheduleTally,
): Promise<void> {
  let after: { nextPeriodOn: CalendarDate; id: Contract["id"] } | undefined;
  for (;;) {
    const page = await ctx.storage.contracts.listNeedingNextPeriod({
      onOrBefore: input.horizon,
      limit: input.batchSize,
      unitId: input.unitId,
      ...(after ? { after } : {}),
    });
    for (const contract of page) {
      if (contract.terms.installmentCount !== null || contract.nextPeriodOn! <= input.today) continue;
      try {
        if ((await stepOf(ctx, contract, input.today)) === "periods") tally.periods++;
      } catch (error) {
        if (!isTesseraError(error, "conflict")) throw error;
      }
    }
    const last = page[page.length - 1];
    if (!last || page.length < input.batchSize) return;
    after = { nextPeriodOn: last.nextPeriodOn!, id: last.id };
  }
}

/** Which period (from 0) of the contract starts on `day`: the first that starts on it or after. */
function periodIndexOn(contract: Contract, day: CalendarDate): number {
  let index = 1;
  while ((nextPeriodAfter(contract.terms, contract.startDate, index, contract.billingDay) ?? day) < day)
    index++;
  return index;
}

/** One contract's next step, in one transaction. */
async function stepOf(
  ctx: ServiceContext,
  listed: Contract,
  today: CalendarDate,
): Promise<"periods" | "renewed" | "ended" | "postponed" | "none"> {
  return ctx.storage.transaction(async (tx) => {
    const installments = await tx.installments.listByContract(listed.id);
    if (listed.terms.installmentCount !== null) {
      const end = await endTerm(ctx, tx, listed, installments, today);
      return end.kind;
    }
    const index = periodIndexOn(listed, listed.nextPeriodOn!);
    const providerOwned = (await tx.recurrences.listByContract(listed.id)).some(
      (recurrence) => recurrence.status === "active",
    );
    const scheduled = installments.some((installment) => installment.sequence === index + 1);
    const now = ctx.clock.now();
    const addsLines = !providerOwned && !scheduled;
    if (addsLines) {
      await tx.installments.insertMany(
        contractInstallments(
          ctx,
          listed,
          schedulePeriod(listed.terms, listed.startDate, index, listed.billingDay),
          now,
        ),
      );
    }
    await tx.contracts.update(
      {
        ...listed,
        nextPeriodOn: nextPeriodAfter(listed.terms, listed.startDate, index + 1, listed.billingDay),
        updatedAt: now,
      },
      listed,
    );
    return addsLines ? "periods" : "none";
  });
}
