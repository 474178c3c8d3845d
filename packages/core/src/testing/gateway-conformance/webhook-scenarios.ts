import { expect } from "vitest";
import type { GatewayEvent, WebhookInput } from "../../ports/gateway";
import { paymentReferenceFor } from "../payment-reference-for";
import type { WebhookForgery } from "./gateway-harness";
import {
  collectPayment,
  type GatewayScenario,
  notificationsAbout,
  type ScenarioContext,
} from "./scenario-kit";

/** A genuine notification about a payment just collected (a paid PIX or boleto where offered). */
async function genuineNotification(
  context: ScenarioContext,
): Promise<{ notification: WebhookInput; providerReference: string }> {
  if (context.gateway.capabilities.webhooks === null) return context.skip("the gateway declares no webhooks");
  const { result } = await collectPayment(context, { preferPending: true });
  const news = await notificationsAbout(context, result.providerReference);
  expect(news.length, "the provider notified about the payment").toBeGreaterThan(0);
  const first = news[0];
  if (first === undefined) return context.skip("unreachable: no notification");
  return { notification: first.notification, providerReference: result.providerReference };
}

/**
 * A forged notification changes nothing: it is refused, or — where the gateway confirms by
 * lookup — its events say only what the provider itself says.
 */
function forgeryScenario(forgery: WebhookForgery, what: string): GatewayScenario {
  return {
    title: `rejects a notification with ${what}`,
    async run(context) {
      const { notification } = await genuineNotification(context);
      const forged = await context.harness.forge(notification, forgery);
      if (forged === null) return context.skip(`the gateway's authentication has no ${forgery} to test`);
      const parsed = await context.gateway.parseWebhook(forged);
      if (!parsed.authentic) {
        expect(parsed.reason, "a refusal says why").not.toBe("");
        return;
      }
      expect(
        context.gateway.capabilities.webhooks?.confirmsByLookup,
        `${what} was accepted without lookup`,
      ).toBe(true);
      for (const event of parsed.events) {
        const truth = await context.gateway.getPayment(
          paymentReferenceFor({
            idempotencyKey: event.idempotencyKey ?? undefined,
            providerReference: event.payment.providerReference,
          }),
        );
        expect(event.payment, "a confirmed event reports what the provider says").toEqual(truth);
      }
    },
  };
}

function eventIds(events: GatewayEvent[]): string[] {
  return events.map((event) => event.providerEventId);
}

export const webhookScenarios = {
  acceptsAuthenticNotification: {
    title: "accepts a genuine notification and reports the payment's news with a provider event id",
    async run(context) {
      const { notification, providerReference } = await genuineNotification(context);
      const parsed = await context.gateway.parseWebhook(notification);
      expect(parsed.authentic).toBe(true);
      if (!parsed.authentic) return;
      expect(parsed.events.length).toBeGreaterThan(0);
      for (const event of parsed.events) {
        expect(event.providerEventId).not.toBe("");
        expect(Number.isNaN(Date.parse(event.occurredAt)), "occurredAt is an instant").toBe(false);
      }
      const about = parsed.events.filter((event) => event.payment.providerReference === providerReference);
      expect(about.map((event) => event.payment.status)).toContain("succeeded");
    },
  },
  rejectsBadSignature: forgeryScenario("bad_signature", "a wrong signature"),
  rejectsMissingSignature: forgeryScenario("missing_signature", "no signature"),
  rejectsTamperedBody: forgeryScenario("tampered_body", "a body changed after signing"),
  rejectsStaleTimestamp: forgeryScenario("stale_timestamp", "a timestamp outside the tolerance"),
  replayedNotificationKeepsEventId: {
    title: "gives a notification delivered twice the same provider event ids, so the inbox drops the replay",
    async run(context) {
      const { notification } = await genuineNotification(context);
      const first = await context.gateway.parseWebhook(notification);
      const second = await context.gateway.parseWebhook({ ...notification });
      expect(first.authentic && second.authentic).toBe(true);
      if (!first.authentic || !second.authentic) return;
      expect(eventIds(second.events)).toEqual(eventIds(first.events));
    },
  },
} satisfies Record<string, GatewayScenario>;
