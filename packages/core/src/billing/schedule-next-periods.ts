import type { Contract } from "../contracts/contract";
import { nextPeriodAfter, schedulePeriod } from "../contracts/contract-schedule";
import { isTesseraError } from "../errors/tessera-error";
import { contractInstallments } from "../installments/contract-installments";
import type { ServiceContext } from "../ports/service-context";
import type { CalendarDate } from "../time/calendar-date";

/**
 * Adds the next period of each open-ended contract whose `nextPeriodOn` has come (DESIGN §2:
 * "the billing run adds the next ones"), in batches of `batchSize`, and returns how many
 * periods it added. Each contract moves in its own transaction: its period's lines are
 * inserted and `nextPeriodOn` moves one interval on, compare-and-set on the contract's
 * version, so two workers never add one period twice (the loser's write conflicts and is
 * skipped). A contract whose provider charges by itself (an active recurrence) gets no lines
 * here: the provider's notification adds each period it charges. Several periods overdue
 * (a server down for months) are added one pass at a time until none is due.
 */
export async function scheduleNextPeriods(
  ctx: ServiceContext,
  input: { unitId: Contract["unitId"]; today: CalendarDate; batchSize: number },
): Promise<number> {
  let added = 0;
  for (;;) {
    const due = await ctx.storage.contracts.listNeedingNextPeriod({
      onOrBefore: input.today,
      limit: input.batchSize,
      unitId: input.unitId,
    });
    if (due.length === 0) return added;
    let moved = 0;
    for (const contract of due) {
      try {
        if (await schedulePeriodOf(ctx, contract)) added++;
        moved++;
      } catch (error) {
        // Another worker moved it first: its period is there, or will be.
        if (!isTesseraError(error, "conflict")) throw error;
      }
    }
    // Nothing moved: every contract listed was being moved by someone else; their next pass lists them anew.
    if (moved === 0) return added;
  }
}

/** Which period (from 0) of the contract starts on `day`: the first that starts on it or after. */
function periodIndexOn(contract: Contract, day: CalendarDate): number {
  let index = 1;
  while ((nextPeriodAfter(contract.terms, contract.startDate, index) ?? day) < day) index++;
  return index;
}

/** One contract's next period: true when lines were added (false when a provider owns them). */
async function schedulePeriodOf(ctx: ServiceContext, listed: Contract): Promise<boolean> {
  return ctx.storage.transaction(async (tx) => {
    const installments = await tx.installments.listByContract(listed.id);
    const index = periodIndexOn(listed, listed.nextPeriodOn!);
    const providerOwned = (await tx.recurrences.listByContract(listed.id)).some(
      (recurrence) => recurrence.status === "active",
    );
    const scheduled = installments.some((installment) => installment.sequence === index + 1);
    const now = ctx.clock.now();
    const addsLines = !providerOwned && !scheduled;
    if (addsLines) {
      await tx.installments.insertMany(
        contractInstallments(ctx, listed, schedulePeriod(listed.terms, listed.startDate, index), now),
      );
    }
    await tx.contracts.update(
      { ...listed, nextPeriodOn: nextPeriodAfter(listed.terms, listed.startDate, index + 1), updatedAt: now },
      listed,
    );
    return addsLines;
  });
}
