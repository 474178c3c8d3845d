import {
  calendarDateSchema,
  compareDates,
  isId,
  operationModes,
  type ReportPeriod,
  recurringCreditStatuses,
  reportPeriodPresets,
} from "@tessera/core";
import { z } from "zod";

/** A select's value, or "" for "any" (what a form's first option sends). */
const anyOr = <T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z
    .union([z.enum(values), z.literal("")])
    .optional()
    .meta({ description });

const day = (description: string) =>
  z
    .union([calendarDateSchema, z.literal("")])
    .optional()
    .meta({ description });

/**
 * The reports' filters as a query string carries them — the back office's filter form (a GET
 * form) and `GET /api/v1/units/{unit}/reports/…` read the same fields with this one schema.
 * `period` is a preset, or `range` with `from` and `to` (both days included, in the unit's
 * timezone). `customer` is a customer's id (`cus_…`) or a search by name, document or phone.
 * `status` and `mode` apply to the recurring-credit report; the online sign-ups report has
 * neither and ignores them. The fields alone (`reportFilterFieldsSchema`) are for a query that
 * adds its own (the API's cursor and limit), checked with `checkReportRange` as here.
 */
export const reportFilterFieldsSchema = z.object({
  period: z
    .enum([...reportPeriodPresets, "range"])
    .default("this_month")
    .meta({ description: "A preset, or `range` with `from` and `to`." }),
  from: day("First day of a `range` (YYYY-MM-DD), included."),
  to: day("Last day of a `range` (YYYY-MM-DD), included."),
  status: anyOr(recurringCreditStatuses, "Recurring credit only: the charge's status (BEMP's four)."),
  mode: anyOr(operationModes, "Recurring credit only: the payment method's operation mode."),
  customer: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: "A customer's id (`cus_…`), or a search by name, document or phone." }),
  scope: z
    .enum(["unit", "organization"])
    .default("unit")
    .meta({ description: "`organization`: every unit of the organization (organization-wide access only)." }),
});

/** A `range` needs both days, the last not before the first; each refusal names its field. */
export function checkReportRange(
  query: { period: string; from?: string | undefined; to?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (query.period !== "range") return;
  const issue = (field: "from" | "to", code: string, message: string) =>
    ctx.addIssue({ code: "custom", path: [field], message, params: { code } });
  if (!query.from) issue("from", "required", "is required for a range");
  if (!query.to) issue("to", "required", "is required for a range");
  if (query.from && query.to && compareDates(query.from, query.to) > 0)
    issue("to", "range_reversed", "must not end before it starts");
}

export const reportFilterQuerySchema = reportFilterFieldsSchema.superRefine(checkReportRange);

export type ReportFilter = z.output<typeof reportFilterQuerySchema>;

/** The filter's period as core takes it (`ReportPeriod`): a preset, or the range's two days. */
export function reportPeriodOf(filter: ReportFilter): ReportPeriod {
  return filter.period === "range"
    ? { from: filter.from ?? "", to: filter.to ?? "" }
    : { preset: filter.period };
}

/** What every report's core input shares, from the filter: the unit asked from, scope, period, customer. */
export function reportInputBase(filter: ReportFilter, unitId: string) {
  const period = reportPeriodOf(filter);
  const customer = filter.customer ?? "";
  return {
    unitId,
    scope: filter.scope,
    period,
    ...(isId("customer", customer) ? { customerId: customer } : customer ? { customerSearch: customer } : {}),
  };
}
