import type { RefundReference, RefundResult } from "../ports/gateway";
import { instantToMillis } from "../time/instant";
import type { SandboxRefund } from "./sandbox-charge";
import { findCharge } from "./sandbox-lookup";
import { refundResultOf } from "./sandbox-refund-settle";
import { settle } from "./sandbox-settle";
import { type SandboxState, simulateLatency } from "./sandbox-state";

/**
 * `getRefund`: the refund as the provider's books hold it now — `pending`, then `succeeded`
 * or `failed` — or null when the provider never received it. It finds the refund as the
 * method's declared rules say the provider can: by our refund key where `keyedByUs` (API Pix
 * keeps the devolução `id`), otherwise only by the provider's own reference. Without that
 * reference (the first answer was lost), it does what an adapter for such a provider does:
 * lists the payment's refunds and takes the one of that amount made since ours was written;
 * none is proof it never arrived, several cannot be told apart (`unknown`).
 */
export async function getRefund(
  state: SandboxState,
  reference: RefundReference,
): Promise<RefundResult | null> {
  await simulateLatency(state);
  settle(state);
  const charge = findCharge(state, reference.payment);
  if (charge === null) return null;
  if (state.capabilities.refunds[charge.method]?.keyedByUs === true) {
    const found = state.ledger.findRefund(charge.reference, reference.refundKey);
    return found === null ? null : refundResultOf(found);
  }
  const refunds = state.ledger.refundsOf(charge.reference);
  if (reference.providerRefundReference !== null) {
    const found = refunds.find((refund) => refund.reference === reference.providerRefundReference);
    return found === undefined ? null : refundResultOf(found);
  }
  const candidates = refunds.filter((refund) => isCandidate(refund, reference));
  if (candidates.length > 1) {
    return {
      status: "unknown",
      reason: `${candidates.length} refunds of this amount were made since; without the provider's reference they cannot be told apart.`,
    };
  }
  const [found] = candidates;
  return found === undefined ? null : refundResultOf(found);
}

function isCandidate(refund: SandboxRefund, reference: RefundReference): boolean {
  return (
    instantToMillis(refund.createdAt) >= instantToMillis(reference.createdAt) &&
    refund.amount.amount === reference.amount.amount &&
    refund.amount.currency === reference.amount.currency
  );
}
