import { expect } from "vitest";
import type { CreatePaymentRequest } from "../../ports/gateway";
import {
  chargesFor,
  type GatewayScenario,
  lookupOf,
  notificationsAbout,
  pendingRequest,
  referenceOf,
  type ScenarioContext,
} from "./scenario-kit";

/** Ten minutes: long enough to look before it ends, short enough for any PSP's minimum. */
const lifetimeSeconds = 600;

/** A PIX that lives `lifetimeSeconds`, and the clock to move past it; skips where either is missing. */
async function expiringPix(context: ScenarioContext): Promise<{
  request: CreatePaymentRequest;
  providerReference: string;
  advance: (ms: number) => Promise<void>;
}> {
  if (!context.gateway.methods.includes("pix")) return context.skip("the gateway offers no pix");
  const advanceClock = context.harness.advanceClock;
  if (advanceClock === undefined) return context.skip("the harness cannot move the provider's clock");
  const request = { ...pendingRequest(context, "pix"), expiresInSeconds: lifetimeSeconds };
  const created = await context.gateway.createPayment(request);
  expect(created.status, "a new PIX waits on the payer").toBe("pending");
  return {
    request,
    providerReference: referenceOf(created),
    advance: (ms) => advanceClock.call(context.harness, ms),
  };
}

/** Expiry is the provider's clock, not ours: API Pix keeps an unpaid `cob` ATIVA, so the adapter reads `calendario`. */
export const expiryScenarios = {
  pixExpiresUnpaid: {
    title:
      "keeps a PIX pending until expiresInSeconds, then reports it canceled with reason expired; the payer can no longer pay it",
    async run(context) {
      const { request, providerReference, advance } = await expiringPix(context);
      await advance((lifetimeSeconds - 30) * 1000);
      expect(
        (await context.gateway.getPayment(lookupOf(context, request, providerReference)))?.status,
        "still payable before it expires",
      ).toBe("pending");

      await advance(60_000);
      const expired = await context.gateway.getPayment(lookupOf(context, request, providerReference));
      expect(expired?.status, "an unpaid PIX past its expiry is canceled").toBe("canceled");
      if (expired?.status === "canceled") expect(expired.reason).toBe("expired");

      // The payer tries anyway: the provider refuses, or takes nothing.
      await context.harness.payPending(providerReference).catch(() => undefined);
      expect((await context.gateway.getPayment(lookupOf(context, request)))?.status, "still canceled").toBe(
        "canceled",
      );
      const charges = await chargesFor(context, request.idempotencyKey);
      expect(
        charges.map((charge) => charge.collected.amount),
        "recorded once, nothing collected",
      ).toEqual([0]);
      if (context.gateway.capabilities.webhooks !== null) {
        const news = await notificationsAbout(context, providerReference);
        const statuses = news.flatMap(({ events }) => events.map((event) => event.payment.status));
        expect(statuses, "no notification reports an expired PIX paid").not.toContain("succeeded");
      }
    },
  },
  answersCancelOfExpiredPixAsExpired: {
    title:
      "answers a cancel of a PIX that already expired as it stands: canceled, reason expired, never a throw",
    async run(context) {
      const cancel = context.gateway.cancel;
      if (!context.gateway.capabilities.cancel || cancel === undefined)
        return context.skip("the gateway declares no cancel");
      const { request, providerReference, advance } = await expiringPix(context);
      await advance((lifetimeSeconds + 30) * 1000);
      const answer = await cancel.call(context.gateway, lookupOf(context, request, providerReference));
      expect(answer.status).toBe("canceled");
      if (answer.status === "canceled")
        expect(answer.reason, "it expired before we canceled").toBe("expired");
      const charges = await chargesFor(context, request.idempotencyKey);
      expect(charges.map((charge) => charge.collected.amount)).toEqual([0]);
    },
  },
} satisfies Record<string, GatewayScenario>;
