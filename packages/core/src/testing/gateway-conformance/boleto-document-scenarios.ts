import { expect } from "vitest";
import { type GatewayScenario, lookupOf, pendingRequest, referenceOf } from "./scenario-kit";

/**
 * `boletoDocument`: the boleto's PDF through the provider's API, for providers that hand it
 * over no other way (Banco Inter). The server serves it to the payer, so it must be a PDF
 * once the boleto is issued, and nothing while it is not.
 */
export const boletoDocumentScenarios = {
  servesIssuedBoletoPdf: {
    title: "answers an issued boleto's PDF, and null for a reference the provider never issued",
    async run(context) {
      const { gateway, harness } = context;
      const boletoDocument = gateway.boletoDocument;
      if (!gateway.capabilities.boletoDocument || boletoDocument === undefined)
        return context.skip("the gateway declares no boletoDocument: its boletos link their own PDF");
      const request = pendingRequest(context, "boleto");
      const created = await gateway.createPayment(request);
      const providerReference = referenceOf(created);
      if (created.status === "processing") {
        if (harness.issueProcessing === undefined)
          return context.skip("the harness cannot make the provider finish issuing");
        await harness.issueProcessing(providerReference);
      }
      const pdf = await boletoDocument.call(gateway, lookupOf(context, request, providerReference));
      expect(pdf, "an issued boleto has a PDF").not.toBeNull();
      expect(
        Buffer.from(pdf ?? new Uint8Array())
          .subarray(0, 5)
          .toString("latin1"),
      ).toBe("%PDF-");
      const never = { ...lookupOf(context, pendingRequest(context, "boleto")), providerReference: null };
      expect(await boletoDocument.call(gateway, never), "no PDF for what was never issued").toBeNull();
    },
  },
} satisfies Record<string, GatewayScenario>;
