import { expect } from "vitest";
import type { RefundNews } from "../../ports/gateway";
import {
  expectAccepted,
  type PaidPayment,
  providerRefundReferenceOf,
  refundablePayment,
  refundLookupOf,
  refundOf,
  someOf,
} from "./refund-kit";
import {
  type GatewayScenario,
  lookupOf,
  notificationsAbout,
  refundsFor,
  type ScenarioContext,
  standardAmount,
  total,
} from "./scenario-kit";

/**
 * How core finds a refund whose answer was lost or is still pending: by our refund key where
 * the method is `keyedByUs`, otherwise only by the provider's own reference.
 */
function lookupReference(paid: PaidPayment, providerRefundReference: string | null): string | null {
  return paid.rules?.keyedByUs === true ? null : providerRefundReference;
}

/** The refund news about one refund among the notifications the provider delivered. */
async function refundNewsAbout(
  context: ScenarioContext,
  paid: PaidPayment,
  refund: { refundKey: string; providerRefundReference: string },
): Promise<RefundNews[]> {
  const keyed = paid.rules?.keyedByUs === true;
  return (await notificationsAbout(context, paid.result.providerReference))
    .flatMap(({ events }) => events.flatMap((event) => (event.refund ? [event.refund] : [])))
    .filter((news) =>
      keyed
        ? news.refundKey === refund.refundKey
        : news.providerRefundReference === refund.providerRefundReference,
    );
}

/** A refund as a lifecycle: `getRefund`, pending refunds that finish later, refunds the provider refuses. */
export const refundLifecycleScenarios = {
  findsRefundAfterLostAnswer: {
    title:
      "finds a refund again as recovery asks: by our refund key where the method is keyedByUs, otherwise by the provider's reference",
    async run(context) {
      const payment = await refundablePayment(context);
      const amount = someOf(payment, 3000);
      const refundKey = context.newKey();
      const answer = await refundOf(context, payment)(amount, refundKey);
      expectAccepted(answer);
      const reference = providerRefundReferenceOf(answer);
      const found = await context.gateway.getRefund(
        refundLookupOf(context, payment, {
          refundKey,
          amount,
          providerRefundReference: lookupReference(payment, reference),
        }),
      );
      expect(found, "the provider finds the refund it made").not.toBeNull();
      expect(
        answer.status === "pending" ? ["pending", "succeeded"] : [answer.status],
        "getRefund reports the refund as it stands",
      ).toContain(found?.status);
      expect(found && providerRefundReferenceOf(found), "getRefund names the same refund").toBe(reference);
    },
  },
  returnsNullForUnsentRefundKey: {
    title:
      "answers getRefund null for a refund key it was never sent — beside a refund it made, where the method is keyedByUs",
    async run(context) {
      const payment = await refundablePayment(context);
      const amount = someOf(payment, 3000);
      // Only a provider that keeps our key can tell a refund never sent from another of the same amount.
      if (payment.rules?.keyedByUs === true) expectAccepted(await refundOf(context, payment)(amount));
      const found = await context.gateway.getRefund(
        refundLookupOf(context, payment, {
          refundKey: context.newKey(),
          amount,
          providerRefundReference: null,
        }),
      );
      expect(
        found,
        "a refund the provider never received is null, so recovery can mark it failed",
      ).toBeNull();
    },
  },
  settlesPendingRefund: {
    title:
      "answers a refund pending, getRefund reports it pending, then succeeded once the provider finishes it — in its books and its news",
    async run(context) {
      const { holdNextRefund, settleRefund } = context.harness;
      if (holdNextRefund === undefined || settleRefund === undefined)
        return context.skip("the harness cannot hold a refund pending and then settle it");
      const payment = await refundablePayment(context);
      const amount = someOf(payment, 4000);
      const refundKey = context.newKey();
      await holdNextRefund.call(context.harness);
      const answer = await refundOf(context, payment)(amount, refundKey);
      expect(answer.status, "a refund the provider holds answers pending").toBe("pending");
      if (answer.status !== "pending") return;
      const { providerRefundReference } = answer;
      const lookup = refundLookupOf(context, payment, {
        refundKey,
        amount,
        providerRefundReference: lookupReference(payment, providerRefundReference),
      });
      expect(await context.gateway.getRefund(lookup)).toMatchObject({
        status: "pending",
        providerRefundReference,
      });
      expect(await refundsFor(context, payment.result.providerReference)).toEqual([
        expect.objectContaining({ amount: context.money(amount), status: "pending" }),
      ]);
      await context.harness.deliveredNotifications();

      await settleRefund.call(context.harness, { refundKey, providerRefundReference }, "succeeded");

      expect(await context.gateway.getRefund(lookup)).toMatchObject({
        status: "succeeded",
        providerRefundReference,
      });
      expect(await refundsFor(context, payment.result.providerReference)).toEqual([
        expect.objectContaining({ amount: context.money(amount), status: "succeeded" }),
      ]);
      const reported = await context.gateway.getPayment(
        lookupOf(context, payment.request, payment.result.providerReference),
      );
      expect(reported, "the payment counts the refund once it succeeded").toMatchObject({
        status: "succeeded",
        refundedAmount: context.money(amount),
      });
      if (context.gateway.capabilities.webhooks === null) return;
      const news = await refundNewsAbout(context, payment, { refundKey, providerRefundReference });
      expect(news.at(-1), "the provider notified that the refund succeeded").toMatchObject({
        status: "succeeded",
        amount: context.money(amount),
      });
    },
  },
  refusedRefundEndsFailed: {
    title:
      "ends a refund the provider refuses failed, gives nothing back, and still refunds the whole payment afterwards",
    async run(context) {
      const { refuseNextRefund } = context.harness;
      if (refuseNextRefund === undefined)
        return context.skip("the harness cannot make the provider refuse a refund");
      const payment = await refundablePayment(context);
      const amount = someOf(payment, 5000);
      const refundKey = context.newKey();
      await refuseNextRefund.call(context.harness);
      const answer = await refundOf(context, payment)(amount, refundKey);
      expect(["failed", "pending"], "a refused refund answers failed (or pending, then failed)").toContain(
        answer.status,
      );
      const reference = lookupReference(payment, providerRefundReferenceOf(answer));
      if (answer.status === "pending" || payment.rules?.keyedByUs === true || reference !== null) {
        const found = await context.gateway.getRefund(
          refundLookupOf(context, payment, { refundKey, amount, providerRefundReference: reference }),
        );
        expect(found?.status, "getRefund reports the refused refund failed").toBe("failed");
      }
      expect(await refundsFor(context, payment.result.providerReference), "nothing was given back").toEqual(
        [],
      );
      expectAccepted(await refundOf(context, payment)(standardAmount));
      expect(total(context, await refundsFor(context, payment.result.providerReference))).toBe(
        standardAmount,
      );
    },
  },
} satisfies Record<string, GatewayScenario>;
