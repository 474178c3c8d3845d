import { describe, expect, it } from "vitest";
import type { CalendarDate } from "../time/calendar-date";
import { recurringCreditStatus } from "./recurring-credit-status";
import { type ReportPeriodPreset, reportPeriodSchema, resolveReportPeriod } from "./report-period";

const day = (d: string) => d as CalendarDate;

describe("a report's period", () => {
  it.each<[ReportPeriodPreset, string, string, string]>([
    ["today", "2026-03-15", "2026-03-15", "2026-03-15"],
    ["this_month", "2026-02-10", "2026-02-01", "2026-02-28"],
    ["this_month", "2028-02-10", "2028-02-01", "2028-02-29"],
    ["last_month", "2026-01-31", "2025-12-01", "2025-12-31"],
    ["last_month", "2026-03-31", "2026-02-01", "2026-02-28"],
    ["last_7_days", "2026-03-03", "2026-02-25", "2026-03-03"],
    ["last_30_days", "2026-03-01", "2026-01-31", "2026-03-01"],
  ])("%s on %s covers %s to %s, both days included", (preset, today, from, to) => {
    expect(resolveReportPeriod({ preset }, day(today))).toEqual({ from, to });
  });

  it("keeps a range as given, and refuses one that ends before it starts, naming `to`", () => {
    expect(resolveReportPeriod({ from: "2026-01-01", to: "2026-01-31" }, day("2026-06-01"))).toEqual({
      from: "2026-01-01",
      to: "2026-01-31",
    });
    const refused = reportPeriodSchema.safeParse({ from: "2026-02-01", to: "2026-01-31" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.path.join("."))).toContain("to");
    expect(reportPeriodSchema.safeParse({ preset: "last_year" }).success).toBe(false);
  });
});

describe("the recurring-credit status", () => {
  it("names each installment as BEMP does, a declined latest attempt as denied", () => {
    expect(recurringCreditStatus("confirmed", "succeeded")).toBe("confirmed");
    expect(recurringCreditStatus("denied", "failed")).toBe("denied");
    expect(recurringCreditStatus("canceled", null)).toBe("canceled");
    expect(recurringCreditStatus("refunded", "succeeded")).toBe("canceled");
    expect(recurringCreditStatus("awaiting", "failed")).toBe("denied");
    expect(recurringCreditStatus("awaiting", "pending")).toBe("awaiting");
    expect(recurringCreditStatus("awaiting", null)).toBe("awaiting");
  });
});
