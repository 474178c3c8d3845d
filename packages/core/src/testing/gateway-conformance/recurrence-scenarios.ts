import { expect } from "vitest";
import { declineCodes } from "../../payments/decline-code";
import type { PaymentMethod } from "../../payments/payment-method";
import {
  type CreatePaymentRequest,
  defaultRecurrenceRules,
  type GatewayEvent,
  type PaymentResult,
  type RecurrenceReference,
  type RecurrenceRequest,
  type RecurrenceRules,
} from "../../ports/gateway";
import { periodStart } from "../../time/billing-schedule";
import { addDays, type CalendarDate, daysBetween } from "../../time/calendar-date";
import { calendarDateInZone } from "../../time/timezone";
import type { ProviderChargeRecord } from "./gateway-harness";
import {
  cardRequest,
  createPayable,
  type GatewayScenario,
  lookupOf,
  notificationsAbout,
  pendingRequest,
  referenceOf,
  requireCards,
  type ScenarioContext,
  standardAmount,
} from "./scenario-kit";

/**
 * Provider-driven recurrence (`capabilities.providerRecurrence`): Cielo's RecurrentPayment
 * on cards, PagoLivre's monthly charges on a payment link. The create's charge is charge 1 —
 * a card's at once, a link's once the payer paid it on the provider's page — and the
 * provider then charges by itself and notifies each charge as a payment of its own
 * (`GatewayEvent.recurrenceCharge`). What the provider takes and how it runs it
 * (`capabilities.recurrenceRules`) shapes each request and each expectation: the count, the
 * later amount, the day of charge 2, what follows a decline. Every scenario checks the
 * provider's books (`ProviderChargeRecord.recurrenceReference`) and what it delivered.
 */

const dayMs = 86_400_000;
/** What each later charge collects where it may differ: not `standardAmount`, so charge 1 and a later one tell apart. */
const laterAmount = 8_000;
const monthly = { unit: "month", count: 1 } as const;
/** The methods the suite runs a provider recurrence on, in the order it prefers them. */
const recurringMethods = ["card", "payment_link"] as const satisfies readonly PaymentMethod[];

type RecurringRequest = CreatePaymentRequest & { recurrence: RecurrenceRequest };

/** What a scenario runs the recurrence with: the method, the gateway's declared rules, the provider's clock. */
interface RecurrenceSetup {
  method: (typeof recurringMethods)[number];
  rules: Readonly<RecurrenceRules>;
  advanceDays(days: number): Promise<void>;
}

/** The recurrence abilities a scenario needs, or a skip naming what is missing. */
function requireRecurrence(
  context: ScenarioContext,
  needs: { clock: boolean; webhooks: boolean },
): RecurrenceSetup {
  const declared = context.gateway.capabilities.providerRecurrence;
  const method = recurringMethods.find((candidate) => declared.includes(candidate));
  if (method === undefined)
    return context.skip(
      declared.length === 0
        ? "the gateway declares no provider recurrence"
        : `the suite runs provider recurrence on cards and payment links; the gateway declares it for ${declared.join(", ")} only`,
    );
  if (method === "card") requireCards(context);
  const advanceClock = context.harness.advanceClock;
  if (needs.clock && advanceClock === undefined)
    return context.skip("the harness cannot move the provider's clock (advanceClock)");
  if (needs.webhooks && context.gateway.capabilities.webhooks === null)
    return context.skip("the gateway declares no webhooks, so no recurrent charge's news can arrive");
  const advanceDays = async (days: number) => {
    if (advanceClock === undefined) return context.skip("the harness cannot move the provider's clock");
    if (days > 0) await advanceClock.call(context.harness, days * dayMs);
  };
  return {
    method,
    rules: context.gateway.capabilities.recurrenceRules ?? defaultRecurrenceRules,
    advanceDays,
  };
}

/** The provider's today in Brasília time. */
function providerToday(context: ScenarioContext): CalendarDate {
  return calendarDateInZone(context.harness.clock.now(), "America/Sao_Paulo");
}

/**
 * What a scenario asks for: charge 2 `daysToSecond` days from today (where the provider
 * honours the day), then monthly; `charges` in all, or `longest` — open-ended where the
 * gateway takes it, else as many as it allows.
 */
interface RecurrencePlan {
  daysToSecond: number;
  charges: number | "longest";
}

