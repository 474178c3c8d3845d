import { PassThrough } from "node:stream";
import { addToReportTotals, emptyReportTotals, formatMoney, type Money } from "@tessera/core";
import PDFDocument from "pdfkit";
import type { MessageKey } from "../../i18n/message-catalog";
import { pdfFonts } from "./pdf-font";
import { readableBody } from "./readable-body";
import { readableCellText } from "./readable-cell";
import type { ReportDocument } from "./report-document";
import { drained } from "./writable-drain";

const margin = 30;
const rowHeight = 14;
const fontSize = 8;

type Pdf = InstanceType<typeof PDFDocument>;

async function writePdf<Row>(document: ReportDocument<Row>, pdf: Pdf, output: PassThrough): Promise<void> {
  const { report, t, locale } = document;
  const fonts = pdfFonts();
  pdf.registerFont("body", fonts.regular);
  pdf.registerFont("body-bold", fonts.bold);
  const regular = "body";
  const bold = "body-bold";
  const columns = report.columns.filter((column) => column.pdfWidth !== null);
  const bottom = pdf.page.height - margin;
  const right = pdf.page.width - margin;

  let y = margin;
  pdf
    .font(bold)
    .fontSize(14)
    .text(document.title, margin, y, { width: right - margin });
  y = pdf.y + 2;
  pdf.font(regular).fontSize(9);
  for (const line of document.subtitle) {
    pdf.text(line, margin, y, { width: right - margin });
    y = pdf.y;
  }
  y += 8;

  const tableHeader = () => {
    pdf.font(bold).fontSize(fontSize);
    let x = margin;
    for (const column of columns) {
      pdf.text(t(column.header), x, y, {
        width: (column.pdfWidth ?? 0) - 4,
        height: rowHeight * 2,
        ellipsis: true,
      });
      x += column.pdfWidth ?? 0;
    }
    y += rowHeight * 2;
    pdf
      .moveTo(margin, y - 3)
      .lineTo(right, y - 3)
      .lineWidth(0.5)
      .stroke();
    pdf.font(regular).fontSize(fontSize);
  };
  const room = (lines: number) => {
    if (y + rowHeight * lines <= bottom) return;
    pdf.addPage();
    y = margin;
    tableHeader();
  };

  tableHeader();
  const totals = emptyReportTotals<MessageKey>();
  for await (const batch of document.batches) {
    for (const row of batch) {
      room(1);
      let x = margin;
      for (const column of columns) {
        const cell = column.cell(row, t);
        const numeric = cell.kind === "money" || cell.kind === "count";
        pdf.text(readableCellText(cell, locale), x, y, {
          width: (column.pdfWidth ?? 0) - 4,
          height: rowHeight,
          ellipsis: true,
          align: numeric ? "right" : "left",
        });
        x += column.pdfWidth ?? 0;
      }
      y += rowHeight;
      const { group, money } = report.total(row);
      addToReportTotals(totals, group, money);
    }
    await drained(output);
    if (output.destroyed) return;
  }

  // The totals: every row, then each status (BEMP's report sums what each status holds).
  const amounts = (list: Money[]) => list.map((money) => formatMoney(money, locale)).join(" + ");
  const groups = Object.entries(totals.byGroup) as [MessageKey, { rows: number; amounts: Money[] }][];
  room(3 + groups.length);
  y += rowHeight / 2;
  pdf.font(bold).fontSize(10).text(t("admin.reports.document.totals"), margin, y);
  y += rowHeight + 2;
  pdf.fontSize(fontSize);
  const totalLine = (label: string, rows: number, list: Money[]) => {
    const text = `${label}: ${t("admin.reports.document.rows", { count: rows })}${list.length > 0 ? ` · ${amounts(list)}` : ""}`;
    pdf.text(text, margin, y, { width: right - margin, height: rowHeight, ellipsis: true });
    y += rowHeight;
  };
  totalLine(t("admin.reports.document.total"), totals.rows, totals.amounts);
  pdf.font(regular);
  for (const [group, entry] of groups) totalLine(t(group), entry.rows, entry.amounts);
  pdf.end();
}

/**
 * The report as a PDF (pdfkit, landscape A4): its title, the units and the period, a table
 * whose header repeats on each page, amounts in their currency as the locale writes money,
 * and the totals. Each batch waits until the response has taken the bytes before the next is
 * read; the document's bytes go straight on (never kept whole).
 */
export function pdfExport<Row>(document: ReportDocument<Row>): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const pdf = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin,
    info: { Title: document.title, Creator: "Tessera" },
  });
  pdf.on("data", (chunk: Buffer) => output.write(chunk));
  pdf.on("end", () => output.end());
  writePdf(document, pdf, output).catch((error: unknown) => output.destroy(error as Error));
  return readableBody(output);
}
