import type { PaymentResult } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import type { AppliedNews } from "./apply-payment-result";
import type { Payment } from "./payment";
import { referenceOf } from "./payment-reference";
import { ageMs } from "./recovery-grace";
import { applyNews } from "./submit-payment";

/** What asking the provider about one payment told us. */
export type ProviderVerdict =
  /** The provider knows it; its answer is applied. */
  | { kind: "answered"; applied: AppliedNews }
  /** No record, and the attempt is older than the grace period: proven never sent, marked so. */
  | { kind: "never_received"; applied: AppliedNews }
  /** No record yet, but the create may still be on its way: wait `retryAfterMs`. */
  | { kind: "maybe_in_flight"; retryAfterMs: number }
  /** The provider could not be asked (an outage, credentials): nothing changed. */
  | { kind: "unreachable"; error: unknown };

/**
 * Asks the provider for a payment by our reference and applies the answer — the one step
 * recovery, a refresh and a replayed request share. "No record" proves the attempt was never
 * sent only for one that has had no answer and is older than `graceMs`.
 */
export async function settleFromProvider(
  ctx: ServiceContext,
  payment: Payment,
  graceMs: number,
): Promise<ProviderVerdict> {
  let found: PaymentResult | null;
  try {
    found = await ctx.gateways.get(payment.gatewayId).getPayment(referenceOf(payment));
  } catch (error) {
    return { kind: "unreachable", error };
  }
  if (found !== null) return { kind: "answered", applied: await applyNews(ctx, payment.id, found) };
  const unanswered = payment.rawStatus === null || payment.status === "unknown";
  const age = ageMs(ctx.clock.now(), payment.createdAt);
  if (!unanswered) return { kind: "answered", applied: { payment, moved: false, effects: null } };
  if (age < graceMs) return { kind: "maybe_in_flight", retryAfterMs: graceMs - age };
  const applied = await applyNews(ctx, payment.id, {
    status: "not_sent",
    code: "never_received",
    message: "The provider has no record of this payment; it was never charged.",
    retryAfterSeconds: null,
  });
  return { kind: "never_received", applied };
}
