import { expect } from "vitest";
import { isConsistentBoleto } from "../../boleto/boleto-line";
import { hasValidCrc } from "../../pix/brcode";
import { instantToMillis } from "../../time/instant";
import {
  chargesFor,
  createPayable,
  type GatewayScenario,
  lookupOf,
  notificationsAbout,
  type PendingMethod,
  pendingRequest,
  referenceOf,
  type ScenarioContext,
  standardAmount,
} from "./scenario-kit";

function waitsThenIsPaid(method: PendingMethod): GatewayScenario {
  return {
    title: `keeps a ${method} pending until the payer pays, then reports it succeeded and notifies`,
    async run(context: ScenarioContext) {
      if (!context.gateway.methods.includes(method)) return context.skip(`the gateway offers no ${method}`);
      const request = pendingRequest(context, method);
      const created = await createPayable(context, request);
      const action = created.action;
      if (method === "pix") {
        expect(action.type).toBe("pix");
        if (action.type !== "pix") return;
        expect(action.qrCodePayload.toLowerCase(), "a BR Code with the Pix GUI").toContain("br.gov.bcb.pix");
        expect(hasValidCrc(action.qrCodePayload), "the BR Code's CRC is right").toBe(true);
        expect(instantToMillis(action.expiresAt)).toBeGreaterThan(
          instantToMillis(context.harness.clock.now()),
        );
      } else if (method === "payment_link") {
        expect(action.type, "the payer is sent to the provider's page").toBe("redirect");
        if (action.type !== "redirect") return;
        expect(new URL(action.url).protocol).toMatch(/^https?:$/);
        if (action.expiresAt !== null)
          expect(instantToMillis(action.expiresAt)).toBeGreaterThan(
            instantToMillis(context.harness.clock.now()),
          );
      } else {
        expect(action.type).toBe("boleto");
        if (action.type !== "boleto") return;
        expect(action.digitableLine).toMatch(/^\d{47}$/);
        expect(action.barcode).toMatch(/^\d{44}$/);
        expect(
          isConsistentBoleto(action.digitableLine, action.barcode),
          "the line's check digits are right",
        ).toBe(true);
        expect(action.dueDate).toBe(request.dueDate);
      }
      const providerReference = referenceOf(created);
      const before = await chargesFor(context, request.idempotencyKey);
      expect(
        before.map((charge) => charge.collected.amount),
        "recorded once, nothing collected yet",
      ).toEqual([0]);

      await context.harness.payPending(providerReference);

      expect((await context.gateway.getPayment(lookupOf(context, request, providerReference)))?.status).toBe(
        "succeeded",
      );
      expect((await context.gateway.getPayment(lookupOf(context, request)))?.status).toBe("succeeded");
      const after = await chargesFor(context, request.idempotencyKey);
      expect(
        after.map((charge) => charge.collected.amount),
        "the provider collected it once",
      ).toEqual([standardAmount]);
      if (context.gateway.capabilities.webhooks !== null) {
        const news = await notificationsAbout(context, providerReference);
        const statuses = news.flatMap(({ events }) => events.map((event) => event.payment.status));
        expect(statuses, "a notification reports the payment").toContain("succeeded");
      }
    },
  };
}

export const pendingScenarios = {
  pixWaitsThenIsPaid: waitsThenIsPaid("pix"),
  boletoWaitsThenIsPaid: waitsThenIsPaid("boleto"),
  paymentLinkWaitsThenIsPaid: waitsThenIsPaid("payment_link"),
} satisfies Record<string, GatewayScenario>;
