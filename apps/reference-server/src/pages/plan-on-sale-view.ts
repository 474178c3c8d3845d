import type { Plan, SupportedLocale } from "@tessera/core";
import type { Translate } from "../i18n/translator";
import { describePlan, type PlanDisplay } from "./plan-display";

/** The path of a plan's checkout page. */
export const planPagePath = (unitSlug: string, planSlug: string) => `/u/${unitSlug}/${planSlug}`;

/** A plan in a list of plans on sale: its description, and the button to its checkout. */
export interface PlanOnSaleView extends PlanDisplay {
  href: string;
  /** The plan's own call to action (`onlineSale.buttonText`). */
  buttonText: string;
}

export function planOnSaleView(
  plan: Plan,
  unitSlug: string,
  locale: SupportedLocale,
  t: Translate,
): PlanOnSaleView {
  return {
    ...describePlan(plan, locale, t),
    href: planPagePath(unitSlug, plan.onlineSale.slug),
    buttonText: plan.onlineSale.buttonText || t("checkout.buy"),
  };
}
