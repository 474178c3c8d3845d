import type { Payment } from "../payments/payment";
import { referenceOf } from "../payments/payment-reference";
import { ageMs } from "../payments/recovery-grace";
import { withRetryOnConflict } from "../payments/with-retry-on-conflict";
import type { RefundReference, RefundResult } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import { type AppliedRefundAnswer, applyRefundAnswer, refundKeyOf } from "./apply-refund-result";
import type { Refund } from "./refund";
import { isUnanswered } from "./refund-status";

/** What asking the provider about one refund told us. */
export type RefundVerdict =
  /** The provider knows it; its answer is applied (`moved`: this call changed its status). */
  | { kind: "answered"; refund: Refund; moved: boolean }
  /** No record, and the refund is older than the grace period: nothing was given back, marked failed. */
  | { kind: "never_received"; refund: Refund; moved: boolean }
  /** No record yet, but the refund may still be on its way, or the provider cannot tell: unchanged. */
  | { kind: "undecided"; refund: Refund }
  /** The provider could not be asked (an outage, credentials): nothing changed. */
  | { kind: "unreachable"; error: unknown };

/** Everything core knows of a refund, for `getRefund`. */
export function refundReferenceOf(refund: Refund, payment: Payment): RefundReference {
  return {
    refundKey: refundKeyOf(refund.id),
    providerRefundReference: refund.providerReference,
    payment: referenceOf(payment),
    amount: refund.amount,
    createdAt: refund.createdAt,
  };
}

/**
 * Asks the provider about a refund whose answer was lost or is still pending, and applies what
 * it says through `applyRefundResult`'s path, the one for refund answers. "No record" proves the
 * refund was never received only for one that has had no answer and is older than `graceMs`:
 * it is marked `failed` (nothing was given back), never sent again silently — staff refund
 * anew if they still mean to.
 */
export async function settleRefundFromProvider(
  ctx: ServiceContext,
  refund: Refund,
  payment: Payment,
  graceMs: number,
): Promise<RefundVerdict> {
  let found: RefundResult | null;
  try {
    found = await ctx.gateways.get(payment.gatewayId).getRefund(refundReferenceOf(refund, payment));
  } catch (error) {
    return { kind: "unreachable", error };
  }
  if (found !== null && found.status !== "unknown") {
    return { kind: "answered", ...(await apply(ctx, refund, found)) };
  }
  if (found !== null || !isUnanswered(refund) || ageMs(ctx.clock.now(), refund.createdAt) < graceMs) {
    return { kind: "undecided", refund };
  }
  const applied = await apply(ctx, refund, {
    status: "failed",
    providerRefundReference: null,
    rawStatus: "never_received",
    message: "The provider has no record of this refund; nothing was given back.",
  });
  return { kind: "never_received", ...applied };
}

/** Applies the answer in a transaction of its own. */
function apply(ctx: ServiceContext, refund: Refund, answer: RefundResult): Promise<AppliedRefundAnswer> {
  return withRetryOnConflict(() =>
    ctx.storage.transaction((tx) => applyRefundAnswer(ctx, tx, refund.id, answer)),
  );
}
