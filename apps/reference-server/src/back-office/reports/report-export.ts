import type { Tessera } from "@tessera/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { formatDay, formatMoment } from "../../pages/date-display";
import { resolvedPeriod } from "../../reports/resolved-period";
import { type BackOfficeEnv, signedInStaff } from "../back-office-env";
import { recordStaffAction } from "../staff/staff-audit";
import { unitInScope } from "../unit-in-scope";
import type { BackOfficeReport } from "./back-office-report";
import { exportFormats, isExportFormat } from "./export-formats";
import { openReport } from "./open-report";
import { exportBatchSize, inBatches } from "./report-batches";
import { reportFilterQuery } from "./report-filter-form";

/**
 * GET /admin/u/:unit/reports/<report>/export?format=csv|xlsx|pdf&… — every row of the report
 * for the filter, as a download (`Content-Disposition: attachment`, named after the report, the
 * units and the period), streamed: core reads 3,000 rows at a time and the writer asks for the
 * next batch only once the client has taken the bytes of the last. A filter the form would
 * refuse sends back to the page, which shows why; the export is recorded in the audit log
 * before the first byte.
 */
export function reportExport<Row>(deps: { tessera: Tessera }, report: BackOfficeReport<Row>) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const locale = c.get("locale");
    const { staff } = signedInStaff(c);
    const unit = await unitInScope(deps.tessera, staff, c.req.param("unit") ?? "");
    const format = c.req.query("format");
    if (!isExportFormat(format)) throw new HTTPException(404, { message: "no such export format" });
    const query = c.req.query();
    const { cursor: _page, ...whole } = query;
    const opened = await openReport(deps, report, {
      staff,
      unit,
      query: whole,
      t,
      batchSize: exportBatchSize,
    });
    const page = `/admin/u/${unit.slug}/reports/${report.source.kind}`;
    if (!opened.rows || !opened.form.filter)
      return c.redirect(`${page}?${reportFilterQuery(opened.form.values)}`, 303);
    const filter = opened.form.filter;
    const { from, to } = resolvedPeriod(deps.tessera, unit, filter);
    await recordStaffAction(
      c,
      deps.tessera,
      "report.exported",
      { kind: "unit", id: unit.id },
      {
        report: report.source.kind,
        format,
        scope: filter.scope,
        periodFrom: from,
        periodTo: to,
        status: filter.status || null,
        mode: filter.mode || null,
        customerFiltered: Boolean(filter.customer),
      },
    );
    const title = t(report.title);
    const body = exportFormats[format].write({
      report,
      batches: inBatches(opened.rows, exportBatchSize),
      t,
      locale,
      title,
      subtitle: [
        filter.scope === "organization"
          ? t("admin.reports.document.organization")
          : t("admin.reports.document.unit", { name: unit.name }),
        t("admin.reports.periodShown", { from: formatDay(from, locale), to: formatDay(to, locale) }),
        t("admin.reports.document.generated", {
          moment: formatMoment(deps.tessera.clock.now(), locale, unit.timeZone),
        }),
      ],
    });
    const where = filter.scope === "organization" ? "organization" : unit.slug;
    const fileName = `${report.source.kind}_${where}_${from}_${to}.${format}`;
    return c.body(body, 200, {
      "content-type": exportFormats[format].contentType,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
  };
}
