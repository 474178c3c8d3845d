import { formatMoney, type Plan, type SupportedLocale } from "@tessera/core";
import type { Translate } from "../i18n/translator";

/** A plan as the public pages show it: every string in the visitor's language. */
export interface PlanDisplay {
  id: string;
  name: string;
  description: string;
  kind: string;
  /** The price per period ("R$ 189,90 por mês"), or once for a pass ("R$ 45,00 à vista"). */
  price: string;
  /** Terms worth knowing before buying: installments, fees, renewal, quotas, activation. */
  facts: string[];
}

/** Describes `plan` for a visitor reading `locale`; money is formatted with core's `formatMoney`. */
export function describePlan(plan: Plan, locale: SupportedLocale, t: Translate): PlanDisplay {
  const price = formatMoney(plan.price, locale);
  const { unit, count } = plan.interval;
  // A pass is bought once; only recurring plans are priced per period.
  const priceLine =
    plan.kind === "pass"
      ? t("plan.priceOnce", { price })
      : unit === "month"
        ? count === 1
          ? t("plan.pricePerMonth", { price })
          : t("plan.pricePerMonths", { price, count })
        : count === 1
          ? t("plan.pricePerDay", { price })
          : t("plan.pricePerDays", { price, count });

  const facts: string[] = [];
  if (plan.installmentCount === null) facts.push(t("plan.openEnded"));
  else if (plan.installmentCount > 1) facts.push(t("plan.installments", { count: plan.installmentCount }));
  if (plan.enrollmentFee && plan.enrollmentFee.amount > 0) {
    facts.push(t("plan.enrollmentFee", { price: formatMoney(plan.enrollmentFee, locale) }));
  }
  if (plan.autoRenew) facts.push(t("plan.autoRenew"));
  for (const quota of plan.quotas)
    facts.push(t("plan.quota", { quantity: quota.quantity, name: quota.name }));
  if (plan.activationMode === "staff_code") facts.push(t("plan.activation.staffCode"));

  return {
    id: plan.id,
    name: plan.name,
    description: plan.description,
    kind: plan.kind === "pass" ? t("plan.kind.pass") : t("plan.kind.recurring"),
    price: priceLine,
    facts,
  };
}
