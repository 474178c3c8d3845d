import type { Money } from "../money/money";

/** Totals of a report as it streams: rows counted, and amounts summed per currency, per group. */
export interface ReportTotals<Group extends string> {
  rows: number;
  /** Sum of every row, per currency (an organization's units may sell in several). */
  amounts: Money[];
  byGroup: Partial<Record<Group, { rows: number; amounts: Money[] }>>;
}

export function emptyReportTotals<Group extends string>(): ReportTotals<Group> {
  return { rows: 0, amounts: [], byGroup: {} };
}

function addTo(amounts: Money[], money: Money): void {
  const index = amounts.findIndex((entry) => entry.currency === money.currency);
  const line = amounts[index];
  if (line) amounts[index] = { amount: line.amount + money.amount, currency: money.currency };
  else amounts.push({ amount: money.amount, currency: money.currency });
}

/** Adds one row's amount to the totals, and to its group's (a status). */
export function addToReportTotals<Group extends string>(
  totals: ReportTotals<Group>,
  group: Group,
  money: Money,
): void {
  totals.rows += 1;
  addTo(totals.amounts, money);
  const entry = totals.byGroup[group] ?? { rows: 0, amounts: [] };
  entry.rows += 1;
  addTo(entry.amounts, money);
  totals.byGroup[group] = entry;
}