/** `base` with a recurrence the gateway's rules allow, or a skip when they allow none like it. */
function recurringRequest(
  context: ScenarioContext,
  setup: RecurrenceSetup,
  base: CreatePaymentRequest,
  plan: RecurrencePlan,
): RecurringRequest {
  const { maxCharges, equalCharges } = setup.rules;
  const charges = plan.charges === "longest" ? maxCharges : plan.charges;
  if (charges !== null && maxCharges !== null && charges > maxCharges)
    return context.skip(
      `the gateway takes at most ${maxCharges} charges per recurrence (recurrenceRules.maxCharges); the scenario needs ${charges}`,
    );
  const recurrence: RecurrenceRequest = {
    interval: monthly,
    charges,
    amount: equalCharges ? base.amount : context.money(laterAmount),
    secondChargeOn: addDays(providerToday(context), plan.daysToSecond),
  };
  return { ...base, recurrence };
}

/** A recurrence running at the provider, charge 1 collected. */
interface StartedRecurrence {
  request: RecurringRequest;
  /** Charge 1's. */
  providerReference: string;
  recurrenceReference: string;
  /** The provider's today at the create. */
  createdOn: CalendarDate;
}

function expectRecurrenceReference(result: PaymentResult, what: string): string {
  const recurrenceReference = result.status === "unknown" ? undefined : result.recurrenceReference;
  expect(recurrenceReference, what).toEqual(expect.any(String));
  expect(recurrenceReference).not.toBe("");
  return recurrenceReference as string;
}

/**
 * Sells with a recurrence and collects charge 1: a card is charged by the create; a link is
 * created pending — its answer already naming the recurrence, which core records from a
 * first answer — and the payer pays it. `laterCharges: "declined"` pays with what the
 * provider declines every time it charges by itself, or skips when the harness has none.
 */
async function startRecurrence(
  context: ScenarioContext,
  setup: RecurrenceSetup,
  plan: RecurrencePlan,
  laterCharges: "approved" | "declined" = "approved",
): Promise<StartedRecurrence> {
  if (setup.method === "card") {
    const cards = requireCards(context);
    const card =
      laterCharges === "declined" ? ((await cards.recurrentDeclines?.()) ?? null) : await cards.approved();
    if (card === null)
      return context.skip(
        "the harness has no card whose recurrent charges decline (CardControls.recurrentDeclines)",
      );
    const request = recurringRequest(context, setup, cardRequest(context, card), plan);
    const createdOn = providerToday(context);
    const first = await context.gateway.createPayment(request);
    expect(first.status, "charge 1 of an approved card is succeeded").toBe("succeeded");
    const providerReference = referenceOf(first);
    const recurrenceReference = expectRecurrenceReference(
      first,
      "the create answers the provider's recurrence reference",
    );
    return { request, providerReference, recurrenceReference, createdOn };
  }
  const pay =
    laterCharges === "declined"
      ? context.harness.payPendingWithRecurrentDeclines
      : context.harness.payPending;
  if (pay === undefined)
    return context.skip(
      "the harness cannot have the payer pay with a card whose recurrent charges decline (payPendingWithRecurrentDeclines)",
    );
  const request = recurringRequest(context, setup, pendingRequest(context, setup.method), plan);
  const createdOn = providerToday(context);
  const pending = await createPayable(context, request);
  const providerReference = referenceOf(pending);
  const recurrenceReference = expectRecurrenceReference(
    pending,
    "the create answers the provider's recurrence reference while the link waits on the payer",
  );
  await pay.call(context.harness, providerReference);
  expect(
    await context.gateway.getPayment(lookupOf(context, request, providerReference)),
    "charge 1 is succeeded once the payer paid, still naming its recurrence",
  ).toMatchObject({ status: "succeeded", providerReference, recurrenceReference });
  return { request, providerReference, recurrenceReference, createdOn };
}

/**
 * The day the provider makes charge `sequence` (≥ 2), as the gateway declares it picks it
 * (`recurrenceRules.secondChargeDay`): on `secondChargeOn` and that day of each later period,
 * or one period after the create, and so on.
 */
function chargeDay(setup: RecurrenceSetup, started: StartedRecurrence, sequence: number): CalendarDate {
  const { secondChargeOn, interval } = started.request.recurrence;
  return setup.rules.secondChargeDay === "requested"
    ? periodStart(secondChargeOn, interval, sequence - 2)
    : periodStart(started.createdOn, interval, sequence - 1);
}

/** Moves the clock until `day` has passed whole in Brasília, wherever in the day the provider charges. */
async function advancePast(
  context: ScenarioContext,
  advanceDays: (days: number) => Promise<void>,
  day: CalendarDate,
): Promise<void> {
  await advanceDays(daysBetween(providerToday(context), day) + 1);
}

