import type { Plan } from "../catalog/plan";
import type { Installment } from "../installments/installment";
import { addMoney, type Money, percentOf, sumMoney } from "../money/money";
import { periodEnd, periodStart } from "../time/billing-schedule";
import type { CalendarDate } from "../time/calendar-date";
import type { ContractTerms } from "./contract";

/** One line of a contract's schedule, before it gets ids. */
export type ScheduledLine = Pick<
  Installment,
  "sequence" | "kind" | "amount" | "dueDate" | "periodStart" | "periodEnd"
>;

/** The plan's terms frozen at sale time, with the unit's client-paid fee. */
export function contractTermsOf(plan: Plan, clientFeeBasisPoints: number): ContractTerms {
  return {
    planName: plan.name,
    kind: plan.kind,
    price: plan.price,
    interval: plan.interval,
    installmentCount: plan.installmentCount,
    enrollmentFee: plan.enrollmentFee && plan.enrollmentFee.amount > 0 ? plan.enrollmentFee : null,
    clientFeeBasisPoints,
    autoRenew: plan.autoRenew,
    quotas: plan.quotas,
    activationMode: plan.activationMode,
  };
}

/**
 * The installments a new contract starts with. Rules (Conexa FAQ, Tecnofit and Otmechalka
 * seeds):
 * - the first period starts on the contracting day, with no start pro-rata;
 * - period *i* is due on the first day of that period (the billing day of its month);
 * - the enrollment fee is its own line, due with the first period;
 * - a client-paid fee is its own line per due date: `clientFeeBasisPoints` of what is due
 *   that day;
 * - a plan with a fixed number of periods is scheduled whole; an open-ended plan gets its
 *   first period only (the billing run adds the next ones).
 * `billingDay` is the day of the month periods fall on: the start's own day, unless a renewal
 * carries its chain's (see `periodStart`).
 */
export function scheduleContract(
  terms: ContractTerms,
  start: CalendarDate,
  billingDay?: number,
): ScheduledLine[] {
  const periods = terms.installmentCount ?? 1;
  const lines: ScheduledLine[] = [];
  for (let index = 0; index < periods; index++)
    lines.push(...schedulePeriod(terms, start, index, billingDay));
  return lines;
}

/**
 * The lines of one period (`index` from 0, so sequence `index + 1`): the period itself, the
 * enrollment fee with the first, and the client-paid fee of what is due that day. The
 * billing run and a provider's recurrent charge of an open-ended contract add periods with it.
 */
export function schedulePeriod(
  terms: ContractTerms,
  start: CalendarDate,
  index: number,
  billingDay?: number,
): ScheduledLine[] {
  const sequence = index + 1;
  const due = periodStart(start, terms.interval, index, billingDay);
  const group: ScheduledLine[] = [
    {
      sequence,
      kind: "period",
      amount: terms.price,
      dueDate: due,
      periodStart: due,
      periodEnd: periodEnd(start, terms.interval, index, billingDay),
    },
  ];
  if (index === 0 && terms.enrollmentFee) {
    group.push({
      sequence,
      kind: "enrollment_fee",
      amount: terms.enrollmentFee,
      dueDate: due,
      periodStart: null,
      periodEnd: null,
    });
  }
  if (terms.clientFeeBasisPoints > 0) {
    const base = sumMoney(
      group.map((line) => line.amount),
      terms.price.currency,
    );
    const fee = percentOf(base, terms.clientFeeBasisPoints);
    if (fee.amount > 0) {
      group.push({ sequence, kind: "fee", amount: fee, dueDate: due, periodStart: null, periodEnd: null });
    }
  }
  return group;
}

/** What a schedule adds up to. */
export function scheduleTotal(lines: readonly ScheduledLine[], currency: string): Money {
  return lines.reduce((total, line) => addMoney(total, line.amount), { amount: 0, currency });
}

/**
 * The first day of period `index` (from 0) of an open-ended recurring contract — the day the
 * billing run schedules it — or null for a contract whose periods are all scheduled at the
 * sale (a fixed number of installments, a pass).
 */
export function nextPeriodAfter(
  terms: ContractTerms,
  start: CalendarDate,
  index: number,
  billingDay?: number,
): CalendarDate | null {
  if (terms.kind !== "recurring" || terms.installmentCount !== null) return null;
  return periodStart(start, terms.interval, index, billingDay);
}

/**
 * The day after the last period of a recurring contract with a fixed number of periods —
 * the day the billing run renews it (`autoRenew`) or ends it, and its renewal's first day —
 * or null for an open-ended contract (it runs until cancelled) and a pass (it ends with its
 * activation code's validity, not here).
 */
export function termEndsOn(
  terms: ContractTerms,
  start: CalendarDate,
  billingDay?: number,
): CalendarDate | null {
  if (terms.kind !== "recurring" || terms.installmentCount === null) return null;
  return periodStart(start, terms.interval, terms.installmentCount, billingDay);
}

/**
 * What a new contract's `nextPeriodOn` starts as: its second period's first day when
 * open-ended (the billing run adds it), the day after its term when it has a fixed number
 * of periods (the billing run renews or ends it), null for a pass.
 */
export function firstScheduleStep(
  terms: ContractTerms,
  start: CalendarDate,
  billingDay?: number,
): CalendarDate | null {
  return nextPeriodAfter(terms, start, 1, billingDay) ?? termEndsOn(terms, start, billingDay);
}
