import { expect } from "vitest";
import { isTesseraError } from "../../errors/tessera-error";
import type { CreatePaymentRequest, PaymentResult } from "../../ports/gateway";
import {
  cardRequest,
  chargesFor,
  type GatewayScenario,
  lookupOf,
  pendingMethods,
  pendingRequest,
  referenceOf,
} from "./scenario-kit";

/** Tested only where declared: core never relies on it, since most providers are not idempotent (DESIGN §3). */
export const idempotencyScenarios = {
  idempotentCreateChargesOnce: {
    title: "creates one provider charge for two creates with one key (capabilities.idempotentCreate)",
    async run(context) {
      if (!context.gateway.capabilities.idempotentCreate) {
        return context.skip(
          "the gateway declares idempotentCreate false, so core never sends a create twice",
        );
      }
      const requests: CreatePaymentRequest[] = pendingMethods(context.gateway).map((method) =>
        pendingRequest(context, method),
      );
      if (context.harness.cards !== null)
        requests.unshift(cardRequest(context, await context.harness.cards.approved()));
      expect(requests.length, "some method to create with").toBeGreaterThan(0);
      for (const request of requests) {
        const first = await context.gateway.createPayment(request);
        const second = await context.gateway.createPayment(request);
        expect(second.providerReference, `${request.method}: the same payment comes back`).toBe(
          first.providerReference,
        );
        expect(second.status).toBe(first.status);
        expect(
          (await chargesFor(context, request.idempotencyKey)).length,
          `${request.method}: one charge`,
        ).toBe(1);
      }
    },
  },
  repeatedCreateWithoutDeduplicationIsFound: {
    // Documents why core never sends a create twice: most providers charge again (Cielo) or refuse (Inter).
    title:
      "still finds by our key a payment created twice with one key, whether the provider charged again, refused the repeat or kept one (idempotentCreate false)",
    async run(context) {
      if (context.gateway.capabilities.idempotentCreate) {
        return context.skip("the gateway declares idempotentCreate: idempotentCreateChargesOnce tests it");
      }
      const method = pendingMethods(context.gateway)[0];
      const cards = context.harness.cards;
      // A card token is spent by a sale, so the repeat carries a new one for the same card and amount.
      const make = async (): Promise<CreatePaymentRequest> => {
        if (method !== undefined) return pendingRequest(context, method);
        if (cards === null) return context.skip("the gateway offers neither cards nor PIX nor boleto");
        return cardRequest(context, await cards.approved());
      };
      const request = await make();
      const first = await context.gateway.createPayment(request);
      const firstReference = referenceOf(first);
      const repeat = { ...(await make()), idempotencyKey: request.idempotencyKey };
      let second: PaymentResult | null = null;
      try {
        second = await context.gateway.createPayment(repeat);
      } catch (error) {
        // Inter refuses an identical charge for 30 minutes: a refusal, as an invalid request.
        expect(
          isTesseraError(error, "gateway_invalid_request"),
          `a repeated key is charged again or refused as invalid, got ${String(error)}`,
        ).toBe(true);
      }
      const charges = await chargesFor(context, request.idempotencyKey);
      const references = charges.map((charge) => charge.providerReference);
      expect(references, "the first charge is in the books").toContain(firstReference);
      expect(charges.length, "one charge per create at most").toBeLessThanOrEqual(2);
      if (second !== null && second.status !== "unknown" && charges.length === 2) {
        // Cielo: a second sale — why core never sends a create twice.
        expect(references).toContain(second.providerReference);
      }
      const byKey = await context.gateway.getPayment(lookupOf(context, request));
      expect(byKey, "lookup by our key finds a charge").not.toBeNull();
      if (byKey !== null && byKey.status !== "unknown") expect(references).toContain(byKey.providerReference);
      const byReference = await context.gateway.getPayment(lookupOf(context, request, firstReference));
      expect(byReference?.providerReference, "and the one the first answer named, by its reference").toBe(
        firstReference,
      );
    },
  },
} satisfies Record<string, GatewayScenario>;