/** Moves the clock to the day before `day` in Brasília. */
async function advanceToEve(
  context: ScenarioContext,
  advanceDays: (days: number) => Promise<void>,
  day: CalendarDate,
): Promise<void> {
  await advanceDays(daysBetween(providerToday(context), day) - 1);
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

function deactivation(context: ScenarioContext, started: StartedRecurrence): RecurrenceReference {
  return {
    recurrenceReference: started.recurrenceReference,
    firstPayment: lookupOf(context, started.request, started.providerReference),
  };
}

/** Each try is notified declined with a standard code, never as charge 1, and no try collected anything. */
async function expectDeclinedTries(
  context: ScenarioContext,
  started: StartedRecurrence,
  told: readonly GatewayEvent[],
): Promise<ProviderChargeRecord[]> {
  for (const event of told) {
    expect(event.payment.status, "each try is notified declined").toBe("declined");
    if (event.payment.status === "declined") expect(declineCodes).toContain(event.payment.declineCode);
    expect(event.payment.providerReference, "a try is never charge 1").not.toBe(started.providerReference);
  }
  const books = await chargesOfRecurrence(context, started.recurrenceReference);
  const later = books.filter((charge) => charge.providerReference !== started.providerReference);
  expect(
    later.map((charge) => charge.collected.amount),
    "no try collected anything",
  ).toEqual(later.map(() => 0));
  return books;
}

/** `retry_then_end`: charge 2 is tried again and again, attempts counted from 1, until the provider gives up. */
async function expectRetriedThenEnded(context: ScenarioContext, setup: RecurrenceSetup): Promise<void> {
  const { advanceDays } = setup;
  const started = await startRecurrence(context, setup, { daysToSecond: 1, charges: "longest" }, "declined");
  const news = recurrenceNews(context, started.recurrenceReference);

  await advancePast(context, advanceDays, chargeDay(setup, started, 2));
  let told = await news();
  // Providers retry a few days apart at most (the sandbox: daily); two weeks is ample.
  for (let day = 0; day < 14 && !told.some((event) => event.recurrenceCharge?.recurrenceEnded); day += 1) {
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
  const books = await expectDeclinedTries(context, started, told);

  await advanceDays(62);
  expect(await news(), "nothing more is notified once it ended").toHaveLength(told.length);
  expect(
    await chargesOfRecurrence(context, started.recurrenceReference),
    "and nothing more is charged",
  ).toHaveLength(books.length);
}

/** `next_period`: a declined charge stays so, the next is made on its own day, the last ends it. */
async function expectNextPeriodCharged(context: ScenarioContext, setup: RecurrenceSetup): Promise<void> {
  const { advanceDays } = setup;
  const started = await startRecurrence(context, setup, { daysToSecond: 1, charges: 3 }, "declined");
  const { recurrenceReference } = started;
  const news = recurrenceNews(context, recurrenceReference);

  await advancePast(context, advanceDays, chargeDay(setup, started, 2));
  expect(
    (await news()).map((event) => event.recurrenceCharge),
    "charge 2 is notified declined, the recurrence going on",
  ).toEqual([{ recurrenceReference, sequence: 2, attempt: 1, recurrenceEnded: false }]);
  // A provider that retries does so days apart (the sandbox: daily); two weeks would show it.
  await advanceDays(14);
  expect(await news(), "the provider never tries a declined charge again").toHaveLength(1);

  await advancePast(context, advanceDays, chargeDay(setup, started, 3));
  const told = await news();
  expect(
    told.map((event) => event.recurrenceCharge),
    "charge 3 is made on its own day and, the last, ends the recurrence",
  ).toEqual([
    { recurrenceReference, sequence: 2, attempt: 1, recurrenceEnded: false },
    { recurrenceReference, sequence: 3, attempt: 1, recurrenceEnded: true },
  ]);
  const references = told.map((event) => event.payment.providerReference);
  expect(new Set([started.providerReference, ...references]).size, "three charges, three references").toBe(3);
  const books = await expectDeclinedTries(context, started, told);
  expect(books, "the books hold charge 1 and the two declined months").toHaveLength(3);

  await advanceDays(62);
  expect(await news(), "nothing more is notified once it ended").toHaveLength(2);
  expect(await chargesOfRecurrence(context, recurrenceReference), "and nothing more is charged").toHaveLength(
    3,
  );
}

export const recurrenceScenarios = {
  recurrenceStartsWithOneCharge: {
    title:
      "answers a sale with recurrence (a card's create, a link's once paid) with the provider's recurrenceReference, charging once, and keeps answering it on lookups",
    async run(context) {
      const setup = requireRecurrence(context, { clock: false, webhooks: false });
      const started = await startRecurrence(context, setup, { daysToSecond: 3, charges: "longest" });
      const { request, providerReference, recurrenceReference } = started;

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
      "makes charge 2 by itself on its day (secondChargeOn, or the provider's own as recurrenceRules.secondChargeDay declares), as a charge of its own, and notifies it as sequence 2, attempt 1",
    async run(context) {
      const setup = requireRecurrence(context, { clock: true, webhooks: true });
      const { advanceDays } = setup;
      const started = await startRecurrence(context, setup, { daysToSecond: 3, charges: "longest" });
      const { request, providerReference, recurrenceReference } = started;
      const news = recurrenceNews(context, recurrenceReference);
      const secondOn = chargeDay(setup, started, 2);

      await advanceToEve(context, advanceDays, secondOn);
      expect(
        await chargesOfRecurrence(context, recurrenceReference),
        setup.rules.secondChargeDay === "requested"
          ? "nothing charged before its day"
          : "nothing charged before the provider's own day, secondChargeOn passed or not",
      ).toHaveLength(1);
      await advancePast(context, advanceDays, secondOn);

      const books = await chargesOfRecurrence(context, recurrenceReference);
      expect(books, "the provider's books hold charge 2 beside charge 1").toHaveLength(2);
      const second = books.find((charge) => charge.providerReference !== providerReference);
      expect(second, "charge 2 has a provider reference of its own").toBeDefined();
      if (second === undefined) return;
      expect(second.amount, "charge 2 collects the recurrence's amount").toEqual(request.recurrence.amount);
      expect(second.collected.amount).toBe(request.recurrence.amount.amount);

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
      "notifies a declined recurrent charge, then as recurrenceRules.declinedCharge declares: retries it as attempt 2 and on and says recurrenceEnded when it gives up, or never retries it and charges the next period on its day, the last charge ending the recurrence",
    async run(context) {
      const setup = requireRecurrence(context, { clock: true, webhooks: true });
      if (setup.rules.declinedCharge === "retry_then_end") await expectRetriedThenEnded(context, setup);
      else await expectNextPeriodCharged(context, setup);
    },
  },
  fixedCountRecurrenceEndsOnItsLastCharge: {
    title: "stops a recurrence of a fixed count after its last charge, which says recurrenceEnded",
    async run(context) {
      const setup = requireRecurrence(context, { clock: true, webhooks: true });
      const { advanceDays } = setup;
      const started = await startRecurrence(context, setup, { daysToSecond: 1, charges: 3 });
      const { request, providerReference, recurrenceReference } = started;
      const news = recurrenceNews(context, recurrenceReference);

      await advancePast(context, advanceDays, chargeDay(setup, started, 3));
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
      ).toBe(standardAmount + 2 * request.recurrence.amount.amount);
      expect(books).toHaveLength(3);

      await advanceDays(93);
      expect(await news(), "no charge 4 is notified").toHaveLength(2);
      expect(await chargesOfRecurrence(context, recurrenceReference), "nor made").toHaveLength(3);
      const deactivate = context.gateway.deactivateRecurrence;
      if (deactivate !== undefined) {
        const answer = await deactivate.call(context.gateway, deactivation(context, started));
        expect(answer.status, "a finished recurrence is already ended").toBe("already_ended");
      }
    },
  },
  deactivatedRecurrenceChargesNoMore: {
    title: "makes no further charge after deactivateRecurrence, and answers already_ended when asked again",
    async run(context) {
      const setup = requireRecurrence(context, { clock: true, webhooks: false });
      const { advanceDays } = setup;
      const deactivate = context.gateway.deactivateRecurrence;
      if (deactivate === undefined) return context.skip("the gateway has no deactivateRecurrence");
      const started = await startRecurrence(context, setup, { daysToSecond: 2, charges: "longest" });
      const { recurrenceReference } = started;
      const reference = deactivation(context, started);
      const news =
        context.gateway.capabilities.webhooks === null ? null : recurrenceNews(context, recurrenceReference);

      const answer = await deactivate.call(context.gateway, reference);
      expect(answer.status).toBe("deactivated");
      expect(answer.rawStatus, "the provider's word is kept").not.toBe("");
      await advancePast(context, advanceDays, chargeDay(setup, started, 2));
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
