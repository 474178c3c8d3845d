import { expect } from "vitest";
import { isTesseraError } from "../../errors/tessera-error";
import type { CreatePaymentRequest, PaymentResult } from "../../ports/gateway";
import type { FaultControls, TimeoutKind } from "./gateway-harness";
import {
  cardRequest,
  chargesFor,
  expectGatewayError,
  type GatewayScenario,
  lookupOf,
  type PendingMethod,
  payerActionOf,
  pendingMethods,
  pendingRequest,
  type ScenarioContext,
} from "./scenario-kit";

/**
 * A provider's bad day is never the buyer's decline (DESIGN §3). A lost answer is `unknown`
 * and recovery asks by our reference; a refusal the provider answered before doing anything
 * (credentials, a rate limit) is a `GatewayError` — so core records the attempt as never
 * sent, blocks nobody and tells staff.
 */

function requireFaults(context: ScenarioContext): FaultControls {
  const faults = context.harness.faults;
  if (faults === undefined) return context.skip("the harness injects no provider faults");
  return faults;
}

/** A new request, each call with a new key: a PIX or boleto where offered (no card token to spend), else an approved card. */
async function freshRequest(context: ScenarioContext): Promise<CreatePaymentRequest> {
  const pending = pendingMethods(context.gateway)[0];
  if (pending !== undefined) return pendingRequest(context, pending);
  const cards = context.harness.cards;
  if (cards === null) return context.skip("the gateway offers neither cards nor PIX nor boleto");
  return cardRequest(context, await cards.approved());
}

/** What a create the provider accepted answers: anything but a decline or a lost answer. */
const acceptedStatuses: PaymentResult["status"][] = [
  "succeeded",
  "authorized",
  "processing",
  "pending",
  "requires_action",
];

function pendingTimeoutScenario(method: PendingMethod, kind: TimeoutKind): GatewayScenario {
  const lost = kind === "after_charge";
  return {
    title: lost
      ? `reports a ${method} create whose answer was lost as unknown; a lookup by our key finds it pending, recorded once`
      : `reports a ${method} create that never arrived as unknown (or refused before sending); a lookup finds nothing, nothing recorded`,
    async run(context) {
      if (!context.gateway.methods.includes(method)) return context.skip(`the gateway offers no ${method}`);
      const faults = requireFaults(context);
      if (faults.timeoutNextCreate === undefined)
        return context.skip("the harness cannot make the provider time out a create");
      const request = pendingRequest(context, method);
      if (!(await faults.timeoutNextCreate(method, kind)))
        return context.skip(`the provider cannot simulate a ${kind} timeout of a ${method} create`);

      if (lost) {
        const result = await context.gateway.createPayment(request);
        expect(result.status, "a lost answer is unknown, never declined").toBe("unknown");
        const found = await context.gateway.getPayment(lookupOf(context, request));
        // Inter's boleto may still be issuing (`processing`): it is found either way.
        expect(["pending", "processing"], "recovery finds the charge the provider made").toContain(
          found?.status,
        );
        if (found?.status === "pending") expect(found.action.type).toBe(payerActionOf[method]);
        const charges = await chargesFor(context, request.idempotencyKey);
        expect(
          charges.map((charge) => charge.collected.amount),
          "recorded once, nothing collected",
        ).toEqual([0]);
        if (found !== null && found.status !== "unknown")
          expect(charges[0]?.providerReference).toBe(found.providerReference);
        return;
      }

      try {
        const result = await context.gateway.createPayment(request);
        expect(result.status, "a request lost on the way is unknown, never declined").toBe("unknown");
      } catch (error) {
        // An adapter that knows the request never left (connection refused) may say so.
        expect(
          isTesseraError(error, "gateway_unavailable"),
          `a request that never arrived is unknown or gateway_unavailable, got ${String(error)}`,
        ).toBe(true);
      }
      expect(
        await context.gateway.getPayment(lookupOf(context, request)),
        "provably never received",
      ).toBeNull();
      expect(await chargesFor(context, request.idempotencyKey), "the provider's books hold nothing").toEqual(
        [],
      );
    },
  };
}

