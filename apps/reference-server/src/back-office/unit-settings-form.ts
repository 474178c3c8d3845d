import {
  type CheckoutField,
  type FieldIssue,
  operationModes,
  type PaymentMethod,
  paymentMethods,
  type Unit,
  type UnitInput,
} from "@tessera/core";
import { type FormBody, formText } from "../http/read-form-body";
import type { MessageKey } from "../i18n/message-catalog";
import { moneyTextOf, parseMoneyText } from "./money-text";

/** What staff typed in the settings form, by input name, to show it back after an error. */
export type UnitSettingsValues = Record<string, string>;
/** Errors by input name (or `form`), as i18n keys. */
export type UnitSettingsErrors = Record<string, MessageKey>;

/** The reminder inputs: days before the due date, and after it while unpaid. */
export const reminderInputs = ["reminderDays.before", "reminderDays.after"] as const;

/**
 * A reminder's days as typed: empty is off (null), whole days are core's to bound (1–30);
 * anything else is refused here. `undefined` when the form did not send the input at all (a
 * hand-made post), so the unit's setting is left as it is.
 */
function reminderDayOf(body: FormBody, name: string): number | null | "invalid" | undefined {
  if (!(name in body)) return undefined;
  const typed = text(body, name);
  if (typed === "") return null;
  return /^\d{1,3}$/.test(typed) ? Number(typed) : "invalid";
}

/** The changes `organizations.updateUnit` takes from this form. */
export type UnitSettingsChanges = Partial<Omit<UnitInput, "organizationId">>;

/** A form holds at most this many rows of each list (methods, checkout fields), the empty "add" row included. */
export const maxSettingsRows = 30;

export const checkoutFieldTypes = ["text", "date", "select", "checkbox", "password", "file"] as const;

const text = (body: FormBody, name: string) => formText(body, name, 500);
const ticked = (value: string) => value === "on" || value === "true" || value === "1";

/** How many rows of a list the form posted (its hidden `<list>Rows` input), within the limit. */
function rowCount(body: FormBody, list: string): number {
  const count = Number(text(body, `${list}Rows`));
  return Number.isInteger(count) && count >= 0 ? Math.min(count, maxSettingsRows) : 0;
}

/** The form's values for a unit as it is: its lists as rows, plus one empty row to add to each. */
export function unitSettingsValuesOf(unit: Unit): UnitSettingsValues {
  const values: UnitSettingsValues = {
    name: unit.name,
    slug: unit.slug,
    timeZone: unit.timeZone,
    currency: unit.currency,
    locale: unit.locale,
    notificationEmails: unit.notificationEmails.join("\n"),
    // A percent with two decimals is the basis points' own digits: 350 → "3,50".
    clientFeePercent: moneyTextOf(unit.clientFeeBasisPoints),
    dunningRetryDays: unit.dunningRetryDays.join(", "),
    renewalTerms: unit.renewalTerms,
    // Empty is "off" (null): no reminder of that kind.
    "reminderDays.before": unit.reminderDays.before === null ? "" : String(unit.reminderDays.before),
    "reminderDays.after": unit.reminderDays.after === null ? "" : String(unit.reminderDays.after),
    methodRows: String(unit.paymentMethods.length + 1),
    fieldRows: String(unit.checkoutFields.length + 1),
  };
  unit.paymentMethods.forEach((entry, index) => {
    values[`method.${index}.method`] = entry.method;
    values[`method.${index}.gateway`] = entry.gatewayId;
    values[`method.${index}.mode`] = entry.mode;
  });
  unit.checkoutFields.forEach((field, index) => {
    values[`field.${index}.key`] = field.key;
    values[`field.${index}.label`] = field.label;
    values[`field.${index}.type`] = field.type;
    values[`field.${index}.required`] = field.required ? "on" : "";
    values[`field.${index}.options`] = (field.options ?? []).join(", ");
  });
  return values;
}

/**
 * Reads the settings form into `updateUnit`'s changes. Shape only (a percent must be a
 * number, a row names a known method); every rule about a unit (a free slug, a zone that
 * exists, e-mail addresses, a gateway that takes the method) is core's, whose field issues
 * `unitSettingsErrorsOf` puts beside the same inputs. A row whose "remove" box is ticked, or
 * the empty "add" row left empty, is left out.
 */
