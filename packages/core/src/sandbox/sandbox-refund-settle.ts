import type { RefundResult } from "../ports/gateway";
import type { SandboxRefund } from "./sandbox-charge";
import { notify } from "./sandbox-notify";
import type { SandboxState } from "./sandbox-state";

/** The port's answer for a refund as the books hold it. */
export function refundResultOf(refund: SandboxRefund): RefundResult {
  if (refund.status === "failed") {
    return {
      status: "failed",
      providerRefundReference: refund.reference,
      rawStatus: "refund_failed",
      message: "The provider could not give the money back (sandbox).",
    };
  }
  return {
    status: refund.status,
    providerRefundReference: refund.reference,
    rawStatus: refund.status === "pending" ? "refund_pending" : "refunded",
  };
}

/**
 * Settles a pending refund: `succeeded` gives the money back, `failed` leaves it with the
 * payer's charge. Logs and notifies, with the refund's news in the notification.
 */
export function settleRefund(
  state: SandboxState,
  refund: SandboxRefund,
  status: "succeeded" | "failed",
  at: string,
): SandboxRefund {
  state.ledger.append({
    kind: "refund_status",
    at,
    chargeReference: refund.chargeReference,
    refundKey: refund.refundKey,
    status,
  });
  const settled = state.ledger.findRefund(refund.chargeReference, refund.refundKey) ?? refund;
  state.log({ level: "info", message: "refund settled", data: { reference: refund.reference, status } });
  const charge = state.ledger.findCharge(refund.chargeReference);
  if (charge !== null)
    notify(state, status === "succeeded" ? "refund.succeeded" : "refund.failed", charge, settled, at);
  return settled;
}
