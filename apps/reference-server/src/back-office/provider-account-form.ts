import type { FieldIssue, GatewayProvider, ShownProviderAccount, SupportedLocale } from "@tessera/core";
import type { FormBody } from "../http/read-form-body";
import { formText } from "../http/read-form-body";
import { catalogs } from "../i18n/catalogs";
import type { MessageKey } from "../i18n/message-catalog";
import type { Translate } from "../i18n/translator";
import {
  isSecretControl,
  readSchemaForm,
  type SchemaFormField,
  schemaFormFields,
  schemaFormValues,
  takesUpload,
} from "./schema-form";

/** Inputs are `id`, `label` and `options.<field>`; errors are keyed the same, plus `form`. */
export const optionsPrefix = "options.";
export type ProviderAccountValues = Record<string, string>;
export type ProviderAccountErrors = Record<string, MessageKey>;

/** What `providerAccounts.create` / `update` take from a posted form, and what to show back. */
export function readProviderAccountForm(
  provider: GatewayProvider,
  body: FormBody,
): {
  id: string;
  label: string;
  options: Record<string, unknown>;
  values: ProviderAccountValues;
  /** Whether each input was filled in, secrets too (whose values are never shown back). */
  filled: ReadonlySet<string>;
} {
  const fields = schemaFormFields(provider.optionsSchema, provider.secretFields);
  const options = readSchemaForm(fields, body, optionsPrefix);
  const values: ProviderAccountValues = {
    id: formText(body, "id", 100),
    label: formText(body, "label", 200),
  };
  for (const [name, value] of Object.entries(schemaFormValues(fields, options))) {
    values[`${optionsPrefix}${name}`] = value;
  }
  // A number that was no number is shown back as typed.
  for (const field of fields) {
    const typed = formText(body, `${optionsPrefix}${field.name}`, 100);
    if (field.control === "number" && typed !== "") values[`${optionsPrefix}${field.name}`] = typed;
  }
  const filled = new Set(
    ["id", "label", ...fields.map((field) => `${optionsPrefix}${field.name}`)].filter(
      (input) => formText(body, input, 10) !== "",
    ),
  );
  return { id: values["id"] ?? "", label: values["label"] ?? "", options, values, filled };
}

/**
 * The posted form with each uploaded certificate or key read into its text input: a file
 * chosen for `options.<field>.file` replaces what was typed in `options.<field>`. Read as
 * UTF-8 text, at most 64 KB (a PEM chain is a few); a longer file is cut, and the schema
 * then says the field is invalid.
 */
export async function withUploadedFiles(provider: GatewayProvider, body: FormBody): Promise<FormBody> {
  const withFiles: FormBody = { ...body };
  for (const field of schemaFormFields(provider.optionsSchema, provider.secretFields)) {
    if (!takesUpload(field.control)) continue;
    const input = `${optionsPrefix}${field.name}`;
    const chosen = body[`${input}.file`];
    const file = Array.isArray(chosen) ? chosen[0] : chosen;
    if (typeof file !== "object" || file === null || file.size === 0) continue;
    withFiles[input] = new TextDecoder().decode((await file.arrayBuffer()).slice(0, maxUploadBytes));
  }
  return withFiles;
}

/** The largest certificate or key file read (a PEM chain of several certificates fits). */
const maxUploadBytes = 65_536;

/** The form's values for a stored account: its plain settings (secrets stay empty). */
export function providerAccountValuesOf(account: ShownProviderAccount): ProviderAccountValues {
  const values: ProviderAccountValues = { id: account.id, label: account.label };
  for (const [name, value] of Object.entries(account.maskedOptions)) {
    if (value === null || (typeof value === "string" && value.startsWith("••••"))) continue;
    values[`${optionsPrefix}${name}`] = typeof value === "boolean" ? (value ? "on" : "") : String(value);
  }
  return values;
}

function messageFor(issue: FieldIssue, field: SchemaFormField | undefined, filled: boolean): MessageKey {
  const [head] = issue.path;
  if (issue.code === "taken") return "admin.providers.error.idTaken";
  if (head === "id") return "admin.providers.error.idFormat";
  if (head === "label") return filled ? "form.error.tooLong" : "form.error.required";
  if (!filled && (issue.code === "invalid_type" || issue.code === "too_small")) return "form.error.required";
  if (field?.control === "number") {
    return issue.code === "too_small" || issue.code === "too_big"
      ? "admin.providers.error.numberRange"
      : "admin.providers.error.number";
  }
  if (issue.code === "too_small") return "form.error.tooShort";
  if (issue.code === "too_big") return "form.error.tooLong";
  if (issue.code === "invalid_value") return "form.error.option";
  return "form.error.invalid";
}

