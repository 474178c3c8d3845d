import { isTesseraError, type Tessera, type Unit } from "@tessera/core";
import { z } from "zod";
import { onlineSignUpsSource } from "../../reports/online-sign-ups-source";
import { recurringCreditSource } from "../../reports/recurring-credit-source";
import { checkReportRange, reportFilterFieldsSchema } from "../../reports/report-filter-query";
import type { ReportSource } from "../../reports/report-source";
import { resolvedPeriod } from "../../reports/resolved-period";
import { pageQuerySchema } from "../api-pagination";
import { ApiProblem } from "../api-problem";
import { apiRoute } from "../api-route";
import { unitForKey } from "../api-scope";

/** The back office's report filters (the same schema its form reads), with the API's cursor and limit. */
const reportQuerySchema = reportFilterFieldsSchema
  .extend(pageQuerySchema.shape)
  .superRefine(checkReportRange);
type ReportQuery = z.output<typeof reportQuerySchema>;

const money = z.object({ amount: z.number().int(), currency: z.string().length(3) });
const day = z.string().meta({ description: "A calendar day, YYYY-MM-DD, in the unit's timezone." });
const reportPageOf = <T extends z.ZodType>(row: T) =>
  z.object({
    period: z
      .object({ from: day, to: day })
      .meta({ description: "The days the period covered, both included." }),
    data: z.array(row),
    nextCursor: z.string().nullable(),
  });

export const recurringCreditRowView = z.looseObject({
  installmentId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  contractId: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  planName: z.string(),
  sequence: z.number().int(),
  kind: z.string(),
  amount: money,
  dueDate: day,
  status: z.enum(["awaiting", "confirmed", "canceled", "denied"]),
  mode: z.enum(["integrated", "manual"]),
  installmentStatus: z.string(),
  confirmedAt: z.string().nullable(),
  paymentId: z.string().nullable(),
  paymentStatus: z.string().nullable(),
  method: z.string().nullable(),
  gatewayId: z.string().nullable(),
  failureCode: z.string().nullable(),
  failureMessage: z.string().nullable(),
});

export const onlineSignUpRowView = z.looseObject({
  contractId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  customerEmail: z.string(),
  planName: z.string(),
  price: money,
  enrollmentFee: money.nullable(),
  status: z.string(),
  startDate: day,
  createdAt: z.string(),
});

/**
 * One page of a report, read from core's batched iterable (a page more than `limit` rows is
 * never read). What core refuses before the first row — a reversed range, the organization
 * asked by a unit-scoped key, a cursor this API did not give — is a 400 naming the field.
 */
async function reportPage<Row>(
  tessera: Tessera,
  key: Parameters<ReportSource<Row>["rows"]>[1],
  unit: Unit,
  source: ReportSource<Row>,
  query: ReportQuery,
) {
  const { cursor, limit, ...filter } = query;
  let rows: AsyncIterable<Row>;
  try {
    rows = await source.rows(tessera, key, {
      unitId: unit.id,
      filter,
      ...(cursor ? { cursor } : {}),
      batchSize: limit + 1,
    });
  } catch (error) {
    if (!isTesseraError(error, "validation_failed")) throw error;
    throw new ApiProblem("bad_request", "The query is not valid.", error.details.issues ?? []);
  }
  const data: Row[] = [];
  let more = false;
  for await (const row of rows) {
    if (data.length === limit) {
      more = true;
      break;
    }
    data.push(row);
  }
  const last = data.at(-1);
  return {
    period: resolvedPeriod(tessera, unit, filter),
    data,
    nextCursor: more && last ? source.cursorOf(last) : null,
  };
}

const filtersDescription =
  "Filters as the back office's report page takes them: `period` (a preset, or `range` with `from` and `to`), `customer` (an id or a search), `scope=organization` for every unit (organization-wide keys only).";

/** The two reports of the seeds, a page at a time (the back office exports them whole). */
export const reportRoutes = [
  apiRoute({
    method: "get",
    path: "/units/{unit}/reports/recurring-credit",
    operationId: "recurringCreditReport",
    tag: "Reports",
    summary: "The recurring-credit report (installments charged by card or payment link)",
    description: `By due day, then installment. ${filtersDescription} \`status\` and \`mode\` narrow the charges.`,
    params: { unit: "The unit the report is asked from (`unit_…`): its timezone resolves the period." },
    query: reportQuerySchema,
    response: {
      status: 200,
      description: "A page of the report, and the period it covered.",
      schema: { name: "RecurringCreditPage", schema: reportPageOf(recurringCreditRowView) },
    },
    handle: async ({ tessera, key, params, query }) =>
      reportPage(
        tessera,
        key,
        await unitForKey(tessera, key, params["unit"] ?? ""),
        recurringCreditSource,
        query,
      ),
  }),
  apiRoute({
    method: "get",
    path: "/units/{unit}/reports/online-sign-ups",
    operationId: "onlineSignUpsReport",
    tag: "Reports",
    summary: "The online sign-ups report (contracts made at the online checkout)",
    description: `Oldest first, by start date in the period. ${filtersDescription}`,
    params: { unit: "The unit the report is asked from (`unit_…`): its timezone resolves the period." },
    query: reportQuerySchema,
    response: {
      status: 200,
      description: "A page of the report, and the period it covered.",
      schema: { name: "OnlineSignUpsPage", schema: reportPageOf(onlineSignUpRowView) },
    },
    handle: async ({ tessera, key, params, query }) =>
      reportPage(
        tessera,
        key,
        await unitForKey(tessera, key, params["unit"] ?? ""),
        onlineSignUpsSource,
        query,
      ),
  }),
];
