/**
 * One process of the billing memory benchmark (`billing.bench.ts` starts it with
 * `node --conditions=@tessera/source --import tsx`): opens the SQLite file the parent
 * seeded, with the keepless provider and a clock on the due day, and either bills
 * (`mode: "bill"`, at most `maxClaims` installments) or only opens the storage and reads one
 * row (`mode: "idle"`, the baseline). Prints one JSON line: its peak RSS (in kB, for the
 * whole life of the process), the installments claimed and the run's milliseconds.
 *
 * The peak is Linux's `VmHWM` (/proc/self/status), this process's own high-water mark, and
 * `maxRSS` only where there is no /proc: `getrusage` keeps its `maxRSS` across the
 * fork and exec that start a child, so a child reports at least its parent's RSS at the
 * spawn — the parent here seeded the file and held far more than the run does.
 */
import { readFileSync } from "node:fs";
import { createTessera, type Instant } from "@tessera/core";
import { createSqliteStorage } from "@tessera/storage-sqlite";
import { keeplessCardProvider } from "./keepless-provider";

const settings = JSON.parse(process.argv[2] ?? "{}") as {
  file: string;
  mode: "bill" | "idle";
  dueAt: Instant;
  maxClaims?: number;
};
const started = Date.now();
const clock = {
  now: () => new Date(Date.parse(settings.dueAt) + (Date.now() - started)).toISOString() as Instant,
};
const storage = await createSqliteStorage({ filename: settings.file });
const tessera = createTessera({ storage, clock, gateways: [keeplessCardProvider(clock)] });
let claimed = 0;
let paid = 0;
const runStart = performance.now();
if (settings.mode === "bill") {
  const report = await tessera.billing.run({
    batchSize: 200,
    concurrency: 4,
    ...(settings.maxClaims !== undefined ? { maxClaims: settings.maxClaims } : {}),
  });
  claimed = report.claimed;
  paid = report.outcomes.paid;
} else {
  await tessera.ping();
}
const ms = performance.now() - runStart;
await storage.close();
process.stdout.write(`${JSON.stringify({ maxRssKb: peakRssKb(), claimed, paid, ms })}\n`);

/** This process's own peak RSS in kB (see the header). */
function peakRssKb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]);
  } catch {
    // No /proc (not Linux): getrusage's figure, which may include the parent's.
  }
  return process.resourceUsage().maxRSS;
}
