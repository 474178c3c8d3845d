import type { FieldIssue } from "@tessera/core";
import type { MessageKey } from "../i18n/message-catalog";
import { type AddressField, addressFields, formNames } from "./checkout-form-names";

/**
 * What is wrong with a submitted form, by the input it sits beside (its `name`), plus
 * `address` (the address as a whole), `card` (the card step) and `form` (the form as a
 * whole). Values are i18n keys: the page says it in the buyer's language.
 */
export type FieldErrors = Record<string, MessageKey>;

const addressFieldSet: ReadonlySet<string> = new Set(addressFields);

/** The input a core field issue is about, by its path in the sale or retry input. */
function inputOf(path: readonly (string | number)[]): string {
  const [head, field, detail] = path.map(String);
  if (head === "buyer") {
    if (field === "name" || field === "email" || field === "document" || field === "phone")
      return formNames[field];
    if (field === "address")
      return detail && addressFieldSet.has(detail) ? formNames.address(detail as AddressField) : "address";
    if (field === "extraFields" && detail) return formNames.extra(detail);
  }
  if (head === "method" || head === "amount") return formNames.method;
  if (head === "card") return "card";
  return "form";
}

/** What the buyer is told for one issue: by its input and code, most specific first. */
function messageOf(input: string, issue: FieldIssue): MessageKey {
  if (input === "address") return "form.error.addressRequired";
  if (issue.path[0] === "amount") return "form.error.amountOutOfRange";
  if (issue.code === "required") return "form.error.required";
  if (issue.code === "invalid_document") return "form.error.document";
  if (input === formNames.email) return "form.error.email";
  if (input === formNames.phone) return "form.error.phone";
  if (issue.code === "too_small") return "form.error.tooShort";
  if (issue.code === "too_big") return "form.error.tooLong";
  if (issue.code === "invalid_option") return "form.error.option";
  if (issue.code === "invalid_date") return "form.error.date";
  if (issue.code === "too_large") return "form.error.fileTooLarge";
  if (issue.code === "type_not_allowed") return "form.error.fileType";
  if (issue.code === "empty") return "form.error.fileRequired";
  return "form.error.invalid";
}

/**
 * Places core's field issues (from `validation_failed`) beside the inputs they are about.
 * The first issue of an input wins: one message per field, the one to fix first.
 */
export function formErrorsOf(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const input = inputOf(issue.path);
    errors[input] ??= messageOf(input, issue);
  }
  return errors;
}

/** What the buyer is told about an uploaded file core refuses (`customers.checkAttachment`). */
export function fileErrorOf(issues: readonly FieldIssue[]): MessageKey | null {
  const [first] = issues;
  return first ? messageOf("file", first) : null;
}
