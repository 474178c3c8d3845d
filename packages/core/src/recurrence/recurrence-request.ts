import type { ContractTerms } from "../contracts/contract";
import { schedulePeriod } from "../contracts/contract-schedule";
import { sumMoney } from "../money/money";
import type { PaymentMethod } from "../payments/payment-method";
import type { GatewayCapabilities, RecurrenceRequest } from "../ports/gateway";
import type { CalendarDate } from "../time/calendar-date";
import { compareDates } from "../time/calendar-date";

/**
 * What to ask the provider to charge by itself after a contract's first charge, or null
 * when the provider is not asked: the gateway runs no recurrence for the method, the plan is
 * a pass or has a single period, or charge 2 would fall on or before `today` (a first charge
 * retried that late is collected period by period instead).
 *
 * Charge 2 collects what the contract's second period is due (the period and its client-paid
 * fee; the enrollment fee was charge 1's), on its due day; a fixed number of periods is as
 * many charges, an open-ended plan runs until deactivated. Pure: the same contract always
 * yields the same request, so what was asked is known again without storing it first.
 */
export function recurrenceRequestFor(
  capabilities: Pick<GatewayCapabilities, "providerRecurrence">,
  method: PaymentMethod,
  contract: { terms: ContractTerms; startDate: CalendarDate },
  today: CalendarDate,
): RecurrenceRequest | null {
  if (!capabilities.providerRecurrence.includes(method)) return null;
  const terms = recurrenceTermsOf(contract);
  return terms && compareDates(terms.secondChargeOn, today) > 0 ? terms : null;
}

/** The recurrence a contract's terms call for, whatever the gateway; null for a pass or a single period. */
export function recurrenceTermsOf(contract: {
  terms: ContractTerms;
  startDate: CalendarDate;
}): RecurrenceRequest | null {
  const { terms, startDate } = contract;
  if (terms.kind !== "recurring" || terms.installmentCount === 1) return null;
  const second = schedulePeriod(terms, startDate, 1);
  const secondChargeOn = second[0]!.dueDate;
  return {
    interval: { unit: terms.interval.unit, count: terms.interval.count },
    charges: terms.installmentCount,
    amount: sumMoney(
      second.map((line) => line.amount),
      terms.price.currency,
    ),
    secondChargeOn,
  };
}
