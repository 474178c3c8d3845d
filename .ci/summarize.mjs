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
const failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
