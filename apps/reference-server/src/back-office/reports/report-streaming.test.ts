import {
  addDays,
  type CalendarDate,
  createIdGenerator,
  createTessera,
  type Installment,
  type Storage,
} from "@tessera/core";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppEnv } from "../../http/app-env";
import { createApp } from "../../http/create-app";
import { signInAs } from "../../http/staff-session";
import { type ComposedTestServer, composedTestServer, testBuyer } from "../../http/test-app";
import { parseCsv, pdfText, readXlsx } from "./export-readers";
import { exportBatchSize } from "./report-batches";
import { reportPageSize } from "./report-page";
import { cardSale } from "./report-test-sales";

/**
 * A report of 10,000 rows — more than three of the exports' 3,000-row batches — written
 * straight to the storage, exported through an app whose storage counts what each report
 * read returned. The proof of streaming is the order of events, never the time taken: the
 * response's first rows arrive while core has read one batch of four.
 */

const rowCount = 10_000;
const period = "period=range&from=2025-01-01&to=2025-12-31";
const base = "/admin/u/aurora-centro/reports/recurring-credit";

let server: ComposedTestServer;
let app: Hono<AppEnv>;
let made: Installment[];
const reads: number[] = [];

beforeAll(async () => {
  server = await composedTestServer();
  const sale = await cardSale(server, {
    plan: "Mensal",
    buyer: testBuyer,
    card: "approvedVisa",
    key: "bulk-report",
  });
  if (sale.status !== "succeeded") throw new Error(`the sale answered ${sale.status}`);
  const template = sale.installments.at(-1)!;
  const ids = createIdGenerator();
  made = Array.from({ length: rowCount }, (_, index) => ({
    ...template,
    id: ids("installment"),
    sequence: index + 2,
    // Over the days of 2025, many rows a day: the keyset must part rows of one day between batches.
    dueDate: addDays("2025-01-01" as CalendarDate, index % 365),
  }));
  for (let start = 0; start < rowCount; start += 1000) {
    const part = made.slice(start, start + 1000);
    await server.storage.installments.insertMany(part);
    await server.storage.payments.insert({
      ...sale.payment,
      id: ids("payment"),
      idempotencyKey: `bulk-report-${start}`,
      installmentIds: part.map((installment) => installment.id),
    });
  }
  made.sort((a, b) => (a.dueDate === b.dueDate ? (a.id < b.id ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1));

  const storage = server.storage;
  const counting = new Proxy(storage, {
    get(target, key) {
      if (key !== "reports") return Reflect.get(target, key);
      return {
        ...target.reports,
        async recurringCreditBatch(query: Parameters<Storage["reports"]["recurringCreditBatch"]>[0]) {
          const batch = await target.reports.recurringCreditBatch(query);
          reads.push(batch.length);
          return batch;
        },
      };
    },
  });
  const tessera = createTessera({ storage: counting, clock: server.clock, gateways: [server.sandbox] });
  app = createApp({ tessera, config: server.config, logger: server.log.logger, serverKey: server.serverKey });
});

afterAll(async () => {
  await server?.cleanup();
});

const signedIn = () => signInAs(app, server.demoOwner.email, server.demoOwner.password);

describe("a report larger than three export batches", () => {
  it("streams the CSV: the first rows leave before the second batch is read, and every row comes once, in order", async () => {
    const { jar } = await signedIn();
    reads.length = 0;
    const response = await app.request(`${base}/export?format=csv&${period}`, {
      headers: { cookie: jar.header() },
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const header = await reader.read();
    expect(reads, "nothing is read before the client asks").toEqual([]);
    const first = await reader.read();
    expect(reads, "one batch read for the first rows").toEqual([exportBatchSize]);
    let text = decoder.decode(header.value, { stream: true }) + decoder.decode(first.value, { stream: true });
    expect(text.split("\r\n").length - 2).toBe(exportBatchSize);
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      text += decoder.decode(next.value, { stream: true });
    }
    expect(reads).toEqual([
      exportBatchSize,
      exportBatchSize,
      exportBatchSize,
      rowCount - 3 * exportBatchSize,
    ]);
    const { rows } = parseCsv(text);
    expect(rows).toHaveLength(rowCount + 1);
    expect(rows.slice(1).map((row) => `${row[0]} ${row[3]}`)).toEqual(
      made.map((installment) => `${installment.dueDate} ${installment.sequence}`),
    );
  });

  it("writes the XLSX batch by batch and it parses back with every row", async () => {
    const { jar } = await signedIn();
    reads.length = 0;
    const response = await app.request(`${base}/export?format=xlsx&${period}`, {
      headers: { cookie: jar.header() },
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    const first = await reader.read();
    chunks.push(first.value!);
    expect(reads.length, "the workbook's first bytes leave before the last batch is read").toBeLessThan(4);
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      chunks.push(next.value);
    }
    expect(reads).toEqual([
      exportBatchSize,
      exportBatchSize,
      exportBatchSize,
      rowCount - 3 * exportBatchSize,
    ]);
    const sheet = await readXlsx(Buffer.concat(chunks));
    expect(sheet.rows).toHaveLength(rowCount + 1);
    expect(sheet.rows.slice(1).map((row) => row[3])).toEqual(made.map((installment) => installment.sequence));
  });

  it("prints the PDF batch by batch, its first bytes before the last batch is read, every row in it", async () => {
    const { jar } = await signedIn();
    reads.length = 0;
    const response = await app.request(`${base}/export?format=pdf&${period}`, {
      headers: { cookie: jar.header() },
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    chunks.push((await reader.read()).value!);
    expect(reads.length, "the document's first bytes leave before the last batch is read").toBeLessThan(4);
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      chunks.push(next.value);
    }
    expect(reads).toEqual([
      exportBatchSize,
      exportBatchSize,
      exportBatchSize,
      rowCount - 3 * exportBatchSize,
    ]);
    const pages = await pdfText(Buffer.concat(chunks));
    expect(pages.length).toBeGreaterThan(200);
    expect(pages.at(-1)).toContain(`Total: ${rowCount} registros · R$ 500.000,00`);
  });

  it("shows the first rows on the page with a next page that starts right after them", async () => {
    const { get } = await signedIn();
    const sequences = async (url: string) => {
      const response = await get(url);
      expect(response.status).toBe(200);
      const html = await response.text();
      const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
      const next = /<a href="([^"]+)" rel="next">/.exec(html)?.[1]?.replaceAll("&amp;", "&") ?? null;
      const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => {
        const cells = [...row[1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((cell) => cell[1]);
        return Number(cells[3]);
      });
      return { rows, next };
    };
    const first = await sequences(`${base}?${period}`);
    expect(first.rows).toEqual(made.slice(0, reportPageSize).map((installment) => installment.sequence));
    expect(first.next).not.toBeNull();
    const second = await sequences(first.next!);
    expect(second.rows).toEqual(
      made.slice(reportPageSize, 2 * reportPageSize).map((installment) => installment.sequence),
    );
  });
});
