import type { BillingRunReport } from "@tessera/core";

/**
 * What `tessera bill` prints of a run: what it collected (installments claimed, and each
 * outcome that happened — `held`, `provider_declined` … included, as the report names them),
 * the contracts it scheduled, renewed and ended, the reminders it sent, then each error.
 */
export function billReportLines(report: BillingRunReport): string[] {
  const counts = Object.entries(report.outcomes)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(", ");
  return [
    `Billed: ${report.claimed} installment(s) due, ${report.periodsScheduled} new period(s)${counts ? ` — ${counts}` : ""}.`,
    `Contracts: ${report.renewed} renewed, ${report.ended} ended.`,
    `Reminders sent: ${report.reminders.beforeDue} before the due date, ${report.reminders.overdue} overdue.`,
    ...report.errors.map((error) => `  error on ${error.installmentId}: ${error.message}`),
  ];
}
