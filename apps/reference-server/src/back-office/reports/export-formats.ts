import { csvExport } from "./csv-export";
import { pdfExport } from "./pdf-export";
import type { ReportDocument } from "./report-document";
import { xlsxExport } from "./xlsx-export";

/** The files a report exports to, each with its media type and its writer. */
export const exportFormats = {
  csv: { contentType: "text/csv; charset=utf-8", write: csvExport },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    write: xlsxExport,
  },
  pdf: { contentType: "application/pdf", write: pdfExport },
} satisfies Record<
  string,
  { contentType: string; write: <Row>(document: ReportDocument<Row>) => ReadableStream<Uint8Array> }
>;

export type ExportFormat = keyof typeof exportFormats;

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && Object.hasOwn(exportFormats, value);
}
