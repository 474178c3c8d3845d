import { TesseraError } from "./tessera-error";

/**
 * The error a kernel function (money, dates, instants, timezones) throws for an argument
 * outside its domain — an amount past `Number.MAX_SAFE_INTEGER`, `addDays(date, 1.5)`, an
 * unknown locale or timezone: `validation_failed`, with one issue whose path starts with the
 * argument's name (`["b", "amount"]`), the way `parseInput` names a field — never a bare
 * `RangeError` from `Date`, `Intl` or `BigInt`. `got` is the value received, shown in the
 * message (never in the issue, which a form shows beside the field).
 */
export function argumentError(
  fn: string,
  path: string | (string | number)[],
  code: string,
  message: string,
  options: { got?: unknown; cause?: unknown } = {},
): TesseraError {
  const issuePath = typeof path === "string" ? [path] : path;
  const got = "got" in options ? `, got ${shown(options.got)}` : "";
  return new TesseraError("validation_failed", `${fn}(): ${issuePath.join(".")} ${message}${got}.`, {
    details: { issues: [{ path: issuePath, code, message }] },
    cause: options.cause,
  });
}

/** A value for a message, whatever it is: no `String(value)`, which throws for a symbol. */
function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return `${value}`;
  if (value === null || value === undefined) return `${value}`;
  if (value instanceof Date) return "a Date";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}
