import { expect } from "vitest";
import { isTesseraError } from "../../errors/tessera-error";
import type { Money } from "../../money/money";
import type { CreatePaymentRequest, PaymentReference, PaymentResult } from "../../ports/gateway";
import {
  cardRequest,
  chargesFor,
  expectInvalidRequest,
  type GatewayScenario,
  lookupOf,
  referenceOf,
  requireCards,
  type ScenarioContext,
  standardAmount,
} from "./scenario-kit";

type Capture = (reference: PaymentReference, amount?: Money) => Promise<PaymentResult>;

/**
 * An authorization that was held, captured for all or part, or let lapse — each checked
 * against what the provider's books say it collected. Core never reports an authorization
 * as paid (`authorized` keeps the contract waiting), so a gateway that answers `succeeded`
 * for a hold would activate contracts nobody paid.
 */
async function authorize(context: ScenarioContext): Promise<{
  request: CreatePaymentRequest;
  lookup: PaymentReference;
  capture: Capture;
}> {
  const capture = context.gateway.capture;
  if (!context.gateway.capabilities.capture || capture === undefined)
    return context.skip("the gateway declares no capture");
  const cards = requireCards(context);
  const request: CreatePaymentRequest = { ...cardRequest(context, await cards.approved()), capture: false };
  const result = await context.gateway.createPayment(request);
  expect(result.status, "an authorize-only sale answers authorized, never succeeded").toBe("authorized");
  return {
    request,
    lookup: lookupOf(context, request, referenceOf(result)),
    capture: (reference, amount) => capture.call(context.gateway, reference, amount),
  };
}

async function collected(context: ScenarioContext, request: CreatePaymentRequest): Promise<number[]> {
  return (await chargesFor(context, request.idempotencyKey)).map((charge) => charge.collected.amount);
}

export const captureScenarios = {
  authorizeOnlyCollectsNothing: {
    title:
      "answers an authorize-only card sale (capture: false) as authorized, and the provider collects nothing yet",
    async run(context) {
      const { request, lookup } = await authorize(context);
      expect(await collected(context, request), "held, not taken").toEqual([0]);
      const found = await context.gateway.getPayment(lookup);
      expect(found?.status, "a lookup still says authorized").toBe("authorized");
      if (found?.status === "authorized") expect(found.card?.last4).toMatch(/^\d{4}$/);
    },
  },
  captureCollectsAuthorization: {
    title: "captures an authorization in full: succeeded, and the provider collects the whole amount",
    async run(context) {
      const { request, lookup, capture } = await authorize(context);
      const answer = await capture(lookup);
      expect(answer.status).toBe("succeeded");
      expect(await collected(context, request), "collected once, in full").toEqual([standardAmount]);
      expect((await context.gateway.getPayment(lookup))?.status).toBe("succeeded");
    },
  },
  capturesPartOfAuthorization: {
    title: "captures less than was authorized: succeeded, and the provider collects only what was captured",
    async run(context) {
      const { request, lookup, capture } = await authorize(context);
      const answer = await capture(lookup, context.money(6_000));
      expect(answer.status).toBe("succeeded");
      expect(await collected(context, request), "collected the captured part only").toEqual([6_000]);
    },
  },
  refusesCaptureOverAuthorized: {
    title: "refuses to capture more than was authorized with gateway_invalid_request, collecting nothing",
    async run(context) {
      const { request, lookup, capture } = await authorize(context);
      await expectInvalidRequest(
        context.gateway,
        capture(lookup, context.money(standardAmount + 1)),
        "a capture over the authorized amount",
      );
      expect(await collected(context, request), "nothing collected").toEqual([0]);
      expect((await context.gateway.getPayment(lookup))?.status, "still an authorization").toBe("authorized");
    },
  },
  lapsedAuthorizationCannotBeCaptured: {
    title:
      "lets an authorization never captured lapse into canceled (reason expired); capturing it then takes nothing",
    async run(context) {
      const lapse = context.harness.lapseAuthorizations;
      const { request, lookup, capture } = await authorize(context);
      if (lapse === undefined) return context.skip("the harness cannot let an authorization lapse");
      await lapse.call(context.harness);
      const lapsed = await context.gateway.getPayment(lookup);
      expect(lapsed?.status, "a lapsed authorization is canceled").toBe("canceled");
      if (lapsed?.status === "canceled") expect(lapsed.reason).toBe("expired");

      // Refused as invalid, or answered as it stands: never captured.
      let outcome: { answer: PaymentResult } | { error: unknown };
      try {
        outcome = { answer: await capture(lookup) };
      } catch (error) {
        outcome = { error };
      }
      if ("error" in outcome) {
        expect(
          isTesseraError(outcome.error, "gateway_invalid_request"),
          `a capture of a lapsed authorization is refused as invalid, got ${String(outcome.error)}`,
        ).toBe(true);
      } else {
        expect(outcome.answer.status, "a lapsed authorization stays canceled").toBe("canceled");
      }
      expect(await collected(context, request), "nothing collected").toEqual([0]);
    },
  },
} satisfies Record<string, GatewayScenario>;
