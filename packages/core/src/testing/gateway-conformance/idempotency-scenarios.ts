import { expect } from "vitest";
import type { CreatePaymentRequest } from "../../ports/gateway";
import {
  cardRequest,
  chargesFor,
  type GatewayScenario,
  pendingMethods,
  pendingRequest,
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
} satisfies Record<string, GatewayScenario>;
