import { expect } from "vitest";
import type { CreatePaymentRequest, GatewayEvent, PaymentResult, WebhookInput } from "../../ports/gateway";
import {
  createPayable,
  type GatewayScenario,
  lookupOf,
  type PendingMethod,
  pendingMethods,
  pendingRequest,
  referenceOf,
  type ScenarioContext,
} from "./scenario-kit";

/**
 * Notifications as providers really send them: late, several at once, out of order, in
 * batches (API Pix `{"pix":[…]}`, Inter's Cobrança arrays), and about charges that are not
 * ours. Whatever the order, core must reach each payment's final state; whatever arrives,
 * news about someone else's charge must never touch one of ours.
 */

interface Created {
  request: CreatePaymentRequest;
  providerReference: string;
}

/** The gateway's webhooks and a method that waits on the payer, or a skip. */
function requireNotifiedPending(context: ScenarioContext): PendingMethod {
  if (context.gateway.capabilities.webhooks === null) return context.skip("the gateway declares no webhooks");
  const method = pendingMethods(context.gateway)[0];
  if (method === undefined) return context.skip("the gateway has no method that waits on the payer");
  return method;
}

async function createPending(context: ScenarioContext, method: PendingMethod): Promise<Created> {
  const request = pendingRequest(context, method);
  return { request, providerReference: referenceOf(await createPayable(context, request)) };
}

/** Every event of these notifications, parsed in the order given; each must be authentic. */
async function parseAll(context: ScenarioContext, notifications: WebhookInput[]): Promise<GatewayEvent[][]> {
  const events: GatewayEvent[][] = [];
  for (const notification of notifications) {
    const parsed = await context.gateway.parseWebhook(notification);
    expect(parsed, "a notification the provider delivered is authentic, whatever its order").toMatchObject({
      authentic: true,
    });
    events.push(parsed.authentic ? parsed.events : []);
  }
  return events;
}

function sameState(event: PaymentResult, truth: PaymentResult): boolean {
  if (event.status !== truth.status) return false;
  if (event.status === "unknown" || truth.status === "unknown") return true;
  return event.refundedAmount.amount === truth.refundedAmount.amount;
}

export const notificationScenarios = {
  convergesOnNotificationsInReverseOrder: {
    title:
      "gives several payments' news, delivered together in reverse order, what core needs to reach each one's final state",
    async run(context) {
      const method = requireNotifiedPending(context);
      const tick = async () => context.harness.advanceClock?.(1_000);
      const paid = await createPending(context, method);
      const refunded = await createPending(context, method);
      const canceled = await createPending(context, method);
      const watched: Created[] = [paid];

      await context.harness.payPending(paid.providerReference);
      await tick();
      await context.harness.payPending(refunded.providerReference);
      await tick();
      const rules = context.gateway.capabilities.refunds[method];
      if (rules !== undefined) {
        // A payment with two pieces of news: paid, then refunded — the older one must not win.
        const answer = await context.gateway.refund({
          refundKey: context.newKey(),
          providerReference: refunded.providerReference,
          paymentIdempotencyKey: refunded.request.idempotencyKey,
          amount: refunded.request.amount,
        });
        expect(["succeeded", "pending"]).toContain(answer.status);
        await tick();
      }
      watched.push(refunded);
      if (context.gateway.capabilities.cancel && context.gateway.cancel !== undefined) {
        await context.gateway.cancel(lookupOf(context, canceled.request, canceled.providerReference));
        await tick();
        watched.push(canceled);
      }

      const delivered = await context.harness.deliveredNotifications();
      const parsed = (await parseAll(context, [...delivered].reverse())).flat();
      for (const payment of watched) {
        const truth = await context.gateway.getPayment(
          lookupOf(context, payment.request, payment.providerReference),
        );
        if (truth === null) return expect.fail("the provider lost a payment it notified");
        const about = parsed.filter((event) => event.payment.providerReference === payment.providerReference);
        // API Pix notifies Pix received only, never a charge removed at our request: core applied
        // the cancel's own answer. A provider that does notify a cancel is held to its news.
        if (payment === canceled && about.length === 0) continue;
        expect(about.length, `${payment.request.idempotencyKey}: the provider notified it`).toBeGreaterThan(
          0,
        );
        // Core orders news by occurredAt, not by arrival: the latest must be the final state.
        const latest = Math.max(...about.map((event) => Date.parse(event.occurredAt)));
        const newest = about.filter((event) => Date.parse(event.occurredAt) === latest);
        expect(
          newest.some((event) => sameState(event.payment, truth)),
          `${payment.request.idempotencyKey}: the newest news is the final state (${truth.status}, refunded ${truth.status === "unknown" ? "?" : truth.refundedAmount.amount}), got ${JSON.stringify(newest.map((event) => event.payment))}`,
        ).toBe(true);
      }
    },
  },
  ignoresNotificationAboutChargeNotOurs: {
    title:
      "parses news about a charge made outside Tessera without touching ours: refused, or authentic and about none of our payments",
    async run(context) {
      const method = requireNotifiedPending(context);
      const outside = context.harness.chargeOutsideUs;
      if (outside === undefined) return context.skip("the harness cannot make a charge outside Tessera");
      const ours = await createPending(context, method);
      await context.harness.deliveredNotifications();

      await outside.call(context.harness);
      const delivered = await context.harness.deliveredNotifications();
      expect(delivered.length, "the provider notified the outside charge").toBeGreaterThan(0);
      for (const notification of delivered) {
        const parsed = await context.gateway.parseWebhook(notification);
        if (!parsed.authentic) {
          expect(parsed.reason, "a refusal says why").not.toBe("");
          continue;
        }
        for (const event of parsed.events) {
          expect(event.idempotencyKey, "not our key").not.toBe(ours.request.idempotencyKey);
          expect(event.payment.providerReference, "not our charge").not.toBe(ours.providerReference);
        }
      }
      expect(
        (await context.gateway.getPayment(lookupOf(context, ours.request, ours.providerReference)))?.status,
        "ours is untouched",
      ).toBe("pending");
    },
  },
  parsesBatchedNotificationIntoEachEvent: {
    title:
      "parses one notification carrying several payments' news into one event each, each with its own event id",
    async run(context) {
      const method = requireNotifiedPending(context);
      const together = context.harness.payPendingTogether;
      if (together === undefined)
        return context.skip("the provider sends one notification per payment: it has no batches");
      const payments = [
        await createPending(context, method),
        await createPending(context, method),
        await createPending(context, method),
      ];
      const references = payments.map((payment) => payment.providerReference);
      await context.harness.deliveredNotifications();

      await together.call(context.harness, references);
      const batches = (await parseAll(context, await context.harness.deliveredNotifications())).filter(
        (events) => new Set(events.map((event) => event.payment.providerReference)).size > 1,
      );
      expect(batches.length, "one body carried several payments' news").toBeGreaterThan(0);
      const events = batches.flat();
      for (const payment of payments) {
        const about = events.filter((event) => event.payment.providerReference === payment.providerReference);
        expect(
          about.map((event) => event.payment.status),
          `${payment.request.idempotencyKey}: the batch reports it paid`,
        ).toContain("succeeded");
        for (const event of about)
          expect([null, payment.request.idempotencyKey], "an event names its own payment's key").toContain(
            event.idempotencyKey,
          );
      }
      // The inbox keys on providerEventId: two events of one batch sharing one would drop one.
      for (const batch of batches)
        expect(new Set(batch.map((event) => event.providerEventId)).size, "an id per event").toBe(
          batch.length,
        );
    },
  },
} satisfies Record<string, GatewayScenario>;
