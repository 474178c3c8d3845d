import { isTesseraError, type StaffMember, type Tessera, type Unit } from "@tessera/core";
import type { Translate } from "../../i18n/translator";
import type { BackOfficeReport } from "./back-office-report";
import { type ReportFilterForm, readReportFilterForm, reportFieldErrors } from "./report-filter-form";

/** A report opened for a page or an export: the form as read, and the rows (null when the form is wrong). */
export interface OpenedReport<Row> {
  form: ReportFilterForm;
  rows: AsyncIterable<Row> | null;
}

/**
 * Reads the filter form and asks core for the rows. What core refuses before the first row —
 * the organization asked by a unit-scoped member, a reversed range — becomes the form's field
 * errors like the form's own; a cursor this server did not hand out starts from the first row.
 */
export async function openReport<Row>(
  deps: { tessera: Tessera },
  report: BackOfficeReport<Row>,
  request: {
    staff: StaffMember;
    unit: Unit;
    query: Record<string, string>;
    t: Translate;
    batchSize?: number;
  },
): Promise<OpenedReport<Row>> {
  const form = readReportFilterForm(request.query, request.t);
  if (!form.filter) return { form, rows: null };
  const cursor = request.query["cursor"];
  const read = (from: string | undefined) =>
    report.source.rows(deps.tessera, request.staff, {
      unitId: request.unit.id,
      filter: form.filter!,
      ...(from ? { cursor: from } : {}),
      ...(request.batchSize ? { batchSize: request.batchSize } : {}),
    });
  try {
    return { form, rows: await read(cursor) };
  } catch (error) {
    if (!isTesseraError(error, "validation_failed")) throw error;
    const errors = reportFieldErrors(error.details.issues ?? [], request.t);
    if (Object.keys(errors).length === 0 && cursor) return { form, rows: await read(undefined) };
    return { form: { ...form, filter: null, errors: { ...form.errors, ...errors } }, rows: null };
  }
}