/** Core's field issues beside their inputs: `options.<field>`, `id`, `label`; the rest on the form. */
export function providerAccountErrorsOf(
  provider: GatewayProvider,
  issues: readonly FieldIssue[],
  filled: ReadonlySet<string>,
): ProviderAccountErrors {
  const fields = new Map(
    schemaFormFields(provider.optionsSchema, provider.secretFields).map((field) => [field.name, field]),
  );
  const errors: ProviderAccountErrors = {};
  for (const issue of issues) {
    const [head, name] = issue.path;
    const input =
      head === "options" && typeof name === "string" && fields.has(name)
        ? `${optionsPrefix}${name}`
        : head === "id" || head === "label"
          ? head
          : "form";
    if (errors[input]) continue;
    errors[input] =
      input === "form"
        ? "admin.providers.error.rejected"
        : messageFor(issue, fields.get(String(name)), filled.has(input));
  }
  return errors;
}

/** A catalog entry when the locale has it, else the adapter's own words. */
export function translatedOr(locale: SupportedLocale, t: Translate, key: string, fallback: string): string {
  return key in catalogs[locale] ? t(key as MessageKey) : fallback;
}

/** One control as the `schema-fields` partial draws it. */
export interface SchemaFieldView {
  id: string;
  name: string;
  control: SchemaFormField["control"];
  /** The name of the file input beside a text area (`options.certificate.file`), or null. */
  upload: string | null;
  label: string;
  hint: string | null;
  required: boolean;
  choices: { value: string; label: string }[];
  min: number | null;
  max: number | null;
  step: string | null;
  value: string;
  error: string | null;
}

/**
 * The kind's settings as controls, labels and hints translated by key
 * (`admin.providers.field.<kind>.<field>`, `…hint…`) where the catalogs have them. A secret
 * is never given a value; on an account that has one stored, its hint says that leaving it
 * empty keeps it, and shows it masked.
 */
export function schemaFieldViews(
  provider: GatewayProvider,
  state: {
    formId: string;
    values: ProviderAccountValues;
    errors: Readonly<Record<string, string>>;
    stored: ShownProviderAccount | null;
  },
  locale: SupportedLocale,
  t: Translate,
): SchemaFieldView[] {
  return schemaFormFields(provider.optionsSchema, provider.secretFields).map((field) => {
    const input = `${optionsPrefix}${field.name}`;
    const own = (part: string) => `admin.providers.${part}.${provider.kind}.${field.name}`;
    const masked = state.stored?.maskedOptions[field.name];
    const adapterHint = translatedOr(locale, t, own("hint"), field.description ?? "");
    const hint = isSecretControl(field.control)
      ? [
          adapterHint,
          typeof masked === "string"
            ? t("admin.providers.secretKeep", { masked })
            : t("admin.providers.secretHint"),
        ]
          .filter(Boolean)
          .join(" ")
      : adapterHint || null;
    return {
      id: `${state.formId}-${field.name}`,
      name: input,
      control: field.control,
      upload: takesUpload(field.control) ? `${input}.file` : null,
      label: translatedOr(locale, t, own("field"), field.label),
      hint,
      // A stored secret may be left empty; a new account must have it.
      required: field.required && !(isSecretControl(field.control) && typeof masked === "string"),
      choices: field.choices.map((choice) => ({
        value: choice,
        label: translatedOr(locale, t, `${own("choice")}.${choice}`, choice),
      })),
      min: field.min,
      max: field.max,
      step: field.control === "number" ? (field.integer ? "1" : "any") : null,
      value: isSecretControl(field.control)
        ? ""
        : (state.values[input] ??
          (state.stored === null && field.defaultValue !== null
            ? field.control === "checkbox"
              ? field.defaultValue === true
                ? "on"
                : ""
              : String(field.defaultValue)
            : "")),
      error: state.errors[input] ?? null,
    };
  });
}
