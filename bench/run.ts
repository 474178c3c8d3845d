/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those whose name contains an
 * argument: `npm run bench -- sales`) one after another, and prints each result as a ratio
 * to its same-run baseline. `--details` also prints each result's evidence (the statements
 * of one sale). Timings are never asserted anywhere; this only reports.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Benchmark, BenchResult, BenchSkip } from "./bench-result";

const here = dirname(fileURLToPath(import.meta.url));
const flags = process.argv.slice(2).filter((a) => a.startsWith("--"));
const filters = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const details = flags.includes("--details");
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

const format = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3));
function print(result: BenchResult | BenchSkip): void {
  if ("skipped" in result) {
    console.log(`${result.name}: skipped — ${result.skipped}`);
    return;
  }
  const notes = Object.entries(result.notes ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  console.log(
    `${result.name}: ratio ${result.ratio.toFixed(3)} (${result.ratioMeaning}) — ` +
      `${format(result.measured.value)} ${result.measured.unit} vs ${result.baseline.name} ` +
      `${format(result.baseline.value)} ${result.baseline.unit}${notes ? ` — ${notes}` : ""}`,
  );
  if (details) for (const line of result.details ?? []) console.log(`    ${line}`);
}

if (files.length === 0) {
  console.error(`no benchmark matched ${filters.join(", ") || "bench/*.bench.ts"}`);
  process.exit(1);
}
for (const file of files) {
  process.stderr.write(`running ${file} …\n`);
  try {
    const module = (await import(pathToFileURL(join(here, file)).href)) as { default: Benchmark };
    for (const result of await module.default()) print(result);
  } catch (error) {
    // One broken benchmark (the code under it mid-change) still lets the others report.
    console.error(`${file} failed:`, error);
    process.exitCode = 1;
  }
}
