import { expect } from "vitest";
import { declineCodes } from "../../payments/decline-code";
import type {
  CardInput,
  CreatePaymentRequest,
  GatewayEvent,
  PaymentResult,
  RecurrenceReference,
  RecurrenceRequest,
} from "../../ports/gateway";
import { periodStart } from "../../time/billing-schedule";
import { addDays, type CalendarDate, daysBetween } from "../../time/calendar-date";
import { calendarDateInZone } from "../../time/timezone";
import type { ProviderChargeRecord } from "./gateway-harness";
import {
  cardRequest,
  type GatewayScenario,
  lookupOf,
  notificationsAbout,
  referenceOf,
  requireCards,
  type ScenarioContext,
  standardAmount,
} from "./scenario-kit";

/**
 * Provider-driven recurrence (`capabilities.providerRecurrence`, Cielo's RecurrentPayment):
 * the create's charge is charge 1, and the provider then charges by itself and notifies each
 * charge as a payment of its own (`GatewayEvent.recurrenceCharge`). Every scenario checks
 * the provider's books (`ProviderChargeRecord.recurrenceReference`) and what it delivered.
 */

const dayMs = 86_400_000;
/** What each later charge collects: not `standardAmount`, so charge 1 and a later one tell apart. */
const laterAmount = 8_000;
const monthly = { unit: "month", count: 1 } as const;

type RecurringRequest = CreatePaymentRequest & { recurrence: RecurrenceRequest };

/** The recurrence abilities a scenario needs, or a skip naming what is missing. */
function requireRecurrence(context: ScenarioContext, needs: { clock: boolean; webhooks: boolean }) {
  if (!context.gateway.capabilities.providerRecurrence.includes("card"))
    return context.skip("the gateway declares no provider recurrence for cards");
  const cards = requireCards(context);
  const advanceClock = context.harness.advanceClock;
  if (needs.clock && advanceClock === undefined)
    return context.skip("the harness cannot move the provider's clock (advanceClock)");
  if (needs.webhooks && context.gateway.capabilities.webhooks === null)
    return context.skip("the gateway declares no webhooks, so no recurrent charge's news can arrive");
  const advanceDays = async (days: number) => {
    if (advanceClock === undefined) return context.skip("the harness cannot move the provider's clock");
    if (days > 0) await advanceClock.call(context.harness, days * dayMs);
  };
  return { cards, advanceDays };
}

/** The provider's today in Brasília time: the day of charge 1. */
function providerToday(context: ScenarioContext): CalendarDate {
  return calendarDateInZone(context.harness.clock.now(), "America/Sao_Paulo");
}

/** A card sale whose charge 2 falls `daysToSecond` days from today, then monthly. */
function recurringRequest(
  context: ScenarioContext,
  card: CardInput,
  options: { daysToSecond: number; charges: number | null },
): RecurringRequest {
  const recurrence: RecurrenceRequest = {
    interval: monthly,
    charges: options.charges,
    amount: context.money(laterAmount),
    secondChargeOn: addDays(providerToday(context), options.daysToSecond),
  };
  return { ...cardRequest(context, card), recurrence };
}

/** Creates it and answers the charge-1 result with its recurrence reference, which it must have. */
async function startRecurrence(
  context: ScenarioContext,
  request: RecurringRequest,
): Promise<{ first: PaymentResult; providerReference: string; recurrenceReference: string }> {
  const first = await context.gateway.createPayment(request);
  expect(first.status, "charge 1 of an approved card is succeeded").toBe("succeeded");
  const providerReference = referenceOf(first);
  const recurrenceReference = first.status === "unknown" ? undefined : first.recurrenceReference;
  expect(recurrenceReference, "the create answers the provider's recurrence reference").toEqual(
    expect.any(String),
  );
  expect(recurrenceReference).not.toBe("");
  return { first, providerReference, recurrenceReference: recurrenceReference as string };
}

