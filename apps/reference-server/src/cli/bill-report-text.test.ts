import type { BillingRunReport } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { billReportLines } from "./bill-report-text";

const at = "2026-03-16T12:00:00.000Z" as BillingRunReport["startedAt"];

function report(changes: Partial<BillingRunReport> = {}): BillingRunReport {
  return {
    startedAt: at,
    finishedAt: at,
    periodsScheduled: 0,
    renewed: 0,
    ended: 0,
    reminders: { beforeDue: 0, overdue: 0 },
    claimed: 0,
    outcomes: {
      paid: 0,
      declined: 0,
      link_issued: 0,
      unknown: 0,
      not_sent: 0,
      in_progress: 0,
      provider_owned: 0,
      provider_declined: 0,
      no_method: 0,
      nothing_due: 0,
      past_due: 0,
      held: 0,
      error: 0,
    },
    errors: [],
    ...changes,
  };
}

describe("what `tessera bill` prints", () => {
  it("says a run that did nothing did nothing, renewals and reminders included", () => {
    expect(billReportLines(report())).toEqual([
      "Billed: 0 installment(s) due, 0 new period(s).",
      "Contracts: 0 renewed, 0 ended.",
      "Reminders sent: 0 before the due date, 0 overdue.",
    ]);
  });

  it("names every outcome that happened — held and provider_declined too — the renewals, the reminders and each error", () => {
    const base = report();
    const lines = billReportLines(
      report({
        claimed: 5,
        periodsScheduled: 2,
        renewed: 3,
        ended: 1,
        reminders: { beforeDue: 4, overdue: 2 },
        outcomes: { ...base.outcomes, paid: 1, held: 2, provider_declined: 1, error: 1 },
        errors: [{ installmentId: "ins_01JQ0000000000000000000000", message: "disk full" }],
      }),
    );
    expect(lines).toEqual([
      "Billed: 5 installment(s) due, 2 new period(s) — paid 1, provider_declined 1, held 2, error 1.",
      "Contracts: 3 renewed, 1 ended.",
      "Reminders sent: 4 before the due date, 2 overdue.",
      "  error on ins_01JQ0000000000000000000000: disk full",
    ]);
  });
});
