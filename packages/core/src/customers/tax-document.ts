import { z } from "zod";

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

/** True for a CPF (digits only or punctuated) whose two check digits are right. */
export function isValidCpf(input: string): boolean {
  const digits = input.replace(/[.\-\s]/g, "");
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const n = [...digits].map(Number);
  const first = checkDigit(n.slice(0, 9), [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = checkDigit(n.slice(0, 10), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return n[9] === first && n[10] === second;
}

/** True for a CNPJ (digits only or punctuated) whose two check digits are right. */
export function isValidCnpj(input: string): boolean {
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
  return document.kind === "foreign"
    ? `foreign:${document.country ?? ""}:${document.value.toUpperCase()}`
    : `${document.kind}:${document.value}`;
}