/** Moves the clock until `day` has passed whole in Brasília, wherever in the day the provider charges. */
async function advancePast(
  context: ScenarioContext,
  advanceDays: (days: number) => Promise<void>,
  day: CalendarDate,
): Promise<void> {
  await advanceDays(daysBetween(providerToday(context), day) + 1);
}

/** The recurrence's charges as the provider's books link them, in the order recorded. */
async function chargesOfRecurrence(
  context: ScenarioContext,
  recurrenceReference: string,
): Promise<ProviderChargeRecord[]> {
  const { charges } = await context.harness.providerRecords();
  return charges.filter((charge) => charge.recurrenceReference === recurrenceReference);
}

/**
 * Reads what the provider delivered since the last call and keeps the recurrence's news,
 * once per provider event; answers all kept so far, in the order delivered.
 */
function recurrenceNews(context: ScenarioContext, recurrenceReference: string) {
  const kept: GatewayEvent[] = [];
  const seen = new Set<string>();
  return async (): Promise<GatewayEvent[]> => {
    for (const notification of await context.harness.deliveredNotifications()) {
      const parsed = await context.gateway.parseWebhook(notification);
      expect(parsed, "a notification the provider delivered is authentic").toMatchObject({ authentic: true });
      if (!parsed.authentic) continue;
      for (const event of parsed.events) {
        if (event.recurrenceCharge?.recurrenceReference !== recurrenceReference) continue;
        if (seen.has(event.providerEventId)) continue;
        seen.add(event.providerEventId);
        kept.push(event);
      }
    }
    return [...kept];
  };
}

function deactivation(
  context: ScenarioContext,
  request: CreatePaymentRequest,
  providerReference: string,
  recurrenceReference: string,
): RecurrenceReference {
  return { recurrenceReference, firstPayment: lookupOf(context, request, providerReference) };
}