export const faultScenarios = {
  pixTimeoutAfterChargeIsFound: pendingTimeoutScenario("pix", "after_charge"),
  pixTimeoutBeforeReceiptFindsNothing: pendingTimeoutScenario("pix", "before_receipt"),
  boletoTimeoutAfterChargeIsFound: pendingTimeoutScenario("boleto", "after_charge"),
  boletoTimeoutBeforeReceiptFindsNothing: pendingTimeoutScenario("boleto", "before_receipt"),
  paymentLinkTimeoutAfterChargeIsFound: pendingTimeoutScenario("payment_link", "after_charge"),
  paymentLinkTimeoutBeforeReceiptFindsNothing: pendingTimeoutScenario("payment_link", "before_receipt"),
  reportsRefusedCredentialsAsAuthenticationError: {
    title:
      "reports credentials the provider refuses as gateway_authentication — on create and on lookup, never a decline or null",
    async run(context) {
      const faults = requireFaults(context);
      if (faults.withWrongCredentials === undefined)
        return context.skip("the harness cannot configure the gateway with credentials the provider refuses");
      const wrong = await faults.withWrongCredentials();
      const request = await freshRequest(context);
      await expectGatewayError(
        wrong,
        wrong.createPayment(request),
        "gateway_authentication",
        "a create with refused credentials",
      );
      expect(await chargesFor(context, request.idempotencyKey), "nothing charged").toEqual([]);
      // Null would mean "provably never received", and core would send the payment again.
      await expectGatewayError(
        wrong,
        wrong.getPayment(lookupOf(context, request)),
        "gateway_authentication",
        "a lookup with refused credentials",
      );
    },
  },
  reportsRateLimitAsUnavailable: {
    title:
      "reports a rate limit (429) as gateway_unavailable with details.retryAfterSeconds, nothing charged, and goes through once it passes",
    async run(context) {
      const faults = requireFaults(context);
      if (faults.rateLimitNext === undefined)
        return context.skip("the harness cannot make the provider rate limit");
      const request = await freshRequest(context);
      await faults.rateLimitNext();
      const error = await expectGatewayError(
        context.gateway,
        context.gateway.createPayment(request),
        "gateway_unavailable",
        "a rate-limited create",
      );
      const retryAfter = error.details["retryAfterSeconds"];
      expect(retryAfter, "the wait the provider asked for, in details.retryAfterSeconds").toEqual(
        expect.any(Number),
      );
      expect(retryAfter as number).toBeGreaterThanOrEqual(0);
      expect(await chargesFor(context, request.idempotencyKey), "nothing charged").toEqual([]);

      // A rate-limited lookup is an error too: null would mean "never received".
      await faults.rateLimitNext();
      await expectGatewayError(
        context.gateway,
        context.gateway.getPayment(lookupOf(context, request)),
        "gateway_unavailable",
        "a rate-limited lookup",
      );
      expect(await context.gateway.getPayment(lookupOf(context, request)), "never received").toBeNull();

      // Core tries again under a new key; the provider takes it.
      const again = await freshRequest(context);
      const result = await context.gateway.createPayment(again);
      expect(acceptedStatuses, "the attempt after the limit goes through").toContain(result.status);
      expect((await chargesFor(context, again.idempotencyKey)).length, "charged once").toBe(1);
    },
  },
  refreshesExpiredAccessTokenOnce: {
    title: "refreshes an expired OAuth access token exactly once, and the call goes through, charged once",
    async run(context) {
      const faults = requireFaults(context);
      const { expireAccessToken, tokenRequests } = faults;
      if (expireAccessToken === undefined || tokenRequests === undefined)
        return context.skip(
          "the harness cannot expire the provider's access token (a gateway without OAuth has none)",
        );
      // A first call, so the gateway holds a token.
      await context.gateway.createPayment(await freshRequest(context));
      const before = await tokenRequests();
      await expireAccessToken();

      const request = await freshRequest(context);
      const result = await context.gateway.createPayment(request);
      expect(acceptedStatuses, "the call with a refreshed token goes through").toContain(result.status);
      expect((await tokenRequests()) - before, "one new access token").toBe(1);
      expect((await chargesFor(context, request.idempotencyKey)).length, "charged once").toBe(1);
      // The new token is kept: the next call asks for none.
      await context.gateway.getPayment(lookupOf(context, request));
      expect((await tokenRequests()) - before, "the refreshed token is reused").toBe(1);
    },
  },
} satisfies Record<string, GatewayScenario>;
