// Prints vitest's totals as the plain line CI reads: "N passed, N failed".
// Exits non-zero when the report is missing or ran no test.
import { existsSync, readFileSync } from "node:fs";

const file = process.argv[2] ?? ".ci/vitest-report.json";
if (!existsSync(file)) {
  console.log("0 passed, 1 failed");
  console.error(`no vitest report at ${file}: the test run did not finish`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, "utf8"));
const passed = report.numPassedTests ?? 0;
// A file that failed without any failed test (it did not load, or a hook threw) counts once.
const brokenFiles = (report.testResults ?? []).filter(
  (file) =>
    file.status === "failed" && !(file.assertionResults ?? []).some((test) => test.status === "failed"),
).length;
const failed = (report.numFailedTests ?? 0) + brokenFiles;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// Skips (each with its reason in the suite) on a line of their own, so the last line stays plain.
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
