import { expect } from "vitest";
import type { RefundResult } from "../../ports/gateway";
import {
  collectBy,
  expectAccepted,
  methodWhere,
  type PaidPayment,
  refundablePayment,
  refundOf,
  someOf,
} from "./refund-kit";
import {
  cardRequest,
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

const dayMs = 86_400_000;

/** What the provider reports refunded, once every refund so far has succeeded. */
async function expectReportedRefunded(
  context: ScenarioContext,
  paid: PaidPayment,
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

/**
 * Refund rules — what is left to refund, and each method's declared `capabilities.refunds`
 * (partial or whole only, a method without refunds, the window) — checked against the
 * provider's books, never against the adapter's answer alone.
 */
export const refundScenarios = {
  refundsPartially: {
    title: "refunds part of a payment, twice, and the provider's books hold exactly those two refunds",
    async run(context) {
      const method = methodWhere(
        context,
        (rules) => rules?.partial === true,
        "the gateway declares partial refunds for no method the suite can collect",
      );
      const payment = await collectBy(context, method);
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
      const payment = await refundablePayment(context);
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
      const payment = await refundablePayment(context);
      const refund = refundOf(context, payment);
      const first = someOf(payment, 6000);
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
    title: "treats a refund sent twice with one refund key as one refund, where the provider keeps the key",
    async run(context) {
      // A provider that keeps no key of ours (Cielo's voids) cannot tell a replay from a
      // second refund of the same amount: there core is the guard, never sending one twice.
      const method = methodWhere(
        context,
        (rules) => rules?.keyedByUs === true,
        "the gateway keys no method's refunds by our refund key (keyedByUs), so no provider can see a replay",
      );
      const payment = await collectBy(context, method);
      const refund = refundOf(context, payment);
      const amount = someOf(payment, 3000);
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
  refusesPartialWhereNotPartial: {
    title:
      "refuses part of a payment whose method it declares refunded only whole, with gateway_invalid_request, and refunds it whole",
    async run(context) {
      const method = methodWhere(
        context,
        (rules) => rules?.partial === false,
        "the gateway declares no method the suite can collect refunded only whole",
      );
      const payment = await collectBy(context, method);
      const refund = refundOf(context, payment);
      await expectInvalidRequest(
        context.gateway,
        refund(standardAmount / 2),
        `a partial refund of a ${method} payment, declared refunded only whole`,
      );
      expect(await refundsFor(context, payment.result.providerReference)).toEqual([]);
      expectAccepted(await refund(standardAmount));
      expect(total(context, await refundsFor(context, payment.result.providerReference))).toBe(
        standardAmount,
      );
    },
  },
  refusesRefundOfMethodWithoutRefunds: {
    title:
      "refuses to refund a paid payment of a method absent from capabilities.refunds, with gateway_invalid_request",
    async run(context) {
      const method = methodWhere(
        context,
        (rules) => rules === undefined,
        "the gateway declares refunds for every method the suite can collect",
      );
      const payment = await collectBy(context, method);
      await expectInvalidRequest(
        context.gateway,
        refundOf(context, payment)(standardAmount),
        `a refund of a ${method} payment, a method declared without refunds`,
      );
      expect(await refundsFor(context, payment.result.providerReference)).toEqual([]);
    },
  },
  refusesRefundAfterWindow: {
    title:
      "refunds a payment a day inside its method's windowDays, and refuses one a day past it, with gateway_invalid_request",
    async run(context) {
      const advance = context.harness.advanceClock?.bind(context.harness);
      if (advance === undefined) return context.skip("the harness cannot move the provider's clock");
      const method = methodWhere(
        context,
        (rules) => rules !== undefined && rules.windowDays !== null,
        "the gateway declares no refund window for a method the suite can collect",
      );
      const windowDays = context.gateway.capabilities.refunds[method]?.windowDays as number;
      const inside = await collectBy(context, method);
      const outside = await collectBy(context, method);
      await advance((windowDays - 1) * dayMs);
      expectAccepted(await refundOf(context, inside)(standardAmount));
      await advance(2 * dayMs);
      await expectInvalidRequest(
        context.gateway,
        refundOf(context, outside)(standardAmount),
        `a refund of a ${method} payment ${windowDays + 1} days old, past its ${windowDays}-day window`,
      );
      expect(total(context, await refundsFor(context, inside.result.providerReference))).toBe(standardAmount);
      expect(await refundsFor(context, outside.result.providerReference)).toEqual([]);
    },
  },
} satisfies Record<string, GatewayScenario>;
