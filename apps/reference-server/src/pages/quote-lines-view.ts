import { formatMoney, type Plan, type SupportedLocale } from "@tessera/core";
import type { QuoteLine } from "../checkout/plan-quote";
import type { Translate } from "../i18n/translator";

/** Lines of money as a page lists them: what each is for, and its amount in the buyer's language. */
export interface MoneyLineView {
  label: string;
  amount: string;
}

/** Labels and formats the lines of a quote, an installment list or a receipt. */
export function quoteLinesView(
  lines: readonly QuoteLine[],
  planKind: Plan["kind"],
  locale: SupportedLocale,
  t: Translate,
): MoneyLineView[] {
  return lines.map((line) => ({
    // A pass's one line is the pass itself, not a period's fee.
    label: t(
      line.kind === "period" && planKind === "pass"
        ? "installment.kind.pass"
        : `installment.kind.${line.kind}`,
    ),
    amount: formatMoney(line.amount, locale),
  }));
}
