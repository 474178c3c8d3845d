import type { Contract } from "../contracts/contract";
import type { Id } from "../ids/id";
import type { Installment } from "../installments/installment";
import { sumMoney } from "../money/money";
import type { Unit } from "../organizations/unit";
import type { ServiceContext } from "../ports/service-context";
import type { ReminderKind } from "../ports/storage";
import { addDays, type CalendarDate } from "../time/calendar-date";
import { storedCardOf } from "./stored-card";

/**
 * How many days back a reminder still goes out: a server down for a few days still sends
 * the reminders it missed, but one switched on for the first time does not tell every old
 * debt at once.
 */
export const reminderCatchUpDays = 7;

/** How the billing run will collect a line a `before_due` reminder tells of. */
export type ReminderCollection = "wallet" | "card" | "link";

/** What one pass of reminders sent, by kind. */
export interface ReminderTally {
  beforeDue: number;
  overdue: number;
}

/**
 * The unit's e-mail reminders for today (issue #17: "reminders by e-mail before and after the
 * due date"), one `installment.reminder` event per contract's lines due together — the
 * notifications turn it into the e-mail:
 * - `before_due`: lines of `active` contracts due in the next `reminderDays.before` days,
 *   saying how they will be collected (the balance, the kept card, or a link on the day);
 * - `overdue`: lines of `active` or `past_due` contracts still unpaid `reminderDays.after`
 *   days after their due date (the e-mail carries the link that pays every due line).
 * Each line is reminded once of each kind, recorded in the same transaction as its event
 * (`recordReminder`): several workers never send one twice. Streams by pages of `batchSize`.
 */
export async function sendDueReminders(
  ctx: ServiceContext,
  unit: Unit,
  today: CalendarDate,
  batchSize: number,
): Promise<ReminderTally> {
  const tally: ReminderTally = { beforeDue: 0, overdue: 0 };
  const { before, after } = unit.reminderDays;
  if (before !== null)
    tally.beforeDue = await remindWindow(
      ctx,
      unit,
      "before_due",
      addDays(today, 1),
      addDays(today, before),
      batchSize,
    );
  if (after !== null) {
    const lateBy = addDays(today, -after);
    tally.overdue = await remindWindow(
      ctx,
      unit,
      "overdue",
      addDays(lateBy, -reminderCatchUpDays),
      lateBy,
      batchSize,
    );
  }
  return tally;
}

async function remindWindow(
  ctx: ServiceContext,
  unit: Unit,
  kind: ReminderKind,
  dueFrom: CalendarDate,
  dueTo: CalendarDate,
  batchSize: number,
): Promise<number> {
  let sent = 0;
  let cursor: { dueDate: CalendarDate; id: Id<"installment"> } | undefined;
  for (;;) {
    const page = await ctx.storage.installments.listUnreminded({
      unitId: unit.id,
      kind,
      dueFrom,
      dueTo,
      limit: batchSize,
      ...(cursor ? { after: cursor } : {}),
    });
    const done = new Set<string>();
    for (const line of page) {
      if (done.has(line.id) || line.contractId === null) continue;
      const group = await remindGroup(ctx, kind, line);
      for (const id of group.lineIds) done.add(id);
      if (group.sent) sent++;
    }
    const last = page[page.length - 1];
    if (!last || page.length < batchSize) return sent;
    cursor = { dueDate: last.dueDate, id: last.id };
  }
}

/** One contract's lines due with `line`: recorded and told in one transaction, or skipped. */
async function remindGroup(
  ctx: ServiceContext,
  kind: ReminderKind,
  line: Installment,
): Promise<{ sent: boolean; lineIds: string[] }> {
  const contract = await ctx.storage.contracts.findById(line.contractId!);
  const everyLine = contract ? await ctx.storage.installments.listByContract(contract.id) : [];
  const group = everyLine.filter(
    (other) =>
      other.sequence === line.sequence &&
      other.dueDate === line.dueDate &&
      (other.status === "awaiting" || other.status === "denied"),
  );
  const lineIds = group.map((other) => other.id);
  if (!contract || !reminds(contract, kind) || group.length === 0) return { sent: false, lineIds };
  const collection = kind === "before_due" ? await collectionOf(ctx, contract, group, everyLine) : null;
  const sent = await ctx.storage.transaction(async (tx) => {
    let first = false;
    for (const other of group)
      if (await tx.installments.recordReminder(other.id, kind, ctx.clock.now())) first = true;
    if (!first) return false;
    await tx.outbox.append([
      ctx.events(
        "installment.reminder",
        {
          kind,
          contractId: contract.id,
          customerId: contract.customerId,
          installmentIds: group.map((other) => other.id),
          dueDate: line.dueDate,
          amount: sumMoney(
            group.map((other) => other.amount),
            contract.terms.price.currency,
          ),
          collection,
        },
        contract.unitId,
      ),
    ]);
    return true;
  });
  return { sent, lineIds };
}

/** Before the day, only a contract that bills (`active`); after it, a past-due one too — it owes. */
function reminds(contract: Contract, kind: ReminderKind): boolean {
  return contract.status === "active" || (kind === "overdue" && contract.status === "past_due");
}

async function collectionOf(
  ctx: ServiceContext,
  contract: Contract,
  group: readonly Installment[],
  everyLine: readonly Installment[],
): Promise<ReminderCollection> {
  const due = sumMoney(
    group.map((line) => line.amount),
    contract.terms.price.currency,
  );
  const balance = await ctx.storage.wallet.balance(contract.customerId, due.currency);
  if (balance.amount >= due.amount) return "wallet";
  return (await storedCardOf(ctx, contract, everyLine)) ? "card" : "link";
}
