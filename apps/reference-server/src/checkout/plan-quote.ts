import {
  type CalendarDate,
  contractTermsOf,
  type InstallmentKind,
  type Money,
  type Plan,
  scheduleContract,
  scheduleTotal,
  type Unit,
} from "@tessera/core";

/** One line of what is due: its kind decides its label on the page. */
export interface QuoteLine {
  kind: InstallmentKind;
  amount: Money;
}

/** What buying a plan today costs, as core will schedule it: the page shows these figures. */
export interface PlanQuote {
  /** Lines due at checkout (the first period, the enrollment fee, the client-paid fee). */
  dueNow: QuoteLine[];
  dueNowTotal: Money;
  /** Every installment of a plan with a fixed number of them; null for an open-ended plan. */
  contractTotal: Money | null;
  installmentCount: number | null;
}

/**
 * The figures of a plan page, from the same schedule `sales.start` writes (core's
 * `scheduleContract` over the plan's terms and the unit's client-paid fee), so the page
 * never promises an amount the sale does not charge.
 */
export function quotePlan(plan: Plan, unit: Unit, today: CalendarDate): PlanQuote {
  const lines = scheduleContract(contractTermsOf(plan, unit.clientFeeBasisPoints), today);
  const first = lines.filter((line) => line.sequence === 1);
  const currency = plan.price.currency;
  return {
    dueNow: first.map((line) => ({ kind: line.kind, amount: line.amount })),
    dueNowTotal: scheduleTotal(first, currency),
    contractTotal: plan.installmentCount === null ? null : scheduleTotal(lines, currency),
    installmentCount: plan.installmentCount,
  };
}
