import type { FieldIssue, Plan, PlanInput } from "@tessera/core";
import { type FormBody, formText } from "../http/read-form-body";
import type { MessageKey } from "../i18n/message-catalog";
import { moneyTextOf, parseMoneyText } from "./money-text";

/** What staff typed in the plan form, by input name, to show it back after an error. */
export type PlanFormValues = Record<string, string>;
/** Errors by input name (or `form`), as i18n keys. */
export type PlanFormErrors = Record<string, MessageKey>;

/** The plan form's inputs. */
export const planFormNames = [
  "name",
  "description",
  "kind",
  "price",
  "intervalUnit",
  "intervalCount",
  "installmentMode",
  "installmentCount",
  "enrollmentFee",
  "autoRenew",
  "quotaName",
  "quotaQuantity",
  "activationMode",
  "onlineEnabled",
  "slug",
  "buttonText",
] as const;
export type PlanFormName = (typeof planFormNames)[number];

/** One input's text, up to a description's 5,000 characters. */
const text = (body: FormBody, name: string) => formText(body, name, 5_000);

const ticked = (value: string) => value === "on" || value === "true" || value === "1";

/** The form's values for a plan being edited (or the defaults of a new one). */
export function planFormValuesOf(plan: Plan | null): PlanFormValues {
  if (!plan) {
    return {
      kind: "recurring",
      intervalUnit: "month",
      intervalCount: "1",
      installmentMode: "fixed",
      installmentCount: "1",
      activationMode: "immediate",
      buttonText: "Comprar",
    };
  }
  const quota = plan.quotas[0];
  return {
    name: plan.name,
    description: plan.description,
    kind: plan.kind,
    price: moneyTextOf(plan.price.amount),
    intervalUnit: plan.interval.unit,
    intervalCount: String(plan.interval.count),
    installmentMode: plan.installmentCount === null ? "open" : "fixed",
    installmentCount: plan.installmentCount === null ? "" : String(plan.installmentCount),
    enrollmentFee: plan.enrollmentFee ? moneyTextOf(plan.enrollmentFee.amount) : "",
    autoRenew: plan.autoRenew ? "on" : "",
    quotaName: quota?.name ?? "",
    quotaQuantity: quota ? String(quota.quantity) : "",
    activationMode: plan.activationMode,
    onlineEnabled: plan.onlineSale.enabled ? "on" : "",
    slug: plan.onlineSale.slug,
    buttonText: plan.onlineSale.buttonText,
  };
}

/**
 * Reads the plan form into what `plans.create` / `plans.update` take. Shape only: amounts and
 * counts must be numbers; every rule about a plan (a pass never renews, a free slug, limits)
 * is core's, whose field issues `planFormErrorsOf` puts beside the same inputs.
 */
export function readPlanForm(
  body: FormBody,
  currency: string,
): { input: Omit<PlanInput, "unitId">; values: PlanFormValues; errors: PlanFormErrors } {
  const values: PlanFormValues = Object.fromEntries(planFormNames.map((name) => [name, text(body, name)]));
  const errors: PlanFormErrors = {};
  const money = (name: PlanFormName, required: boolean): number | null => {
    if (values[name] === "") {
      if (required) errors[name] = "form.error.required";
      return null;
    }
    const amount = parseMoneyText(values[name]!);
    if (amount === null) errors[name] = "admin.plan.error.amount";
    return amount;
  };
  const count = (name: PlanFormName): number => {
    const parsed = /^\d{1,4}$/.test(values[name]!) ? Number(values[name]) : Number.NaN;
    if (Number.isNaN(parsed)) errors[name] = "admin.plan.error.count";
    return parsed;
  };

  if (values["name"] === "") errors["name"] = "form.error.required";
  const price = money("price", true);
  const fee = money("enrollmentFee", false);
  const intervalCount = count("intervalCount");
  const open = values["installmentMode"] === "open";
  const installmentCount = open ? null : count("installmentCount");
  const quotaQuantity = values["quotaName"] === "" ? null : count("quotaQuantity");
  const slug = values["slug"]!.toLowerCase();

  const input: Omit<PlanInput, "unitId"> = {
    name: values["name"]!,
    description: values["description"]!,
    kind: values["kind"] === "pass" ? "pass" : "recurring",
    price: { amount: price ?? 0, currency },
    interval: { unit: values["intervalUnit"] === "day" ? "day" : "month", count: intervalCount },
    installmentCount,
    enrollmentFee: fee === null || fee === 0 ? null : { amount: fee, currency },
    autoRenew: ticked(values["autoRenew"]!),
    quotas: quotaQuantity === null ? [] : [{ name: values["quotaName"]!, quantity: quotaQuantity }],
    activationMode: values["activationMode"] === "staff_code" ? "staff_code" : "immediate",
  };
  // A slug left empty lets core derive a free one from the name.
  if (slug !== "" || ticked(values["onlineEnabled"]!)) {
    input.onlineSale = {
      enabled: ticked(values["onlineEnabled"]!),
      slug,
      ...(values["buttonText"] ? { buttonText: values["buttonText"] } : {}),
    };
    if (slug === "") errors["slug"] = "admin.plan.error.slugRequired";
  }
  return { input, values, errors };
}

/** The form input a core issue is about, by its path in the plan input. */
function inputOf(path: readonly (string | number)[]): string {
  const [head, field] = path.map(String);
  switch (head) {
    case "name":
    case "description":
    case "kind":
    case "price":
    case "installmentCount":
    case "enrollmentFee":
    case "autoRenew":
    case "activationMode":
      return head;
    case "interval":
      return "intervalCount";
    case "quotas":
      return "quotaName";
    case "onlineSale":
      return field === "buttonText" ? "buttonText" : "slug";
    default:
      return "form";
  }
}

/** Places core's issues about a plan beside the inputs they are about. */
export function planFormErrorsOf(issues: readonly FieldIssue[]): PlanFormErrors {
  const errors: PlanFormErrors = {};
  for (const issue of issues) {
    const input = inputOf(issue.path);
    errors[input] ??=
      issue.code === "taken"
        ? "admin.plan.error.slugTaken"
        : input === "slug"
          ? "admin.plan.error.slugFormat"
          : input === "autoRenew"
            ? "admin.plan.error.passRenews"
            : "form.error.invalid";
  }
  return errors;
}
