import { expect } from "vitest";
import {
  cardRequest,
  type GatewayScenario,
  lookupOf,
  pendingMethods,
  pendingRequest,
  referenceOf,
  type ScenarioContext,
  unknownLookup,
} from "./scenario-kit";

async function anyPayment(context: ScenarioContext) {
  const pending = pendingMethods(context.gateway)[0];
  if (context.harness.cards !== null) return cardRequest(context, await context.harness.cards.approved());
  if (pending !== undefined) return pendingRequest(context, pending);
  return context.skip("the gateway offers neither cards nor PIX nor boleto");
}

/** Always tested: recovery after a timeout or a crash rests on finding a payment by our reference (DESIGN §3). */
export const lookupScenarios = {
  findsPaymentByOurReference: {
    title: "finds a payment by our idempotency key and by its provider reference, without side effects",
    async run(context) {
      const request = await anyPayment(context);
      const created = await context.gateway.createPayment(request);
      const providerReference = referenceOf(created);
      const recordsBefore = await context.harness.providerRecords();

      const byKey = await context.gateway.getPayment(lookupOf(context, request));
      const byReference = await context.gateway.getPayment(lookupOf(context, request, providerReference));
      for (const found of [byKey, byReference]) {
        expect(found?.providerReference).toBe(providerReference);
        expect(found?.status).toBe(created.status);
        if (found && found.status !== "unknown") expect(found.amount).toEqual(request.amount);
      }
      expect(await context.harness.providerRecords(), "a lookup changes nothing at the provider").toEqual(
        recordsBefore,
      );
    },
  },
  returnsNullForUnknownReference: {
    title: "returns null for a key the provider never received",
    async run(context) {
      expect(await context.gateway.getPayment(unknownLookup(context))).toBeNull();
    },
  },
} satisfies Record<string, GatewayScenario>;
