import type { CreatePaymentRequest, RecurrenceRequest } from "../ports/gateway";
import type { BillingInterval } from "../time/billing-schedule";
import { compareDates, isCalendarDate } from "../time/calendar-date";
import { calendarDateInZone } from "../time/timezone";
import type { CardFacts } from "./card-tokenizer";
import type { RecurrenceLink, SandboxRecurrenceTerms } from "./sandbox-recurrence-record";
import { newSandboxReference } from "./sandbox-reference";
import { invalidRequest, type SandboxState } from "./sandbox-state";

/**
 * Refuses a `recurrence` the provider would not run, as `gateway_invalid_request` naming the
 * field: on a method outside `capabilities.providerRecurrence`, on an authorization only
 * (`capture: false`), fewer than 2 charges, a later charge of nothing or in another currency,
 * or a `secondChargeOn` that is not a real day after today (Brasília time): charge 1 is today's.
 */
export function validateRecurrence(state: SandboxState, request: CreatePaymentRequest): void {
  const recurrence = request.recurrence;
  if (recurrence === undefined) return;
  const refuse = (message: string, field: string) => {
    throw invalidRequest(state, message, { field });
  };
  const methods = state.capabilities.providerRecurrence;
  if (!methods.includes(request.method)) {
    refuse(
      `The sandbox runs recurrences only for ${methods.join(", ") || "no method"}, not "${request.method}".`,
      "recurrence",
    );
  }
  if (request.capture === false) refuse("A recurrence starts with a captured charge.", "capture");
  if (!isBillingInterval(recurrence.interval)) {
    refuse('The interval is { unit: "month" | "day", count: 1–120 }.', "recurrence.interval");
  }
  if (recurrence.charges !== null && !(Number.isSafeInteger(recurrence.charges) && recurrence.charges >= 2)) {
    refuse("A recurrence has at least 2 charges in all (or null, until deactivated).", "recurrence.charges");
  }
  if (recurrence.amount.currency !== request.amount.currency) {
    refuse("Every charge of a recurrence is in the first charge's currency.", "recurrence.amount.currency");
  }
  if (!(Number.isSafeInteger(recurrence.amount.amount) && recurrence.amount.amount > 0)) {
    refuse("A later charge is a positive whole number of centavos.", "recurrence.amount.amount");
  }
  const today = calendarDateInZone(state.clock.now(), "America/Sao_Paulo");
  if (!isCalendarDate(recurrence.secondChargeOn) || compareDates(recurrence.secondChargeOn, today) <= 0) {
    refuse("The second charge falls on a real day (YYYY-MM-DD) after today.", "recurrence.secondChargeOn");
  }
}

/**
 * The recurrence an approved charge 1 starts: its terms for the books (with the card, which
 * the provider keeps charging, as Cielo keeps a recurrence's card), and charge 1's link.
 */
export function startRecurrence(
  state: SandboxState,
  request: CreatePaymentRequest & { recurrence: RecurrenceRequest },
  firstChargeReference: string,
  card: CardFacts,
): { terms: SandboxRecurrenceTerms; link: RecurrenceLink } {
  const { brand, last4, expMonth, expYear, outcome } = card;
  const terms: SandboxRecurrenceTerms = {
    reference: newSandboxReference("sbxrec"),
    firstChargeReference,
    idempotencyKey: request.idempotencyKey,
    description: request.description,
    interval: request.recurrence.interval,
    charges: request.recurrence.charges,
    amount: request.recurrence.amount,
    secondChargeOn: request.recurrence.secondChargeOn,
    card: { brand, last4, expMonth, expYear, outcome },
    createdAt: state.clock.now(),
  };
  return { terms, link: { reference: terms.reference, sequence: 1, attempt: 1, endsRecurrence: false } };
}

/**
 * What `billingIntervalSchema` accepts, checked in place: a sale's request is the sandbox's
 * hot path, and a zod parse of two fields there cost more than the charge it guards.
 */
export function isBillingInterval(interval: unknown): interval is BillingInterval {
  if (typeof interval !== "object" || interval === null || Array.isArray(interval)) return false;
  const { unit, count } = interval as Record<string, unknown>;
  return (
    (unit === "month" || unit === "day") &&
    typeof count === "number" &&
    Number.isInteger(count) &&
    count >= 1 &&
    count <= 120
  );
}
