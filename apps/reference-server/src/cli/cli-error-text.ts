import { isTesseraError } from "@tessera/core";

/**
 * What the CLI prints when a command fails. A `TesseraError` is a problem the operator can
 * fix: its message, which ends by pointing at `details`, then those details — one line per
 * issue, naming the variable, file field or path to fix — and no stack. Anything else is a
 * bug to report, printed with its stack.
 *
 * @example
 * ```text
 * Invalid configuration: TESSERA_PORT: must be a number (got "eighty"). Fix the configuration value named in `details`.
 * details:
 *   TESSERA_PORT: must be a number (got "eighty")
 * ```
 */
export function cliErrorText(error: unknown): string {
  if (!isTesseraError(error)) {
    return `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
  }
  const lines = [error.message];
  const issues = error.details.issues ?? [];
  if (issues.length > 0) {
    lines.push("details:");
    for (const issue of issues) {
      const where = issue.path.length > 0 ? issue.path.join(".") : "(the configuration as a whole)";
      lines.push(`  ${where}: ${issue.message}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
