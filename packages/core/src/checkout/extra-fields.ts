import { hashPassword } from "../customers/password-hash";
import type { FieldIssue } from "../errors/tessera-error";
import type { CheckoutField } from "../organizations/unit";

/** The buyer's answers to a unit's extra checkout fields, checked and split by what they are. */
export interface CheckedExtraFields {
  /** Kept on the customer as given (text, date, select, checkbox as "true"/"false"). */
  values: Record<string, string>;
  /** A client-area password, hashed; never kept in clear (Conexa FAQ: "Senha" field). */
  passwordHash: string | null;
  issues: FieldIssue[];
}

const truthy = new Set(["true", "on", "1", "yes"]);

/**
 * Checks the buyer's extra fields against the fields the unit (and its plugins) ask for:
 * required ones are present (a required checkbox is ticked), a select holds one of its
 * options, a date is YYYY-MM-DD, and nothing is given that was not asked. File fields are
 * not answered through a sale: attachments arrive through the file store.
 */
export async function checkExtraFields(
  fields: readonly CheckoutField[],
  given: Readonly<Record<string, string>>,
  randomBytes: (size: number) => Uint8Array,
): Promise<CheckedExtraFields> {
  const issues: FieldIssue[] = [];
  const values: Record<string, string> = {};
  let passwordHash: string | null = null;
  const issue = (key: string, code: string, message: string) =>
    issues.push({ path: ["buyer", "extraFields", key], code, message });

  for (const key of Object.keys(given)) {
    if (!fields.some((field) => field.key === key))
      issue(key, "unknown_field", "is not a field of this checkout");
  }
  for (const field of fields) {
    const raw = given[field.key]?.trim() ?? "";
    if (field.type === "file") continue;
    if (field.type === "checkbox") {
      const ticked = truthy.has(raw.toLowerCase());
      if (field.required && !ticked) issue(field.key, "required", "must be ticked");
      values[field.key] = String(ticked);
      continue;
    }
    if (raw === "") {
      if (field.required) issue(field.key, "required", "is required");
      continue;
    }
    if (field.type === "select" && !(field.options ?? []).includes(raw)) {
      issue(field.key, "invalid_option", `must be one of: ${(field.options ?? []).join(", ")}`);
    } else if (field.type === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
      issue(field.key, "invalid_date", "must be a date written YYYY-MM-DD");
    } else if (field.type === "password") {
      if (raw.length < 8) issue(field.key, "too_small", "must have at least 8 characters");
      else passwordHash = await hashPassword(raw, randomBytes(16));
    } else {
      values[field.key] = raw;
    }
  }
  return { values, passwordHash, issues };
}
