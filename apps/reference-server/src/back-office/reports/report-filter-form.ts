import { type FieldIssue, isTesseraError, parseInput } from "@tessera/core";
import type { Translate } from "../../i18n/translator";
import { type ReportFilter, reportFilterQuerySchema } from "../../reports/report-filter-query";

/** The filter form's fields, as the query string names them. */
export const reportFilterFields = ["period", "from", "to", "status", "mode", "customer", "scope"] as const;
export type ReportFilterField = (typeof reportFilterFields)[number];

/** The report filter form read from a GET query: what to show back, the filter, and each field's error. */
export interface ReportFilterForm {
  values: Record<ReportFilterField, string>;
  /** Null when a field is wrong: nothing is read. */
  filter: ReportFilter | null;
  errors: Partial<Record<ReportFilterField, string>>;
}

/** The form field an issue belongs to: the last part of its path that names one (core's `period.to` is `to`). */
function fieldOf(issue: FieldIssue): ReportFilterField | null {
  for (const part of [...issue.path].reverse()) {
    if (part === "customerId" || part === "customerSearch") return "customer";
    if ((reportFilterFields as readonly unknown[]).includes(part)) return part as ReportFilterField;
  }
  return null;
}

/** Each issue as the form says it, beside its field; issues of no field (a stale cursor) are left out. */
export function reportFieldErrors(issues: readonly FieldIssue[], t: Translate): ReportFilterForm["errors"] {
  const errors: ReportFilterForm["errors"] = {};
  for (const issue of issues) {
    const field = fieldOf(issue);
    if (!field || errors[field]) continue;
    if (field === "from" || field === "to") {
      errors[field] = t(
        issue.code === "required"
          ? "admin.reports.error.required"
          : issue.code === "range_reversed"
            ? "admin.reports.error.range"
            : "admin.reports.error.date",
      );
    } else if (field === "scope" && issue.code === "not_allowed") {
      errors.scope = t("admin.reports.error.scope");
    } else if (field === "customer") {
      errors.customer = t("admin.reports.error.customer");
    } else {
      errors[field] = t("admin.reports.error.option");
    }
  }
  return errors;
}

/**
 * Reads the filter form with the schema the API reads its query with (`reportFilterQuerySchema`):
 * a date that is not one, a range missing a day or ending before it starts, an option not in
 * the list — each is a translated error beside its field, and no row is read.
 */
export function readReportFilterForm(query: Record<string, string>, t: Translate): ReportFilterForm {
  const values = Object.fromEntries(
    reportFilterFields.map((field) => [field, (query[field] ?? "").slice(0, 300)]),
  ) as Record<ReportFilterField, string>;
  const present = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ""));
  try {
    const filter = parseInput(reportFilterQuerySchema, present, "report filter");
    return { values: { ...values, period: filter.period, scope: filter.scope }, filter, errors: {} };
  } catch (error) {
    if (!isTesseraError(error, "validation_failed")) throw error;
    return { values, filter: null, errors: reportFieldErrors(error.details.issues ?? [], t) };
  }
}

/** The filter as a query string, empty fields left out: for the next page and the export links. */
export function reportFilterQuery(values: ReportFilterForm["values"]): URLSearchParams {
  return new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ""));
}
