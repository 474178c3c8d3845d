import { expect } from "vitest";
import type { CreatePaymentRequest, RefundResult } from "../../ports/gateway";
import {
  cardRequest,
  collectPayment,
  expectInvalidRequest,
  type GatewayScenario,
  lookupOf,
  pendingMethods,
  pendingRequest,
  referenceOf,
  refundsFor,
  type ScenarioContext,
  standardAmount,
  total,
} from "./scenario-kit";

function refundOf(
  context: ScenarioContext,
  payment: { request: { idempotencyKey: string }; result: { providerReference: string } },
) {
  return (amount: number, refundKey: string = context.newKey()) =>
    context.gateway.refund({
      refundKey,
      providerReference: payment.result.providerReference,
      paymentIdempotencyKey: payment.request.idempotencyKey,
      amount: context.money(amount),
    });
}

function expectAccepted(result: RefundResult): void {
  expect(["succeeded", "pending"], "the provider accepted the refund").toContain(result.status);
}

/** What the provider reports refunded, once every refund so far has succeeded. */
async function expectReportedRefunded(
  context: ScenarioContext,
  paid: { request: CreatePaymentRequest; result: { providerReference: string } },
  results: RefundResult[],
  amount: number,
) {
  if (results.some((result) => result.status !== "succeeded")) return;
  const payment = await context.gateway.getPayment(
    lookupOf(context, paid.request, paid.result.providerReference),
  );
  expect(payment?.status).toBe("succeeded");
  if (payment?.status === "succeeded") expect(payment.refundedAmount.amount).toBe(amount);
}

/** Refund rules, checked against the provider's books, never against the adapter's answer alone. */
export const refundScenarios = {
  refundsPartially: {
    title: "refunds part of a payment, twice, and the provider's books hold exactly those two refunds",
    async run(context) {
      if (!context.gateway.capabilities.partialRefunds)
        return context.skip("the gateway declares no partialRefunds");
      const payment = await collectPayment(context);
      const refund = refundOf(context, payment);
      const results = [await refund(3000), await refund(2000)];
      results.forEach(expectAccepted);
      const recorded = await refundsFor(context, payment.result.providerReference);
      expect(recorded.map((entry) => entry.amount.amount).sort((a, b) => a - b)).toEqual([2000, 3000]);
      await expectReportedRefunded(context, payment, results, 5000);
    },
  },
  refundsFully: {
    title: "refunds a whole payment, and the provider's books hold one refund of the whole amount",
    async run(context) {
      const payment = await collectPayment(context);
      const result = await refundOf(context, payment)(standardAmount);
      expectAccepted(result);
      expect(total(context, await refundsFor(context, payment.result.providerReference))).toBe(
        standardAmount,
      );
      await expectReportedRefunded(context, payment, [result], standardAmount);
    },
  },
  refusesOverRefund: {
    title: "refuses to refund more than was collected less earlier refunds, with gateway_invalid_request",
    async run(context) {
      const payment = await collectPayment(context);
      const refund = refundOf(context, payment);
      const first = context.gateway.capabilities.partialRefunds ? 6000 : standardAmount;
      expectAccepted(await refund(first));
      await expectInvalidRequest(
        context.gateway,
        refund(standardAmount - first + 1),
        "a refund over what is left",
      );
      expect(total(context, await refundsFor(context, payment.result.providerReference))).toBe(first);
    },
  },
  replayedRefundKeyRefundsOnce: {
    title: "treats a refund sent twice with one refund key as one refund",
    async run(context) {
      const payment = await collectPayment(context);
      const refund = refundOf(context, payment);
      const amount = context.gateway.capabilities.partialRefunds ? 3000 : standardAmount;
      const refundKey = context.newKey();
      const first = await refund(amount, refundKey);
      const second = await refund(amount, refundKey);
      expectAccepted(first);
      expectAccepted(second);
      if ("providerRefundReference" in first && "providerRefundReference" in second) {
        expect(second.providerRefundReference, "the same refund comes back").toBe(
          first.providerRefundReference,
        );
      }
      const recorded = await refundsFor(context, payment.result.providerReference);
      expect(
        recorded.map((entry) => entry.amount.amount),
        "the provider refunded once",
      ).toEqual([amount]);
    },
  },
  refusesRefundOfUnpaidPayment: {
    title: "refuses to refund a payment that collected nothing, with gateway_invalid_request",
    async run(context) {
      const pending = pendingMethods(context.gateway)[0];
      const declined =
        context.harness.cards === null ? null : await context.harness.cards.declined("insufficient_funds");
      const request =
        pending !== undefined
          ? pendingRequest(context, pending)
          : declined !== null
            ? cardRequest(context, declined)
            : null;
      if (request === null) return context.skip("the gateway can make no payment that collects nothing");
      const providerReference = referenceOf(await context.gateway.createPayment(request));
      const refund = refundOf(context, { request, result: { providerReference } });
      await expectInvalidRequest(context.gateway, refund(1000), "a refund of an unpaid payment");
      expect(await refundsFor(context, providerReference)).toEqual([]);
    },
  },
} satisfies Record<string, GatewayScenario>;
