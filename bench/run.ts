/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those whose name contains an
 * argument: `npm run bench -- sales`) one after another, and prints each result as a ratio
 * to its same-run baseline. Timings are never asserted anywhere; this only reports.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Benchmark, BenchResult } from "./bench-result";

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

const format = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3));
const results: BenchResult[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default: Benchmark };
  process.stderr.write(`running ${file} …\n`);
  for (const result of await module.default()) {
    results.push(result);
    const notes = Object.entries(result.notes ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(" ");
    console.log(
      `${result.name}: ratio ${result.ratio.toFixed(3)} (${result.ratioMeaning}) — ` +
        `${format(result.measured.value)} ${result.measured.unit} vs ${result.baseline.name} ` +
        `${format(result.baseline.value)} ${result.baseline.unit}${notes ? ` — ${notes}` : ""}`,
    );
  }
}
if (results.length === 0) {
  console.error(`no benchmark matched ${filters.join(", ") || "bench/*.bench.ts"}`);
  process.exit(1);
}
