import type { z } from "zod";
import type { FieldIssue } from "../errors/tessera-error";
import { invalidFields } from "./invalid-fields";

/**
 * Parses `input` with `schema` at a public entry point. On failure throws a
 * `validation_failed` TesseraError whose message names every offending field, and whose
 * `details.issues` lists them with their paths, so a form can show each beside its field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    code:
      issue.code === "custom"
        ? String((issue as { params?: { code?: string } }).params?.code ?? "invalid")
        : issue.code,
    message: issue.message,
  }));
  throw invalidFields(what, issues);
}