export const recurrenceScenarios = {
  recurrenceStartsWithOneCharge: {
    title:
      "answers a card sale with recurrence with the provider's recurrenceReference, charging once now, and keeps answering it on lookups",
    async run(context) {
      const { cards } = requireRecurrence(context, { clock: false, webhooks: false });
      const request = recurringRequest(context, await cards.approved(), { daysToSecond: 3, charges: null });
      const { providerReference, recurrenceReference } = await startRecurrence(context, request);

      const books = await chargesOfRecurrence(context, recurrenceReference);
      expect(
        books.map((charge) => [charge.providerReference, charge.collected.amount]),
        "the provider's books hold charge 1 of the recurrence, and no other yet",
      ).toEqual([[providerReference, standardAmount]]);
      expect(
        (await context.harness.providerRecords()).charges.filter(
          (charge) => charge.idempotencyKey === request.idempotencyKey,
        ),
        "one charge under our key",
      ).toHaveLength(1);
      for (const lookup of [lookupOf(context, request, providerReference), lookupOf(context, request)]) {
        expect(await context.gateway.getPayment(lookup), "a lookup of the first payment").toMatchObject({
          providerReference,
          recurrenceReference,
        });
      }
      if (context.gateway.capabilities.webhooks !== null) {
        const about = await notificationsAbout(context, providerReference);
        for (const { events } of about) {
          for (const event of events)
            expect(
              event.recurrenceCharge,
              "charge 1 is the create's own, never recurrence news",
            ).toBeUndefined();
        }
      }
    },
  },
  recurrenceMakesSecondChargeOnItsDay: {
    title:
      "makes charge 2 by itself on secondChargeOn, as a charge of its own, and notifies it as sequence 2, attempt 1",
    async run(context) {
      const { cards, advanceDays } = requireRecurrence(context, { clock: true, webhooks: true });
      const request = recurringRequest(context, await cards.approved(), { daysToSecond: 3, charges: null });
      const { providerReference, recurrenceReference } = await startRecurrence(context, request);
      const news = recurrenceNews(context, recurrenceReference);

      await advanceDays(2);
      expect(
        await chargesOfRecurrence(context, recurrenceReference),
        "nothing charged before its day",
      ).toHaveLength(1);
      await advancePast(context, advanceDays, request.recurrence.secondChargeOn);

      const books = await chargesOfRecurrence(context, recurrenceReference);
      expect(books, "the provider's books hold charge 2 beside charge 1").toHaveLength(2);
      const second = books.find((charge) => charge.providerReference !== providerReference);
      expect(second, "charge 2 has a provider reference of its own").toBeDefined();
      if (second === undefined) return;
      expect(second.amount, "charge 2 collects the recurrence's amount").toEqual(request.recurrence.amount);
      expect(second.collected.amount).toBe(laterAmount);

      const told = (await news()).filter((event) => event.recurrenceCharge?.sequence === 2);
      expect(told.length, "a notification reports charge 2").toBeGreaterThan(0);
      for (const event of told) {
        expect(event.recurrenceCharge).toEqual({
          recurrenceReference,
          sequence: 2,
          attempt: 1,
          recurrenceEnded: false,
        });
        expect(event.payment.providerReference, "the news is about charge 2, not charge 1").toBe(
          second.providerReference,
        );
        expect(event.payment).toMatchObject({ status: "succeeded", amount: request.recurrence.amount });
      }

      expect(
        await context.gateway.getPayment(lookupOf(context, request)),
        "our key still finds charge 1, whatever the provider made since",
      ).toMatchObject({ providerReference, amount: request.amount, recurrenceReference });
      const lookupOfSecond = {
        ...lookupOf(context, request, second.providerReference),
        amount: request.recurrence.amount,
      };
      expect(
        await context.gateway.getPayment(lookupOfSecond),
        "charge 2's reference finds charge 2",
      ).toMatchObject({
        status: "succeeded",
        providerReference: second.providerReference,
        amount: second.amount,
      });
    },
  },
  recurrenceRetriesDeclinedChargeThenEnds: {
    title:
      "notifies a declined recurrent charge, retries it as attempt 2 and on, and says recurrenceEnded when it gives up",
    async run(context) {
      const { cards, advanceDays } = requireRecurrence(context, { clock: true, webhooks: true });
      const card = (await cards.recurrentDeclines?.()) ?? null;
      if (card === null)
        return context.skip(
          "the harness has no card whose recurrent charges decline (CardControls.recurrentDeclines)",
        );
      const request = recurringRequest(context, card, { daysToSecond: 1, charges: null });
      const { providerReference, recurrenceReference } = await startRecurrence(context, request);
      const news = recurrenceNews(context, recurrenceReference);

      await advancePast(context, advanceDays, request.recurrence.secondChargeOn);
      let told = await news();
      // Providers retry a few days apart at most (the sandbox: daily); two weeks is ample.
      for (
        let day = 0;
        day < 14 && !told.some((event) => event.recurrenceCharge?.recurrenceEnded);
        day += 1
      ) {
        await advanceDays(1);
        told = await news();
      }
      const charges = told.map((event) => event.recurrenceCharge);
      expect(charges.length, "the provider tried charge 2 more than once").toBeGreaterThanOrEqual(2);
      expect(
        charges.map((charge) => [charge?.sequence, charge?.attempt]),
        "every try is of charge 2, attempts counted from 1",
      ).toEqual(charges.map((_, index) => [2, index + 1]));
      expect(
        charges.map((charge) => charge?.recurrenceEnded),
        "only the last try ends the recurrence",
      ).toEqual(charges.map((_, index) => index === charges.length - 1));
      for (const event of told) {
        expect(event.payment.status, "each try is notified declined").toBe("declined");
        if (event.payment.status === "declined") expect(declineCodes).toContain(event.payment.declineCode);
        expect(event.payment.providerReference, "a try is never charge 1").not.toBe(providerReference);
      }

      const booksBefore = await chargesOfRecurrence(context, recurrenceReference);
      expect(
        booksBefore
          .filter((charge) => charge.providerReference !== providerReference)
          .map((c) => c.collected.amount),
        "no try collected anything",
      ).toEqual(booksBefore.filter((charge) => charge.providerReference !== providerReference).map(() => 0));
      await advanceDays(62);
      expect(await news(), "nothing more is notified once it ended").toHaveLength(told.length);
      expect(
        await chargesOfRecurrence(context, recurrenceReference),
        "and nothing more is charged",
      ).toHaveLength(booksBefore.length);
    },
  },
  fixedCountRecurrenceEndsOnItsLastCharge: {
    title: "stops a recurrence of a fixed count after its last charge, which says recurrenceEnded",
    async run(context) {
      const { cards, advanceDays } = requireRecurrence(context, { clock: true, webhooks: true });
      const request = recurringRequest(context, await cards.approved(), { daysToSecond: 1, charges: 3 });
      const { providerReference, recurrenceReference } = await startRecurrence(context, request);
      const news = recurrenceNews(context, recurrenceReference);
      const thirdOn = periodStart(request.recurrence.secondChargeOn, monthly, 1);

      await advancePast(context, advanceDays, thirdOn);
      const told = await news();
      expect(
        told.map((event) => event.recurrenceCharge),
        "charges 2 and 3 notified, the last ending the recurrence",
      ).toEqual([
        { recurrenceReference, sequence: 2, attempt: 1, recurrenceEnded: false },
        { recurrenceReference, sequence: 3, attempt: 1, recurrenceEnded: true },
      ]);
      const references = told.map((event) => event.payment.providerReference);
      expect(new Set([providerReference, ...references]).size, "three charges, three references").toBe(3);
      const books = await chargesOfRecurrence(context, recurrenceReference);
      expect(
        books.reduce((sum, charge) => sum + charge.collected.amount, 0),
        "the books collected charge 1 and two later charges",
      ).toBe(standardAmount + 2 * laterAmount);
      expect(books).toHaveLength(3);

      await advanceDays(93);
      expect(await news(), "no charge 4 is notified").toHaveLength(2);
      expect(await chargesOfRecurrence(context, recurrenceReference), "nor made").toHaveLength(3);
      const deactivate = context.gateway.deactivateRecurrence;
      if (deactivate !== undefined) {
        const answer = await deactivate.call(
          context.gateway,
          deactivation(context, request, providerReference, recurrenceReference),
        );
        expect(answer.status, "a finished recurrence is already ended").toBe("already_ended");
      }
    },
  },
  deactivatedRecurrenceChargesNoMore: {
    title: "makes no further charge after deactivateRecurrence, and answers already_ended when asked again",
    async run(context) {
      const { cards, advanceDays } = requireRecurrence(context, { clock: true, webhooks: false });
      const deactivate = context.gateway.deactivateRecurrence;
      if (deactivate === undefined) return context.skip("the gateway has no deactivateRecurrence");
      const request = recurringRequest(context, await cards.approved(), { daysToSecond: 2, charges: null });
      const { providerReference, recurrenceReference } = await startRecurrence(context, request);
      const reference = deactivation(context, request, providerReference, recurrenceReference);
      const news =
        context.gateway.capabilities.webhooks === null ? null : recurrenceNews(context, recurrenceReference);

      const answer = await deactivate.call(context.gateway, reference);
      expect(answer.status).toBe("deactivated");
      expect(answer.rawStatus, "the provider's word is kept").not.toBe("");
      await advancePast(context, advanceDays, request.recurrence.secondChargeOn);
      await advanceDays(40);
      expect(
        await chargesOfRecurrence(context, recurrenceReference),
        "the books hold charge 1 only",
      ).toHaveLength(1);
      if (news !== null) expect(await news(), "no recurrent charge is notified").toEqual([]);
      expect((await deactivate.call(context.gateway, reference)).status, "a second deactivation").toBe(
        "already_ended",
      );
    },
  },
} satisfies Record<string, GatewayScenario>;
