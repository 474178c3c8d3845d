import { expect } from "vitest";
import {
  chargesFor,
  collectPayment,
  createPayable,
  type GatewayScenario,
  lookupOf,
  notificationsAbout,
  pendingMethods,
  pendingRequest,
  referenceOf,
  total,
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
      const providerReference = referenceOf(await createPayable(context, request));

      const canceled = await cancel.call(context.gateway, lookupOf(context, request, providerReference));
      expect(canceled.status).toBe("canceled");
      expect((await context.gateway.getPayment(lookupOf(context, request)))?.status).toBe("canceled");
      const charges = await chargesFor(context, request.idempotencyKey);
      expect(
        charges.map((charge) => charge.collected.amount),
        "nothing collected",
      ).toEqual([0]);
    },
  },
  answersCancelOfPaidPaymentAsItStands: {
    title: "answers a cancel of a paid payment with the payment as it stands, never a throw",
    async run(context) {
      const cancel = context.gateway.cancel;
      if (!context.gateway.capabilities.cancel || cancel === undefined) {
        return context.skip("the gateway declares no cancel");
      }
      const paid = await collectPayment(context, { preferPending: true });
      const answer = await cancel.call(
        context.gateway,
        lookupOf(context, paid.request, paid.result.providerReference),
      );
      expect(answer.status, "money the provider took is reported, so core keeps it").toBe("succeeded");
      const charges = await chargesFor(context, paid.request.idempotencyKey);
      expect(
        total(
          context,
          charges.map((c) => ({ amount: c.collected })),
        ),
        "still collected",
      ).toBe(paid.request.amount.amount);
    },
  },
  answersCancelCrossingPaymentAsPaid: {
    title:
      "answers a cancel that crosses the payer's payment (paid before the cancel arrived, unknown to us) as succeeded, never canceled",
    async run(context) {
      const cancel = context.gateway.cancel;
      if (!context.gateway.capabilities.cancel || cancel === undefined) {
        return context.skip("the gateway declares no cancel");
      }
      const method = pendingMethods(context.gateway)[0];
      if (method === undefined) return context.skip("the gateway has no method that waits on the payer");
      const request = pendingRequest(context, method);
      const providerReference = referenceOf(await createPayable(context, request));
      // The payer pays; we have not asked since, so core still believes it pending and cancels it.
      await context.harness.payPending(providerReference);

      const answer = await cancel.call(context.gateway, lookupOf(context, request, providerReference));
      expect(answer.status, "the money the payer sent is reported, so core applies it as paid").toBe(
        "succeeded",
      );
      expect(
        (await context.gateway.getPayment(lookupOf(context, request)))?.status,
        "the cancel changed nothing",
      ).toBe("succeeded");
      const charges = await chargesFor(context, request.idempotencyKey);
      expect(
        charges.map((charge) => charge.collected.amount),
        "collected once, kept",
      ).toEqual([request.amount.amount]);
      if (context.gateway.capabilities.webhooks !== null) {
        const news = await notificationsAbout(context, providerReference);
        const statuses = news.flatMap(({ events }) => events.map((event) => event.payment.status));
        expect(statuses, "a notification reports it paid").toContain("succeeded");
        expect(statuses, "none reports it canceled").not.toContain("canceled");
      }
    },
  },
} satisfies Record<string, GatewayScenario>;
