import type { ContractTerms } from "../contracts/contract";
import { schedulePeriod } from "../contracts/contract-schedule";
import { sumMoney } from "../money/money";
import type { PaymentMethod } from "../payments/payment-method";
import {
  defaultRecurrenceRules,
  type GatewayCapabilities,
  type RecurrenceRequest,
  type RecurrenceRules,
} from "../ports/gateway";
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
 *
 * A contract the provider's recurrence cannot take (`recurrenceRules`: more charges than it
 * runs, or open-ended where it runs fixed counts only; a charge 1 that differs from the
 * later ones where it splits one total evenly, as an enrollment fee makes it) is not asked
 * of the provider: Tessera's billing run collects its later periods instead.
 */
export function recurrenceRequestFor(
  capabilities: Pick<GatewayCapabilities, "providerRecurrence" | "recurrenceRules">,
  method: PaymentMethod,
  contract: { terms: ContractTerms; startDate: CalendarDate },
  today: CalendarDate,
): RecurrenceRequest | null {
  if (!capabilities.providerRecurrence.includes(method)) return null;
  const terms = recurrenceTermsOf(contract);
  if (!terms || compareDates(terms.secondChargeOn, today) <= 0) return null;
  return fitsRules(terms, contract, capabilities.recurrenceRules ?? defaultRecurrenceRules) ? terms : null;
}

function fitsRules(
  request: RecurrenceRequest,
  contract: { terms: ContractTerms; startDate: CalendarDate },
  rules: RecurrenceRules,
): boolean {
  if (rules.maxCharges !== null && (request.charges === null || request.charges > rules.maxCharges))
    return false;
  if (!rules.equalCharges) return true;
  const first = sumMoney(
    schedulePeriod(contract.terms, contract.startDate, 0).map((line) => line.amount),
    contract.terms.price.currency,
  );
  return first.amount === request.amount.amount;
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
