import { formatCalendarDate } from "./mail-dates";
import type { MailFact } from "./mail-document";
import { nextDueDate } from "./payment-mail-blocks";
import type { SaleMailFacts } from "./sale-mail-facts";

/** The plan's terms as sold: plan, unit, start, end, next due date, installments, renewal. */
export function planFacts(facts: SaleMailFacts): MailFact[] {
  const { t, locale, contract } = facts;
  const next = nextDueDate(facts);
  const count = contract.terms.installmentCount;
  return [
    { label: t("mail.fact.plan"), value: contract.terms.planName },
    { label: t("mail.fact.unit"), value: facts.unit.name },
    { label: t("mail.fact.startDate"), value: formatCalendarDate(contract.startDate, locale) },
    ...(contract.endDate
      ? [{ label: t("mail.fact.endDate"), value: formatCalendarDate(contract.endDate, locale) }]
      : []),
    ...(next ? [{ label: t("mail.fact.nextDueDate"), value: formatCalendarDate(next, locale) }] : []),
    {
      label: t("mail.fact.installments"),
      value: count === null ? t("mail.fact.openEnded") : t("mail.fact.installmentCount", { count }),
    },
    ...(contract.terms.autoRenew ? [{ label: t("mail.fact.renewal"), value: t("mail.fact.autoRenew") }] : []),
  ];
}
