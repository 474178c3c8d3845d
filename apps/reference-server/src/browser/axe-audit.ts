/**
 * @module axe-core run inside the page the test is on: every page a buyer meets must have no
 * `serious` or `critical` violation (WCAG 2 A/AA and axe's best practices, as axe rates them).
 */
import { createRequire } from "node:module";
import type { AxeResults, Result, RunOptions } from "axe-core";
import type { Page } from "playwright-core";

const axeScript = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The impacts that fail a page. */
const failingImpacts: ReadonlySet<string> = new Set(["serious", "critical"]);

/** One violation as a person fixing the page needs it: the rule, its impact, where, and how. */
export function describeViolation(violation: Result): string {
  const nodes = violation.nodes.map((node) => {
    // The first failed check says what is wrong here (a contrast ratio, a missing name).
    const [check] = [...node.any, ...node.all, ...node.none];
    return `\n      ${node.target.join(" ")}${check ? ` — ${check.message}` : ""}`;
  });
  return `${violation.id} (${violation.impact}): ${violation.help} (${violation.helpUrl})${nodes.join("")}`;
}

/** The page's `serious` and `critical` violations, by axe-core run in the page as it is now. */
export async function seriousViolations(page: Page): Promise<Result[]> {
  await page.addScriptTag({ path: axeScript });
  // `resultTypes`: axe still runs every rule, but details only the violations (its advice for speed).
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(options: RunOptions): Promise<AxeResults> } }).axe.run({
      resultTypes: ["violations"],
    }),
  );
  return results.violations.filter((violation) => failingImpacts.has(violation.impact ?? ""));
}

/** Fails with every `serious` or `critical` violation on the page, each with its rule, impact, target and help. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length === 0) return;
  throw new Error(
    `${page.url()} has ${violations.length} serious or critical accessibility violation(s):\n` +
      violations.map((violation) => `  - ${describeViolation(violation)}`).join("\n"),
  );
}
