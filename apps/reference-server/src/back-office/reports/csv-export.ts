import { csvCell, csvField } from "./csv-cell";
import type { ReportDocument } from "./report-document";

const encoder = new TextEncoder();

/**
 * The report as CSV (RFC 4180, CRLF lines, UTF-8 with a BOM so Excel reads the accents), as a
 * stream that reads the next batch only when the response asks for more bytes: the header
 * line first, then one chunk per batch. Cancelled (the download stopped), it stops reading.
 */
export function csvExport<Row>(document: ReportDocument<Row>): ReadableStream<Uint8Array> {
  const { report, t } = document;
  const batches = document.batches[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          const header = report.columns.map((column) => csvField(t(column.header))).join(",");
          controller.enqueue(encoder.encode(`\uFEFF${header}\r\n`));
          return;
        }
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        const lines = next.value.map(
          (row) => `${report.columns.map((column) => csvCell(column.cell(row, t))).join(",")}\r\n`,
        );
        controller.enqueue(encoder.encode(lines.join("")));
      },
      async cancel() {
        await batches.return?.(undefined);
      },
    },
    // Nothing is read ahead of the reader: each pull is one batch it asked for.
    { highWaterMark: 0 },
  );
}
