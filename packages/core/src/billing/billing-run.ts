import { isTesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { Installment } from "../installments/installment";
import type { Unit } from "../organizations/unit";
import type { ServiceContext } from "../ports/service-context";
import { addDays, type CalendarDate } from "../time/calendar-date";
import { calendarDateInZone } from "../time/timezone";
import { parseInput } from "../validation/parse-input";
import {
  addReport,
  type BillingRunReport,
  type DueGroupOutcome,
  didAnything,
  emptyReport,
} from "./billing-report";
import {
  type BillingRunOptions,
  billingRunOptionsSchema,
  providerOwnedRecheckDays,
} from "./billing-run-options";
import { runBounded } from "./bounded-pool";
import { chargeDueGroup } from "./charge-due-group";
import { sendDueReminders } from "./due-reminders";
import { nextRetryOn, noMoreAttempts } from "./dunning-schedule";
import { markPastDue } from "./mark-past-due";
import { scheduleNextPeriods } from "./schedule-next-periods";

const maxReportedErrors = 20;

/**
 * One billing run over every unit (or one): for each, in the unit's own day, first the next
 * periods of open-ended contracts that came due and the renewals (or ends) of contracts
 * whose term is over, then the due installments, claimed in
 * batches under a lease (`InstallmentRepository.claimDue`: several workers never take one
 * item, and a crashed worker's items are taken over when its lease runs out), grouped by the
 * lines due together, charged with at most `concurrency` in flight, and each claim completed
 * with what the dunning schedule says next. Memory holds one batch: the run streams whatever
 * the number due. Every item claimed leaves the run paid, or with its next attempt on a later
 * day, so one run never takes an item twice and always ends.
 */
export async function runBilling(
  ctx: ServiceContext,
  options: BillingRunOptions = {},
): Promise<BillingRunReport> {
  const settings = parseInput(billingRunOptionsSchema, options, "billing run options");
  const owner = settings.owner ?? `billing:${ctx.ids("lease")}`;
  const report = emptyReport(ctx.clock.now());
  const budget = { left: settings.maxClaims ?? Number.POSITIVE_INFINITY };
  for await (const unit of unitsToBill(ctx, settings.unitId as Id<"unit"> | undefined)) {
    if (budget.left <= 0) break;
    const today = calendarDateInZone(ctx.clock.now(), unit.timeZone);
    const unitReport = emptyReport(ctx.clock.now());
    const stepped = await scheduleNextPeriods(ctx, {
      unitId: unit.id,
      today,
      batchSize: settings.batchSize,
      // Periods are there before the day, for the reminder that tells of them.
      horizon: addDays(today, unit.reminderDays.before ?? 0),
    });
    unitReport.periodsScheduled = stepped.periods;
    unitReport.renewed = stepped.renewed;
    unitReport.ended = stepped.ended;
    await billUnit(ctx, unit, today, { ...settings, owner }, unitReport, budget);
    // After the charges: a line paid today is not told it is late.
    unitReport.reminders = await sendDueReminders(ctx, unit, today, settings.batchSize);
    unitReport.finishedAt = ctx.clock.now();
    if (didAnything(unitReport))
      await ctx.storage.billingRuns.append({
        id: ctx.ids("billingRun"),
        unitId: unit.id,
        owner,
        startedAt: unitReport.startedAt,
        finishedAt: unitReport.finishedAt,
        report: unitReport,
      });
    addReport(report, unitReport, maxReportedErrors);
  }
  report.finishedAt = ctx.clock.now();
  return report;
}

async function* unitsToBill(ctx: ServiceContext, unitId: Id<"unit"> | undefined): AsyncGenerator<Unit> {
  if (unitId) {
    const unit = await ctx.storage.units.findById(unitId);
    if (unit) yield unit;
    return;
  }
  let after: string | undefined;
  do {
    const page = await ctx.storage.units.list({ limit: 100, ...(after ? { after } : {}) });
    yield* page.items;
    after = page.nextCursor ?? undefined;
  } while (after);
}

async function billUnit(
  ctx: ServiceContext,
  unit: Unit,
  today: CalendarDate,
  settings: { owner: string; batchSize: number; concurrency: number; leaseMs: number },
  report: BillingRunReport,
  budget: { left: number },
): Promise<void> {
  // Only the items whose completion did not land (their lease still ours, or lost): a
  // settled item is due on a later day, so the set stays small whatever the number due.
  const unsettled = new Set<string>();
  while (budget.left > 0) {
    const claimed = await ctx.storage.installments.claimDue({
      dueOn: today,
      limit: Math.min(settings.batchSize, budget.left),
      owner: settings.owner,
      leaseMs: settings.leaseMs,
      now: ctx.clock.now(),
      unitId: unit.id,
    });
    // An item this run already charged came back (its completion was refused): let it go, once is enough.
    const fresh: Installment[] = [];
    for (const installment of claimed) {
      if (unsettled.has(installment.id)) await release(ctx, installment);
      else fresh.push(installment);
    }
    if (fresh.length === 0) return;
    budget.left -= fresh.length;
    report.claimed += fresh.length;
    await runBounded(groupsOf(fresh), settings.concurrency, async (group) => {
      let outcome: DueGroupOutcome;
      try {
        outcome = await chargeDueGroup(ctx, unit, group);
      } catch (error) {
        outcome = { kind: "error", message: error instanceof Error ? error.message : String(error) };
        if (report.errors.length < maxReportedErrors)
          report.errors.push({ installmentId: group[0]!.id, message: outcome.message });
      }
      report.outcomes[outcome.kind]++;
      try {
        for (const id of await settleClaims(ctx, unit, today, group, outcome)) unsettled.add(id);
      } catch (error) {
        for (const installment of group) unsettled.add(installment.id);
        throw error;
      }
    });
  }
}

/** The claimed installments by the lines due together (one contract's sequence), in claim order. */
function groupsOf(claimed: readonly Installment[]): Installment[][] {
  const groups = new Map<string, Installment[]>();
  for (const installment of claimed) {
    const key = `${installment.contractId ?? installment.orderId}:${installment.sequence}`;
    const group = groups.get(key);
    if (group) group.push(installment);
    else groups.set(key, [installment]);
  }
  return [...groups.values()];
}

/**
 * Completes each claim of a group with what comes next: a paid line is only let go; a
 * declined one is `denied` with one more failure and its next retry day (or, the schedule
 * spent, its contract `past_due`); an issued link counts as an attempt; anything else tries
 * again tomorrow (a week on for a provider's own charges). Read fresh first, since the
 * charge itself moved the lines; a line someone changed meanwhile is read again once.
 * Returns the ids whose completion did not land.
 */
async function settleClaims(
  ctx: ServiceContext,
  unit: Unit,
  today: CalendarDate,
  group: readonly Installment[],
  outcome: DueGroupOutcome,
): Promise<string[]> {
  const tomorrow = addDays(today, 1);
  const unsettled: string[] = [];
  for (const claimed of group) {
    for (let attempt = 1; attempt <= 2; attempt++) {
      const current = await ctx.storage.installments.findById(claimed.id);
      if (!current) {
        unsettled.push(claimed.id);
        break;
      }
      if (current.status !== "awaiting" && current.status !== "denied") {
        await release(ctx, claimed);
        break;
      }
      const next = await nextOf(ctx, unit, current, outcome, today, tomorrow);
      try {
        await ctx.storage.installments.completeClaim(
          { ...current, ...next, updatedAt: ctx.clock.now() },
          { owner: claimed.lease!.owner, version: claimed.lease!.version },
        );
        break;
      } catch (error) {
        // Another worker took it over (our lease ran out): theirs to finish.
        if (isTesseraError(error, "lease_lost")) {
          unsettled.push(claimed.id);
          break;
        }
        if (!isTesseraError(error, "conflict") || attempt === 2) throw error;
      }
    }
  }
  return unsettled;
}

async function nextOf(
  ctx: ServiceContext,
  unit: Unit,
  line: Installment,
  outcome: DueGroupOutcome,
  today: CalendarDate,
  tomorrow: CalendarDate,
): Promise<Pick<Installment, "status" | "failedAttempts" | "nextAttemptOn">> {
  const stay = { status: line.status, failedAttempts: line.failedAttempts };
  switch (outcome.kind) {
    case "declined":
    case "provider_declined":
    case "link_issued": {
      const failedAttempts = line.failedAttempts + 1;
      const retry = nextRetryOn(line.dueDate, failedAttempts, unit.dunningRetryDays, tomorrow);
      if (retry !== null || outcome.kind === "link_issued")
        return {
          status: outcome.kind === "link_issued" ? line.status : "denied",
          failedAttempts,
          nextAttemptOn: retry ?? tomorrow,
        };
      if (line.contractId) await markPastDue(ctx, line.contractId, line);
      return { status: "denied", failedAttempts, nextAttemptOn: noMoreAttempts };
    }
    case "past_due":
      return { ...stay, nextAttemptOn: noMoreAttempts };
    case "provider_owned":
      return {
        ...stay,
        nextAttemptOn: outcome.recheckTomorrow ? tomorrow : addDays(today, providerOwnedRecheckDays),
      };
    case "nothing_due":
      return { ...stay, nextAttemptOn: addDays(today, providerOwnedRecheckDays) };
    default:
      return { ...stay, nextAttemptOn: tomorrow };
  }
}

async function release(ctx: ServiceContext, claimed: Installment): Promise<void> {
  if (claimed.lease)
    await ctx.storage.installments.releaseClaim(claimed.id, {
      owner: claimed.lease.owner,
      version: claimed.lease.version,
    });
}
