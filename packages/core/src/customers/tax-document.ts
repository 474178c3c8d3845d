import { z } from "zod";
import { TesseraError } from "../errors/tessera-error";

/**
 * A buyer's identity document. Brazilian CPF (11 digits) and CNPJ (14 digits) are kept as
 * digits only and must pass their check digits; other countries' ids are free text.
 */
export type TaxDocument =
  | { kind: "cpf"; value: string }
  | { kind: "cnpj"; value: string }
  | { kind: "foreign"; value: string; country?: string };

function checkDigit(digits: number[], weights: number[]): number {
  const sum = digits.reduce((s, d, i) => s + d * (weights[i] ?? 0), 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/**
 * True for a CPF (digits only or punctuated) whose two check digits are right; false for
 * anything else, a number included (`52998224725` as a number has lost the leading zeros a
 * CPF can have, so it is never read as one).
 */
export function isValidCpf(input: string): boolean {
  if (typeof input !== "string") return false;
  const digits = input.replace(/[.\-\s]/g, "");
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const n = [...digits].map(Number);
  const first = checkDigit(n.slice(0, 9), [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = checkDigit(n.slice(0, 10), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return n[9] === first && n[10] === second;
}

/** True for a CNPJ (digits only or punctuated) whose two check digits are right; false for a non-string. */
export function isValidCnpj(input: string): boolean {
  if (typeof input !== "string") return false;
  const digits = input.replace(/[.\-/\s]/g, "");
  if (!/^\d{14}$/.test(digits) || /^(\d)\1{13}$/.test(digits)) return false;
  const n = [...digits].map(Number);
  const first = checkDigit(n.slice(0, 12), [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = checkDigit(n.slice(0, 13), [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return n[12] === first && n[13] === second;
}

/**
 * Parses a document as typed by a person: punctuation is dropped for CPF/CNPJ; the check
 * digits must be right. `{ kind: "cpf", value: "529.982.247-25" }` → `{ kind: "cpf", value: "52998224725" }`.
 */
export const taxDocumentSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("cpf"),
    value: z
      .string()
      .trim()
      .refine(isValidCpf, { message: "is not a valid CPF", params: { code: "invalid_document" } })
      .transform((v) => v.replace(/\D/g, "")),
  }),
  z.object({
    kind: z.literal("cnpj"),
    value: z
      .string()
      .trim()
      .refine(isValidCnpj, { message: "is not a valid CNPJ", params: { code: "invalid_document" } })
      .transform((v) => v.replace(/\D/g, "")),
  }),
  z.object({
    kind: z.literal("foreign"),
    value: z.string().trim().min(1, "is required").max(64),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be an ISO 3166 two-letter country code")
      .optional(),
  }),
]);

/** The key a document is looked up by: `cpf:52998224725`. */
export function documentKey(document: TaxDocument): string {
  const { kind, value, country } = checkedDocument(document);
  return kind === "foreign" ? `foreign:${country ?? ""}:${value.toUpperCase()}` : `${kind}:${value}`;
}

/** The document's fields when they have the shape of a TaxDocument; else a validation error. */
function checkedDocument(document: unknown): { kind: TaxDocument["kind"]; value: string; country?: string } {
  const d = (typeof document === "object" && document !== null ? document : {}) as Record<string, unknown>;
  const fail = (path: string[], code: string, message: string) =>
    new TesseraError("validation_failed", `documentKey(): ${path.join(".")} ${message}.`, {
      details: { issues: [{ path, code, message }] },
    });
  if (d["kind"] !== "cpf" && d["kind"] !== "cnpj" && d["kind"] !== "foreign") {
    throw fail(["document", "kind"], "invalid_enum_value", 'must be "cpf", "cnpj" or "foreign"');
  }
  if (typeof d["value"] !== "string") throw fail(["document", "value"], "invalid_type", "must be a string");
  if (d["kind"] === "foreign" && d["country"] !== undefined && typeof d["country"] !== "string") {
    throw fail(["document", "country"], "invalid_type", "must be a string when given");
  }
  return {
    kind: d["kind"],
    value: d["value"],
    ...(typeof d["country"] === "string" ? { country: d["country"] } : {}),
  };
}
