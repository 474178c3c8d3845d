import { expect } from "vitest";
import {
  chargesFor,
  type GatewayScenario,
  pendingMethods,
  pendingRequest,
  referenceOf,
} from "./scenario-kit";

export const cancelScenarios = {
  cancelsPendingPayment: {
    title: "cancels a pending payment so it reads canceled and collects nothing (capabilities.cancel)",
    async run(context) {
      const cancel = context.gateway.cancel;
      if (!context.gateway.capabilities.cancel || cancel === undefined) {
        return context.skip("the gateway declares no cancel");
      }
      const method = pendingMethods(context.gateway)[0];
      if (method === undefined) return context.skip("the gateway has no method that waits on the payer");
      const request = pendingRequest(context, method);
      const providerReference = referenceOf(await context.gateway.createPayment(request));

      const canceled = await cancel.call(context.gateway, { providerReference });
      expect(canceled.status).toBe("canceled");
      expect((await context.gateway.getPayment({ idempotencyKey: request.idempotencyKey }))?.status).toBe(
        "canceled",
      );
      const charges = await chargesFor(context, request.idempotencyKey);
      expect(
        charges.map((charge) => charge.collected.amount),
        "nothing collected",
      ).toEqual([0]);
    },
  },
} satisfies Record<string, GatewayScenario>;
