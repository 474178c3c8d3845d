import {
  type Contract,
  type Installment,
  noMoreAttempts,
  type SupportedLocale,
  type Unit,
} from "@tessera/core";
import type { Translate } from "../i18n/translator";
import { formatDay, formatMoment } from "../pages/date-display";

/** Lines the billing run may still collect: the ones its dunning counts on. */
const isUnpaid = (line: Installment) => line.status === "awaiting" || line.status === "denied";

/** "1, 3 e 7" in the member's language. */
function dayList(days: readonly number[], locale: SupportedLocale): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(days.map(String));
}

/**
 * Where the contract's collection stands, as staff read it: whether it is past due, the
 * unit's retry schedule (`Unit.dunningRetryDays`, days after the due date — docs/billing-run.md)
 * and the last failed attempt's words and day.
 */
export function contractDunningView(contract: Contract, unit: Unit, t: Translate, locale: SupportedLocale) {
  const retryDays = unit.dunningRetryDays;
  const last = retryDays[retryDays.length - 1];
  return {
    pastDue: contract.status === "past_due",
    schedule:
      last === undefined
        ? t("admin.contract.dunning.noRetries")
        : t("admin.contract.dunning.schedule", { days: dayList(retryDays, locale), count: last }),
    issue: contract.paymentIssue
      ? t("admin.contract.issue", {
          date: formatMoment(contract.paymentIssue.at, locale, unit.timeZone),
          message: contract.paymentIssue.message,
        })
      : "",
  };
}

/**
 * One installment's dunning state, or null when there is none to tell: a line never tried
 * and waiting for its due date says nothing more than its date. Failures are told on any
 * line (a line paid after two failures keeps its history); the next attempt only on a line
 * still unpaid — `noMoreAttempts` being "no more retries", a null one the due date itself.
 */
export function installmentDunningView(line: Installment, t: Translate, locale: SupportedLocale) {
  const unpaid = isUnpaid(line);
  if (line.failedAttempts === 0 && !(unpaid && line.nextAttemptOn !== null)) return null;
  const next = !unpaid
    ? null
    : line.nextAttemptOn === noMoreAttempts
      ? t("admin.contract.dunning.noMore")
      : line.nextAttemptOn === null
        ? t("admin.contract.dunning.onDueDate")
        : formatDay(line.nextAttemptOn, locale);
  return { failedAttempts: line.failedAttempts, next };
}
