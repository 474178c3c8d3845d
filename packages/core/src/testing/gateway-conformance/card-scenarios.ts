import { expect } from "vitest";
import type { ConformanceDeclineCode } from "./gateway-harness";
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

function declineScenario(code: ConformanceDeclineCode): GatewayScenario {
  return {
    title: `reports a ${code} decline as a declined result with that standard code`,
    async run(context) {
      const card = await requireCards(context).declined(code);
      if (card === null) return context.skip(`the provider cannot simulate a ${code} decline`);
      const request = cardRequest(context, card);
      const result = await context.gateway.createPayment(request);
      expect(result.status, "a decline is a value, never a throw").toBe("declined");
      if (result.status !== "declined") return;
      expect(result.declineCode).toBe(code);
      expect(result.message).not.toBe("");
      referenceOf(result);
      const charges = await chargesFor(context, request.idempotencyKey);
      expect(charges.length, "the provider recorded the declined attempt at most once").toBeLessThanOrEqual(
        1,
      );
      for (const charge of charges) expect(charge.collected.amount, "a decline collects nothing").toBe(0);
    },
  };
}

async function expectApproved(context: ScenarioContext, idempotencyKey: string, providerReference: string) {
  const charges = await chargesFor(context, idempotencyKey);
  expect(charges.length, "the provider recorded exactly one charge").toBe(1);
  expect(charges[0]?.providerReference).toBe(providerReference);
  expect(charges[0]?.collected.amount, "the provider holds the whole amount").toBe(standardAmount);
}

export const cardScenarios = {
  approvesCard: {
    title: "approves a good card: succeeded or authorized, with the card's brand and last four digits",
    async run(context) {
      const request = cardRequest(context, await requireCards(context).approved());
      const result = await context.gateway.createPayment(request);
      expect(["succeeded", "authorized"]).toContain(result.status);
      if (result.status !== "succeeded" && result.status !== "authorized") return;
      expect(result.amount).toEqual(request.amount);
      expect(result.refundedAmount.amount).toBe(0);
      expect(result.card?.last4).toMatch(/^\d{4}$/);
      expect(result.card?.brand).not.toBe("");
      await expectApproved(context, request.idempotencyKey, result.providerReference);
    },
  },
  declinesInsufficientFunds: declineScenario("insufficient_funds"),
  declinesStolenCard: declineScenario("stolen_card"),
  declinesExpiredCard: declineScenario("expired_card"),
  declinesDoNotHonor: declineScenario("do_not_honor"),
  declinesCardDeclined: declineScenario("card_declined"),
  refusesRawCardWithoutCapability: {
    title: "refuses a raw card number with gateway_invalid_request unless it declares acceptsRawCard",
    async run(context) {
      requireCards(context);
      if (context.gateway.capabilities.acceptsRawCard)
        return context.skip("the gateway declares acceptsRawCard");
      const request = cardRequest(context, {
        type: "raw",
        number: "4111111111111111",
        holder: "Maria da Silva",
        expMonth: 12,
        expYear: new Date(context.harness.clock.now()).getUTCFullYear() + 3,
        cvc: "123",
      });
      await expectInvalidRequest(
        context.gateway,
        context.gateway.createPayment(request),
        "a raw card number",
      );
      expect(
        await chargesFor(context, request.idempotencyKey),
        "nothing reached the provider's books",
      ).toEqual([]);
    },
  },
  storesCardForRenewals: {
    title:
      "returns a reusable token when asked, and charges it again for a renewal (capabilities.storedCards)",
    async run(context) {
      const cards = requireCards(context);
      if (!context.gateway.capabilities.storedCards)
        return context.skip("the gateway declares no storedCards");
      const approved = await cards.approved();
      if (approved.type !== "token")
        return context.skip("the harness's approved card is not a payment token");
      const first = await context.gateway.createPayment(
        cardRequest(context, { ...approved, saveForRenewals: true }),
      );
      expect(["succeeded", "authorized"]).toContain(first.status);
      if (first.status !== "succeeded" && first.status !== "authorized") return;
      const reusableToken = first.card?.reusableToken;
      expect(reusableToken, "a reusable token comes back").toEqual(expect.any(String));
      const renewal = cardRequest(context, { type: "stored", token: reusableToken as string });
      const second = await context.gateway.createPayment(renewal);
      expect(["succeeded", "authorized"]).toContain(second.status);
      await expectApproved(context, renewal.idempotencyKey, referenceOf(second));
    },
  },
  recoversTimeoutAfterCharge: {
    title: "reports a charge whose answer was lost as unknown; a lookup by our key finds it, charged once",
    async run(context) {
      const card = await requireCards(context).timeout("after_charge");
      if (card === null) return context.skip("the provider cannot simulate a lost answer");
      const request = cardRequest(context, card);
      const result = await context.gateway.createPayment(request);
      expect(result.status, "a lost answer is unknown, never declined").toBe("unknown");
      const found = await context.gateway.getPayment(lookupOf(context, request));
      expect(["succeeded", "authorized"], "recovery finds the charge the provider made").toContain(
        found?.status,
      );
      if (found === null || found.status === "unknown") return;
      await expectApproved(context, request.idempotencyKey, found.providerReference);
    },
  },
  recoversTimeoutBeforeReceipt: {
    title:
      "reports a request that never arrived as unknown; a lookup by our key finds nothing, nothing charged",
    async run(context) {
      const card = await requireCards(context).timeout("before_receipt");
      if (card === null) return context.skip("the provider cannot simulate a request lost on the way");
      const request = cardRequest(context, card);
      const result = await context.gateway.createPayment(request);
      expect(result.status, "a lost request is unknown, never declined").toBe("unknown");
      expect(await context.gateway.getPayment(lookupOf(context, request))).toBeNull();
      expect(await chargesFor(context, request.idempotencyKey), "the provider's books hold nothing").toEqual(
        [],
      );
    },
  },
} satisfies Record<string, GatewayScenario>;
