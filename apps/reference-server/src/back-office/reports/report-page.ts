import { operationModes, recurringCreditStatuses, reportPeriodPresets, type Tessera } from "@tessera/core";
import type { Context } from "hono";
import type { MessageKey } from "../../i18n/message-catalog";
import { formatDay } from "../../pages/date-display";
import { resolvedPeriod } from "../../reports/resolved-period";
import type { ViewRenderer } from "../../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "../back-office-env";
import { backOfficePageData } from "../back-office-page";
import { unitInScope } from "../unit-in-scope";
import type { BackOfficeReport } from "./back-office-report";
import { exportFormats } from "./export-formats";
import { openReport } from "./open-report";
import { readableCellText } from "./readable-cell";
import { reportFilterQuery } from "./report-filter-form";

/** Rows the page shows at a time; the exports hold every row. */
export const reportPageSize = 50;

/**
 * GET /admin/u/:unit/reports/<report> — the filter form (period preset or range, and the
 * report's own filters; the whole organization only for a member scoped to it), the first
 * rows with a next-page link, and the export links for every row. A filter that is wrong is
 * shown beside its field (422) and nothing is read.
 */
export function reportPage<Row>(
  deps: { tessera: Tessera; views: ViewRenderer },
  report: BackOfficeReport<Row>,
) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const locale = c.get("locale");
    const { staff } = signedInStaff(c);
    const unit = await unitInScope(deps.tessera, staff, c.req.param("unit") ?? "");
    const opened = await openReport(deps, report, {
      staff,
      unit,
      query: c.req.query(),
      t,
      batchSize: reportPageSize + 1,
    });
    const rows: Row[] = [];
    let more = false;
    if (opened.rows) {
      for await (const row of opened.rows) {
        if (rows.length === reportPageSize) {
          more = true;
          break;
        }
        rows.push(row);
      }
    }
    const { form } = opened;
    const base = `/admin/u/${unit.slug}/reports/${report.source.kind}`;
    const query = reportFilterQuery(form.values);
    const last = rows.at(-1);
    const period = form.filter ? resolvedPeriod(deps.tessera, unit, form.filter) : null;
    const columns = report.columns.filter((column) => column.pdfWidth !== null);
    const option = (prefix: string, list: readonly string[]) =>
      list.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
    const hasErrors = Object.keys(form.errors).length > 0;
    c.status(hasErrors ? 422 : 200);
    return c.html(
      deps.views.render("admin-report", {
        ...backOfficePageData(c, t("admin.reports.pageTitle", { report: t(report.title), unit: unit.name })),
        unitNav: { slug: unit.slug },
        heading: t(report.title),
        description: t(report.description),
        unitName: unit.name,
        action: base,
        values: form.values,
        errors: form.errors,
        hasErrors,
        filters: {
          ...report.filters,
          organization: staff.scope.kind === "organization",
        },
        options: {
          period: option("admin.reports.period", [...reportPeriodPresets, "range"]),
          status: option("admin.reports.status", recurringCreditStatuses),
          mode: option("admin.settings.mode", operationModes),
          scope: option("admin.reports.scope", ["unit", "organization"]),
        },
        periodShown: period
          ? t("admin.reports.periodShown", {
              from: formatDay(period.from, locale),
              to: formatDay(period.to, locale),
            })
          : "",
        headers: columns.map((column) => t(column.header)),
        rows: rows.map((row) =>
          columns.map((column) => {
            const cell = column.cell(row, t);
            return {
              text: readableCellText(cell, locale),
              numeric: cell.kind === "money" || cell.kind === "count",
            };
          }),
        ),
        shown: !hasErrors,
        pageSize: reportPageSize,
        exports: hasErrors
          ? []
          : (Object.keys(exportFormats) as (keyof typeof exportFormats)[]).map((format) => ({
              href: `${base}/export?${new URLSearchParams([...query, ["format", format]])}`,
              label: t(`admin.reports.export.${format}` as MessageKey),
            })),
        nextHref:
          more && last
            ? `${base}?${new URLSearchParams([...query, ["cursor", report.source.cursorOf(last)]])}`
            : null,
      }),
    );
  };
}
