import type { CreatePaymentRequest } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import {
  type AppliedNews,
  applyPaymentResult,
  type KnownRows,
  type PaymentEffects,
  type PaymentNews,
} from "./apply-payment-result";
import { type NotSentNews, notSentNewsOf } from "./not-sent";
import type { Payment } from "./payment";
import { withRetryOnConflict } from "./with-retry-on-conflict";

/** The stored payment after its first answer, what it changed, and the refusal when it was never sent. */
export interface Submitted {
  payment: Payment;
  effects: PaymentEffects | null;
  notSent: NotSentNews | null;
}

/**
 * Calls the gateway for a payment row that is already committed (write-ahead), then
 * stores the answer in a second transaction. The outcome is always a value:
 * - the provider's answer, as it came;
 * - a `GatewayError` (configuration, credentials, invalid request, unavailable) — the
 *   provider refused before charging — becomes a payment that was never sent: failed with
 *   that code, blocking nobody, reported to staff as `gateway.failing`;
 * - anything else thrown (a timeout, a reset, a bug after the request left) is `unknown`,
 *   left for recovery to settle by asking the provider by our reference.
 * The answer is applied from `payment` as committed (and the installments and contract the
 * caller wrote with it, in `known`), not read again (see `KnownRows`).
 */
export async function submitPayment(
  ctx: ServiceContext,
  payment: Payment,
  request: CreatePaymentRequest,
  known: Omit<KnownRows, "payment"> = {},
): Promise<Submitted> {
  const gateway = ctx.gateways.get(payment.gatewayId);
  let news: PaymentNews;
  let notSent: NotSentNews | null = null;
  try {
    news = await gateway.createPayment(request);
  } catch (error) {
    notSent = notSentNewsOf(error);
    news = notSent ?? {
      status: "unknown",
      providerReference: null,
      rawStatus: null,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
  const applied = await applyNews(ctx, payment.id, news, { ...known, payment });
  return { payment: applied.payment, effects: applied.effects, notSent };
}

/**
 * Applies news in its own transaction, retrying when a concurrent writer got there first;
 * `known` rows are used by the first try only — a conflict means one of them changed.
 */
export function applyNews(
  ctx: ServiceContext,
  paymentId: Payment["id"],
  news: PaymentNews,
  known?: KnownRows,
): Promise<AppliedNews> {
  let rows = known;
  return withRetryOnConflict(() => {
    const held = rows;
    rows = undefined;
    return ctx.storage.transaction((tx) => applyPaymentResult(ctx, tx, paymentId, news, held));
  });
}
