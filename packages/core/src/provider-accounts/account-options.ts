import type { FieldIssue } from "../errors/tessera-error";
import { isTesseraError } from "../errors/tessera-error";
import type { GatewayProvider } from "../ports/gateway-provider";
import { invalidFields } from "../validation/invalid-fields";

/** A plain option value, as stored and as shown. */
export type OptionValue = string | number | boolean | null;

const blank = (value: unknown) => value === undefined || value === null || value === "";

/**
 * The settings to keep: `given` checked with the kind's schema, where a secret left out or
 * empty takes its `stored` value (the form never holds secrets, so an untouched field comes
 * back empty). Each problem is a `validation_failed` issue at `options.<field>`.
 */
export function parseAccountOptions(
  provider: GatewayProvider,
  given: Record<string, unknown>,
  stored: Record<string, unknown> | null,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...given };
  for (const field of provider.secretFields) {
    if (blank(merged[field])) {
      if (stored && !blank(stored[field])) merged[field] = stored[field];
      else delete merged[field];
    }
  }
  const parsed = provider.optionsSchema.safeParse(merged);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  throw invalidFields(
    "provider account",
    parsed.error.issues.map((issue) => ({
      path: ["options", ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part))],
      code: issue.code,
      message: issue.message,
    })),
  );
}

/**
 * A `gateway_configuration` error from a provider's `create` (settings its schema could not
 * judge, such as a PEM that does not parse) as the `validation_failed` of the form: its
 * issues under `options.`, or one on `options` itself.
 */
export function optionsRefusal(error: unknown): unknown {
  if (!isTesseraError(error, "gateway_configuration")) return error;
  const issues: FieldIssue[] = (error.details.issues ?? []).map((issue) => ({
    ...issue,
    path: ["options", ...issue.path],
  }));
  return invalidFields(
    "provider account",
    issues.length > 0
      ? issues
      : [{ path: ["options"], code: "gateway_configuration", message: error.message }],
  );
}

/** `••••` and the last four characters of a secret of 12 or more; `••••` alone for a shorter one. */
export function maskSecret(value: string): string {
  return value.length >= 12 ? `••••${value.slice(-4)}` : "••••";
}

/**
 * The settings as they may be shown: each field of the schema, plain values as they are,
 * secrets masked (null when unset); anything that is not a plain value is left out.
 */
export function maskedOptions(
  provider: GatewayProvider,
  options: Record<string, unknown>,
): Record<string, OptionValue> {
  const secrets = new Set<string>(provider.secretFields);
  const shown: Record<string, OptionValue> = {};
  for (const field of Object.keys(provider.optionsSchema.shape)) {
    const value = options[field];
    if (secrets.has(field)) {
      shown[field] = blank(value) ? null : typeof value === "string" ? maskSecret(value) : "••••";
    } else if (value === undefined || value === null) {
      shown[field] = null;
    } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      shown[field] = value;
    }
  }
  return shown;
}
