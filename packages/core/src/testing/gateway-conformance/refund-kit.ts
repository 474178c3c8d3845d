import { expect } from "vitest";
import type {
  CreatePaymentRequest,
  PaymentResult,
  RefundReference,
  RefundResult,
  RefundRules,
} from "../../ports/gateway";
import {
  cardRequest,
  createPayable,
  lookupOf,
  type PendingMethod,
  pendingMethods,
  pendingRequest,
  referenceOf,
  type ScenarioContext,
  standardAmount,
} from "./scenario-kit";

/** What the refund scenarios share: payments to refund by a chosen method, and refunds of them. */

/** A method the suite can collect money by: a card through the card controls, a PIX or boleto the payer pays. */
export type CollectableMethod = "card" | PendingMethod;

/** A payment with money in it, and the method's refund rules (undefined: the provider refunds none). */
export interface PaidPayment {
  method: CollectableMethod;
  rules: RefundRules | undefined;
  request: CreatePaymentRequest;
  result: PaymentResult & { providerReference: string };
}

/** The methods this gateway offers that the suite can collect by, cards first. */
export function collectableMethods(context: ScenarioContext): CollectableMethod[] {
  const card: CollectableMethod[] =
    context.harness.cards !== null && context.gateway.methods.includes("card") ? ["card"] : [];
  return [...card, ...pendingMethods(context.gateway)];
}

/** The first collectable method whose refund rules fit, or a skip saying none does. */
export function methodWhere(
  context: ScenarioContext,
  fits: (rules: RefundRules | undefined) => boolean,
  none: string,
): CollectableMethod {
  const found = collectableMethods(context).find((method) =>
    fits(context.gateway.capabilities.refunds[method]),
  );
  return found ?? context.skip(none);
}

/** A payment by the first collectable method the gateway refunds at all, or a skip. */
export function refundablePayment(context: ScenarioContext): Promise<PaidPayment> {
  const method = methodWhere(
    context,
    (rules) => rules !== undefined,
    "the gateway declares refunds for no method the suite can collect",
  );
  return collectBy(context, method);
}

/** A payment collected by `method`: an approved card, or a PIX or boleto the payer has paid. */
export async function collectBy(context: ScenarioContext, method: CollectableMethod): Promise<PaidPayment> {
  const rules = context.gateway.capabilities.refunds[method];
  if (method === "card") {
    const cards = context.harness.cards ?? context.skip("the gateway offers no card method");
    const request = cardRequest(context, await cards.approved());
    const result = await context.gateway.createPayment(request);
    expect(result.status, "an approved card is paid").toBe("succeeded");
    return { method, rules, request, result: { ...result, providerReference: referenceOf(result) } };
  }
  const request = pendingRequest(context, method);
  const providerReference = referenceOf(await createPayable(context, request));
  await context.harness.payPending(providerReference);
  const result = await context.gateway.getPayment(lookupOf(context, request, providerReference));
  expect(result?.status, `a paid ${method} reads as succeeded`).toBe("succeeded");
  return { method, rules, request, result: { ...(result as PaymentResult), providerReference } };
}

/** Sends refunds of `paid`, as core would: a fresh refund key unless one is given. */
export function refundOf(
  context: ScenarioContext,
  paid: { request: { idempotencyKey: string }; result: { providerReference: string } },
) {
  return (amount: number, refundKey: string = context.newKey()) =>
    context.gateway.refund({
      refundKey,
      providerReference: paid.result.providerReference,
      paymentIdempotencyKey: paid.request.idempotencyKey,
      amount: context.money(amount),
    });
}

/** What core passes `getRefund` for a refund of `paid` sent under `refundKey`. */
export function refundLookupOf(
  context: ScenarioContext,
  paid: PaidPayment,
  refund: { refundKey: string; amount: number; providerRefundReference: string | null },
): RefundReference {
  return {
    refundKey: refund.refundKey,
    providerRefundReference: refund.providerRefundReference,
    payment: lookupOf(context, paid.request, paid.result.providerReference),
    amount: context.money(refund.amount),
    createdAt: context.harness.clock.now(),
  };
}

/** A part of the payment where the method refunds in part, else all of it. */
export function someOf(paid: PaidPayment, part: number): number {
  return paid.rules?.partial === true ? part : standardAmount;
}

export function expectAccepted(result: RefundResult): void {
  expect(["succeeded", "pending"], "the provider accepted the refund").toContain(result.status);
}

/** The provider's reference of an accepted or refused refund, when its answer carries one. */
export function providerRefundReferenceOf(result: RefundResult): string | null {
  return "providerRefundReference" in result ? result.providerRefundReference : null;
}
