import { PassThrough } from "node:stream";
import { minorUnitDigits } from "@tessera/core";
import ExcelJS from "exceljs";
import { readableBody } from "./readable-body";
import { decimalOf, type ReportCell } from "./report-cell";
import type { ReportDocument } from "./report-document";
import { drained } from "./writable-drain";

/** Excel's sheet names: at most 31 characters, none of `[ ] : * ? / \`. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Report";
}

/** A cell's value in the sheet: amounts and counts as numbers, days as dates, text as text (never a formula). */
function xlsxValue(cell: ReportCell): string | number | Date | null {
  switch (cell.kind) {
    case "text":
      return cell.text;
    case "money":
      return Number(decimalOf(cell.money));
    case "day":
      return new Date(`${cell.day}T00:00:00.000Z`);
    case "count":
      return cell.value;
    case "empty":
      return null;
  }
}

/** The number format that shows a cell as it is: the currency's decimals, a day as `yyyy-mm-dd`. */
function xlsxFormat(cell: ReportCell): string | null {
  if (cell.kind === "money") {
    const digits = minorUnitDigits(cell.money.currency);
    return digits === 0 ? "#,##0" : `#,##0.${"0".repeat(digits)}`;
  }
  return cell.kind === "day" ? "yyyy-mm-dd" : null;
}

async function writeWorkbook<Row>(document: ReportDocument<Row>, output: PassThrough): Promise<void> {
  const { report, t } = document;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Tessera";
  const sheet = workbook.addWorksheet(sheetName(document.title), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = report.columns.map((column) => ({
    width: Math.max(10, Math.round((column.pdfWidth ?? 50) / 5)),
  }));
  const header = sheet.addRow(report.columns.map((column) => t(column.header)));
  header.font = { bold: true };
  header.commit();
  for await (const batch of document.batches) {
    for (const row of batch) {
      const cells = report.columns.map((column) => column.cell(row, t));
      const line = sheet.addRow(cells.map(xlsxValue));
      cells.forEach((cell, index) => {
        const format = xlsxFormat(cell);
        if (format) line.getCell(index + 1).numFmt = format;
      });
      line.commit();
    }
    await drained(output);
    // The download was stopped: read no further batch.
    if (output.destroyed) return;
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * The report as an Excel workbook, written by exceljs's streaming writer: each row is
 * committed (written out and forgotten) as it comes, each batch waits until the response has
 * taken the bytes before the next is read. Row 1 holds the translated headers; amounts are
 * numbers in the currency's decimals, days are dates.
 */
export function xlsxExport<Row>(document: ReportDocument<Row>): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  writeWorkbook(document, output).catch((error: unknown) => output.destroy(error as Error));
  return readableBody(output);
}
