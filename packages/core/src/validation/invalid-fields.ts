import { type FieldIssue, TesseraError } from "../errors/tessera-error";

/**
 * The `validation_failed` error for field issues: its message names every field
 * (`Invalid sale: buyer.address: …; amount: ….`) and `details.issues` lists them, so a form
 * shows each beside its field. `parseInput` and the services' own checks all answer this way.
 */
export function invalidFields(what: string, issues: FieldIssue[]): TesseraError {
  const fields = issues
    .map((i) => `${i.path.length ? i.path.join(".") : "(input)"}: ${i.message}`)
    .join("; ");
  return new TesseraError("validation_failed", `Invalid ${what}: ${fields}.`, { details: { issues } });
}