export function readUnitSettingsForm(body: FormBody): {
  changes: UnitSettingsChanges;
  values: UnitSettingsValues;
  errors: UnitSettingsErrors;
} {
  const values: UnitSettingsValues = {};
  const errors: UnitSettingsErrors = {};
  for (const name of [
    "name",
    "slug",
    "timeZone",
    "currency",
    "locale",
    "clientFeePercent",
    "dunningRetryDays",
  ])
    values[name] = text(body, name);
  values["notificationEmails"] = formText(body, "notificationEmails", 5_000);

  if (values["name"] === "") errors["name"] = "form.error.required";
  const fee = values["clientFeePercent"] === "" ? 0 : parseMoneyText(values["clientFeePercent"]!);
  if (fee === null) errors["clientFeePercent"] = "admin.settings.error.percent";
  // Days after the due date, in order: "1, 3, 7"; anything but whole numbers is refused here,
  // the order and the limits by the unit's own schema.
  const retryWords = values["dunningRetryDays"]!.split(/[\s,;]+/).filter((word) => word !== "");
  const retryDays = retryWords.every((word) => /^\d{1,3}$/.test(word)) ? retryWords.map(Number) : null;
  if (retryDays === null) errors["dunningRetryDays"] = "admin.settings.error.retryDays";

  // The terms a renewal takes: core's enum decides; a form without the select leaves them.
  values["renewalTerms"] = text(body, "renewalTerms");
  const renewalTerms = "renewalTerms" in body ? values["renewalTerms"] : undefined;
  const [before, after] = reminderInputs.map((name) => {
    values[name] = text(body, name);
    const days = reminderDayOf(body, name);
    if (days === "invalid") errors[name] = "admin.settings.error.reminderDays";
    return days;
  });
  const reminderDays =
    before === undefined || before === "invalid" || after === undefined || after === "invalid"
      ? undefined
      : { before, after };

  const methods: Unit["paymentMethods"] = [];
  const methodRows = rowCount(body, "method");
  for (let index = 0; index < methodRows; index++) {
    const at = (name: string) => text(body, `method.${index}.${name}`);
    const method = at("method");
    const row = { method, gateway: at("gateway"), mode: at("mode"), remove: at("remove") };
    const kept = methods.length;
    values[`method.${kept}.method`] = row.method;
    values[`method.${kept}.gateway`] = row.gateway;
    values[`method.${kept}.mode`] = row.mode;
    if (method === "" || ticked(row.remove)) continue;
    if (!(paymentMethods as readonly string[]).includes(method)) {
      errors[`method.${kept}.method`] = "form.error.invalid";
      continue;
    }
    methods.push({
      method: method as PaymentMethod,
      gatewayId: row.gateway,
      mode: row.mode === "manual" ? "manual" : operationModes[0],
    });
  }
  values["methodRows"] = String(methods.length + 1);

  const fields: CheckoutField[] = [];
  const fieldRows = rowCount(body, "field");
  for (let index = 0; index < fieldRows; index++) {
    const at = (name: string) => text(body, `field.${index}.${name}`);
    const row = {
      key: at("key"),
      label: at("label"),
      type: at("type"),
      required: at("required"),
      options: at("options"),
    };
    if ((row.key === "" && row.label === "") || ticked(at("remove"))) continue;
    const kept = fields.length;
    for (const [name, value] of Object.entries(row)) values[`field.${kept}.${name}`] = value;
    const options = row.options
      .split(",")
      .map((option) => option.trim())
      .filter((option) => option !== "");
    const type = (checkoutFieldTypes as readonly string[]).includes(row.type) ? row.type : "text";
    fields.push({
      key: row.key,
      label: row.label,
      type: type as CheckoutField["type"],
      required: ticked(row.required),
      ...(options.length > 0 ? { options } : {}),
    });
  }
  values["fieldRows"] = String(fields.length + 1);

  const changes: UnitSettingsChanges = {
    name: values["name"]!,
    slug: values["slug"]!.toLowerCase(),
    timeZone: values["timeZone"]!,
    currency: values["currency"]!.toUpperCase() as UnitInput["currency"],
    locale: values["locale"] as UnitInput["locale"],
    notificationEmails: values["notificationEmails"]!.split(/[\s,;]+/).filter((address) => address !== ""),
    clientFeeBasisPoints: fee ?? 0,
    ...(retryDays !== null ? { dunningRetryDays: retryDays } : {}),
    ...(renewalTerms !== undefined ? { renewalTerms: renewalTerms as Unit["renewalTerms"] } : {}),
    ...(reminderDays !== undefined ? { reminderDays } : {}),
    paymentMethods: methods,
    checkoutFields: fields,
  };
  return { changes, values, errors };
}

/** The form input a core issue is about, by its path in the unit input. */
function inputOf(path: readonly (string | number)[]): string {
  const [head, index, field] = path.map(String);
  switch (head) {
    case "name":
    case "slug":
    case "timeZone":
    case "currency":
    case "locale":
    case "notificationEmails":
      return head;
    case "clientFeeBasisPoints":
      return "clientFeePercent";
    case "dunningRetryDays":
    case "renewalTerms":
      return head;
    case "reminderDays":
      return index === "before" || index === "after" ? `reminderDays.${index}` : "form";
    case "paymentMethods":
      return index === undefined ? "form" : `method.${index}.${field === "method" ? "method" : "gateway"}`;
    case "checkoutFields":
      return index === undefined
        ? "form"
        : `field.${index}.${field === "label" || field === "type" || field === "options" ? field : "key"}`;
    default:
      return "form";
  }
}

const messageFor = (input: string, issue: FieldIssue): MessageKey => {
  if (issue.code === "taken") return "admin.settings.error.slugTaken";
  if (issue.code === "gateway_mismatch") return "admin.settings.error.gateway";
  switch (input) {
    case "slug":
      return "admin.settings.error.slug";
    case "timeZone":
      return "admin.settings.error.timeZone";
    case "currency":
      return "admin.settings.error.currency";
    case "notificationEmails":
      return "admin.settings.error.emails";
    case "clientFeePercent":
      return "admin.settings.error.percent";
    case "dunningRetryDays":
      return "admin.settings.error.retryDays";
    case "renewalTerms":
      return "form.error.option";
    case "reminderDays.before":
    case "reminderDays.after":
      return "admin.settings.error.reminderDays";
    default:
      return input.endsWith(".key") ? "admin.settings.error.fieldKey" : "form.error.invalid";
  }
};

/** Places core's issues about a unit beside the inputs they are about. */
export function unitSettingsErrorsOf(issues: readonly FieldIssue[]): UnitSettingsErrors {
  const errors: UnitSettingsErrors = {};
  for (const issue of issues) {
    const input = inputOf(issue.path);
    errors[input] ??= messageFor(input, issue);
  }
  return errors;
}
