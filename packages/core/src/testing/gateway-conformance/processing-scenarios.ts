import { expect } from "vitest";
import { isConsistentBoleto } from "../../boleto/boleto-line";
import type { CreatePaymentRequest, PaymentResult } from "../../ports/gateway";
import {
  chargesFor,
  type GatewayScenario,
  lookupOf,
  pendingMethods,
  pendingRequest,
  referenceOf,
  standardAmount,
} from "./scenario-kit";

/**
 * `processing`: accepted, but what the payer needs is not ready (Banco Inter issues a
 * boleto asynchronously — `EM_PROCESSAMENTO`, then `A_RECEBER` with its line). Core keeps
 * the payment open and shows the line when a lookup or a notification brings it.
 */
export const processingScenarios = {
  processingBecomesPendingThenPaid: {
    title:
      "answers a charge still being issued as processing, then pending with the payer's action once issued, then succeeded once paid",
    async run(context) {
      let found: { request: CreatePaymentRequest; created: PaymentResult } | null = null;
      // Boletos first: they are what providers issue asynchronously.
      for (const method of [...pendingMethods(context.gateway)].reverse()) {
        const request = pendingRequest(context, method);
        const created = await context.gateway.createPayment(request);
        if (created.status === "processing") {
          found = { request, created };
          break;
        }
        expect(created.status, `a ${method} is processing or pending`).toBe("pending");
      }
      if (found === null)
        return context.skip(
          "the gateway answers every PIX and boleto pending at once: it has no processing step",
        );
      const { request, created } = found;
      const providerReference = referenceOf(created);
      expect(
        (await chargesFor(context, request.idempotencyKey)).map((charge) => charge.collected.amount),
        "the provider holds the request once, nothing collected",
      ).toEqual([0]);
      const lookup = lookupOf(context, request, providerReference);
      const before = await context.gateway.getPayment(lookup);
      expect(["processing", "pending"], "a lookup says processing until it is issued").toContain(
        before?.status,
      );
      if (before?.status === "processing") {
        const issue = context.harness.issueProcessing;
        if (issue === undefined) return context.skip("the harness cannot make the provider finish issuing");
        await issue.call(context.harness, providerReference);
      }
      const issued = await context.gateway.getPayment(lookup);
      expect(issued?.status, "once issued, it waits on the payer").toBe("pending");
      if (issued?.status !== "pending") return;
      expect(issued.action.type).toBe(request.method);
      if (issued.action.type === "boleto") {
        expect(isConsistentBoleto(issued.action.digitableLine, issued.action.barcode)).toBe(true);
        expect(issued.action.dueDate).toBe(request.dueDate);
      }
      expect(
        (await context.gateway.getPayment(lookupOf(context, request)))?.status,
        "found by our key too",
      ).toBe("pending");

      await context.harness.payPending(providerReference);
      expect((await context.gateway.getPayment(lookup))?.status).toBe("succeeded");
      expect(
        (await chargesFor(context, request.idempotencyKey)).map((charge) => charge.collected.amount),
        "collected once",
      ).toEqual([standardAmount]);
    },
  },
} satisfies Record<string, GatewayScenario>;
