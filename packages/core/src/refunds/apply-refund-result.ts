import type { AnyDomainEvent } from "../events/domain-event";
import type { Id } from "../ids/id";
import { orderAfterLines } from "../orders/order-after-payment";
import { collectedOf } from "../payments/collected-amount";
import type { Payment } from "../payments/payment";
import type { RefundResult } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import { endRefundedPass } from "./end-refunded-pass";
import type { Refund } from "./refund";
import { isUnanswered, refundLifecycle } from "./refund-status";

/**
 * Applies news about a refund — the provider's answer to `refund`, what `getRefund` found
 * for recovery, or a webhook's refund news — inside the caller's transaction. The one place a
 * refund's status takes effect, so an answer and a notification in any order converge: news
 * that is not a forward move of the refund's lifecycle (a replay, a late `pending` after
 * `succeeded`) changes nothing, and an `unknown` answer only marks a refund with no answer yet.
 * When it succeeds, the payment's `refundedAmount` grows by it and its status follows
 * (`partially_refunded`, then `refunded` once all of it is back, which also marks the
 * installments it paid `refunded`).
 */
export async function applyRefundResult(
  ctx: ServiceContext,
  tx: Repositories,
  refundId: Id<"refund">,
  answer: RefundResult,
): Promise<Refund> {
  return (await applyRefundAnswer(ctx, tx, refundId, answer)).refund;
}

/** What applying a refund's news did: the refund as it now stands, and whether this call moved its status. */
export interface AppliedRefundAnswer {
  refund: Refund;
  /** Read in the caller's transaction, so passes racing over one refund count its move once. */
  moved: boolean;
}

/** `applyRefundResult`, also telling whether this call moved the refund (recovery counts by it). */
export async function applyRefundAnswer(
  ctx: ServiceContext,
  tx: Repositories,
  refundId: Id<"refund">,
  answer: RefundResult,
): Promise<AppliedRefundAnswer> {
  const refund = await tx.refunds.findById(refundId);
  if (!refund) throw new Error(`refund ${refundId} vanished`);
  const target = answer.status;
  const providerReference =
    "providerRefundReference" in answer
      ? (answer.providerRefundReference ?? refund.providerReference)
      : refund.providerReference;
  const now = ctx.clock.now();
  if (target === refund.status) {
    // The write-ahead row is already pending: a pending answer only brings the provider's reference,
    // and, as the first answer, says the provider took it.
    if (providerReference === refund.providerReference) return { refund, moved: false };
    const updated = await tx.refunds.update({ ...refund, providerReference, updatedAt: now });
    if (target === "pending" && isUnanswered(refund)) {
      const ids = { refundId: refund.id, paymentId: refund.paymentId, amount: refund.amount };
      await tx.outbox.append([ctx.events("refund.pending", ids, refund.unitId)]);
    }
    return { refund: updated, moved: false };
  }
  // A lost answer only marks a refund the provider has not answered yet: never one it took.
  if (target === "unknown" && !isUnanswered(refund)) return { refund, moved: false };
  if (!refundLifecycle.canMove(refund.status, target)) return { refund, moved: false };
  const updated = await tx.refunds.update({ ...refund, status: target, providerReference, updatedAt: now });
  const events: AnyDomainEvent[] = [];
  const ids = { refundId: refund.id, paymentId: refund.paymentId, amount: refund.amount };
  if (target === "succeeded") {
    await giveBack(ctx, tx, refund, events);
    events.push(ctx.events("refund.succeeded", ids, refund.unitId));
  } else if (target === "failed") {
    events.push(ctx.events("refund.failed", ids, refund.unitId));
  } else if (target === "pending") {
    events.push(ctx.events("refund.pending", ids, refund.unitId));
  }
  await tx.outbox.append(events);
  return { refund: updated, moved: true };
}

/**
 * The payment's refunded amount and status, and a fully refunded payment's installments —
 * and, when they were a pass's, the pass itself (`endRefundedPass`).
 */
async function giveBack(
  ctx: ServiceContext,
  tx: Repositories,
  refund: Refund,
  events: AnyDomainEvent[],
): Promise<void> {
  const now = ctx.clock.now();
  const payment: Payment | null = await tx.payments.findById(refund.paymentId);
  if (!payment) throw new Error(`payment ${refund.paymentId} vanished`);
  const refunded = payment.refundedAmount.amount + refund.amount.amount;
  const whole = refunded >= collectedOf(payment).amount;
  const after = await tx.payments.update({
    ...payment,
    refundedAmount: { amount: refunded, currency: payment.amount.currency },
    status: whole ? "refunded" : "partially_refunded",
    updatedAt: now,
  });
  if (!whole) return;
  const installments = await tx.installments.findByIds(payment.installmentIds);
  for (const installment of installments) {
    if (installment.status === "confirmed") {
      await tx.installments.update({ ...installment, status: "refunded", updatedAt: now });
    }
  }
  await endRefundedPass(ctx, tx, installments, events);
  await orderAfterLines(ctx, tx, installments, after, events);
}

/** The refund a provider knows by `refundKey`: core sends the refund's id without its underscore. */
export function refundIdOfKey(refundKey: string): Id<"refund"> | null {
  return /^ref[0-9A-Z]+$/.test(refundKey) ? (`ref_${refundKey.slice(3)}` as Id<"refund">) : null;
}

/** The key core gives the provider for a refund (29 letters and digits fit an API Pix devolução id, 1–35). */
export function refundKeyOf(refundId: Id<"refund">): string {
  return refundId.replace("_", "");
}
