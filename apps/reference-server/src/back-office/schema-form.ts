import type { z } from "zod";
import { type FormBody, formText } from "../http/read-form-body";

/**
 * A settings form drawn from a zod object schema — an adapter's `optionsSchema` — so a
 * provider's settings page needs no HTML of its own (Vendure's idea: settings declared as
 * data, rendered by the admin). Each field of the object becomes one control:
 *
 * | schema                                 | control                                   |
 * | -------------------------------------- | ----------------------------------------- |
 * | a field named in `secretFields`        | password input, never filled in           |
 * | a secret that is multiline (a private key) | text area, never filled in (`secret-textarea`) |
 * | string with `.meta({ multiline: true })`, or a certificate / PEM / private key | text area |
 *
 * Text areas also take their text from an uploaded file (`<input>` named `<prefix><name>.file`):
 * a certificate or key is a file the provider's portal gave the studio.
 * | string                                 | text input                                |
 * | number                                 | number input (`step="1"` for an integer)  |
 * | boolean                                | checkbox                                  |
 * | enum                                   | select                                    |
 *
 * `.optional()`, `.nullable()` and `.default()` are looked through; a field without a
 * default that is not optional is required. The label is the schema's `meta({ title })`,
 * else the field's name in words; the hint is its `.describe()` (pages may translate both
 * by key first). Kinds of fields it cannot draw (objects, arrays) are left out of the form.
 */
export type SchemaControl =
  | "text"
  | "password"
  | "textarea"
  | "secret-textarea"
  | "number"
  | "checkbox"
  | "select";

/** The controls whose value is never shown back: a stored one is kept when left empty. */
export function isSecretControl(control: SchemaControl): boolean {
  return control === "password" || control === "secret-textarea";
}

/** The controls that take a file's text as well as typed text. */
export function takesUpload(control: SchemaControl): boolean {
  return control === "textarea" || control === "secret-textarea";
}

export interface SchemaFormField {
  /** The option's key; the input is named `<prefix><name>`. */
  name: string;
  control: SchemaControl;
  required: boolean;
  /** The schema's title, or the name in words (`webhookSecret` → "Webhook secret"). */
  label: string;
  /** The schema's description, or null. */
  description: string | null;
  /** The choices of a select. */
  choices: string[];
  min: number | null;
  max: number | null;
  integer: boolean;
  /** What the field holds when left empty, shown as a placeholder. */
  defaultValue: string | number | boolean | null;
}

interface ZodNode {
  def: { type: string; innerType?: ZodNode; defaultValue?: unknown };
  description?: string;
  meta?: () => Record<string, unknown> | undefined;
  options?: readonly unknown[];
  minValue?: number | null;
  maxValue?: number | null;
  format?: string | null;
  isInt?: boolean;
}

const multilineName = /certificate|(^|[a-z])pem($|[A-Z])|privateKey|^pem/i;

function words(name: string): string {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The form's fields, in the schema's order. */
export function schemaFormFields(schema: z.ZodObject, secretFields: readonly string[]): SchemaFormField[] {
  const secrets = new Set(secretFields);
  const fields: SchemaFormField[] = [];
  for (const [name, value] of Object.entries(schema.shape)) {
    let node = value as unknown as ZodNode;
    let required = true;
    let description: string | null = null;
    let meta: Record<string, unknown> = {};
    let defaultValue: unknown = null;
    // Outer wrappers carry what was said last (`.optional().describe(…)`); the inner type what it is.
    for (;;) {
      description ??= node.description ?? null;
      meta = { ...(node.meta?.() ?? {}), ...meta };
      const { type, innerType } = node.def;
      if ((type === "optional" || type === "nullable" || type === "default") && innerType) {
        if (type !== "nullable") required = false;
        if (type === "default") {
          const given = node.def.defaultValue;
          defaultValue = typeof given === "function" ? (given as () => unknown)() : given;
        }
        node = innerType;
        continue;
      }
      break;
    }
    const type = node.def.type;
    const multiline = type === "string" && (meta["multiline"] === true || multilineName.test(name));
    const control: SchemaControl | null = secrets.has(name)
      ? multiline
        ? "secret-textarea"
        : "password"
      : type === "string"
        ? multiline
          ? "textarea"
          : "text"
        : type === "number"
          ? "number"
          : type === "boolean"
            ? "checkbox"
            : type === "enum"
              ? "select"
              : null;
    if (control === null) continue;
    fields.push({
      name,
      control,
      required: control === "checkbox" ? false : required,
      label: typeof meta["title"] === "string" ? meta["title"] : words(name),
      description: description ?? (typeof meta["description"] === "string" ? meta["description"] : null),
      choices: control === "select" ? (node.options ?? []).map(String) : [],
      min: type === "number" && Number.isFinite(node.minValue) ? (node.minValue as number) : null,
      max: type === "number" && Number.isFinite(node.maxValue) ? (node.maxValue as number) : null,
      integer: type === "number" && (node.isInt === true || node.format === "safeint"),
      defaultValue:
        typeof defaultValue === "string" ||
        typeof defaultValue === "number" ||
        typeof defaultValue === "boolean"
          ? defaultValue
          : null,
    });
  }
  return fields;
}

/** Longest text an input of the form takes: a PEM certificate chain fits. */
const maxTextLength = 20_000;

/**
 * The options a posted form holds, as the schema takes them: checkboxes as booleans, numbers
 * as numbers (text that is no number is passed on, so the schema names it), empty inputs
 * left out (the schema's default, or a stored secret, applies).
 */
export function readSchemaForm(
  fields: readonly SchemaFormField[],
  body: FormBody,
  prefix: string,
): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const field of fields) {
    const input = `${prefix}${field.name}`;
    if (field.control === "checkbox") {
      options[field.name] = formText(body, input, 10) !== "";
      continue;
    }
    const text = formText(body, input, maxTextLength);
    if (text === "") continue;
    if (field.control === "number") {
      const number = Number(text.replace(",", "."));
      options[field.name] = /^-?\d+([.,]\d+)?$/.test(text) && Number.isFinite(number) ? number : text;
    } else {
      options[field.name] = text;
    }
  }
  return options;
}

/**
 * The values to show back in the form: plain settings as they are, secrets never — a secret
 * field is always empty, and "leave empty to keep" says what that means.
 */
export function schemaFormValues(
  fields: readonly SchemaFormField[],
  options: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = options[field.name];
    if (isSecretControl(field.control) || value === undefined || value === null) continue;
    values[field.name] = field.control === "checkbox" ? (value === true ? "on" : "") : String(value);
  }
  return values;
}
