import type { RefundRequest, RefundResult } from "../ports/gateway";
import { committedRefundAmount, type SandboxRefund } from "./sandbox-charge";
import { notify } from "./sandbox-notify";
import { newSandboxReference } from "./sandbox-reference";
import { refundResultOf } from "./sandbox-refund-settle";
import { settle } from "./sandbox-settle";
import { invalidRequest, type SandboxState, simulateLatency } from "./sandbox-state";

/**
 * `refund`: gives back all or part of a paid payment, never more than is left (refunds
 * still pending count); the same refund key is the same refund, so a replay never refunds
 * twice. With `asyncRefunds` it answers `pending`, and the refund settles later
 * (`refundSettleAfterMs`, or `sandbox.settleRefund`) with a notification carrying the news.
 */
export async function refund(state: SandboxState, request: RefundRequest): Promise<RefundResult> {
  await simulateLatency(state);
  settle(state);
  const charge = state.ledger.findCharge(request.providerReference);
  if (charge === null)
    throw invalidRequest(state, "No payment has this provider reference.", { field: "providerReference" });
  if (charge.idempotencyKey !== request.paymentIdempotencyKey) {
    throw invalidRequest(
      state,
      "The provider reference and the payment's key belong to different payments.",
      {
        field: "paymentIdempotencyKey",
      },
    );
  }
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(request.refundKey)) {
    throw invalidRequest(state, "The refund key must be 1–100 letters, digits, _ or -.", {
      field: "refundKey",
    });
  }
  const earlier = state.ledger.findRefund(charge.reference, request.refundKey);
  if (earlier !== null) {
    // The same refund key is the same refund: a replay never refunds twice.
    if (
      earlier.amount.amount !== request.amount.amount ||
      earlier.amount.currency !== request.amount.currency
    ) {
      throw invalidRequest(state, "This refund key was already used for a different amount.", {
        field: "refundKey",
      });
    }
    return refundResultOf(earlier);
  }
  if (charge.status !== "paid") {
    throw invalidRequest(state, `Only a paid payment can be refunded; this one is ${charge.status}.`, {
      status: charge.status,
    });
  }
  if (request.amount.currency !== charge.amount.currency) {
    throw invalidRequest(state, "A refund is in the payment's currency.", { field: "amount.currency" });
  }
  if (!Number.isSafeInteger(request.amount.amount) || request.amount.amount <= 0) {
    throw invalidRequest(state, "A refund amount is a positive whole number of centavos.", {
      field: "amount.amount",
    });
  }
  const remaining =
    charge.amount.amount - committedRefundAmount(charge, state.ledger.refundsOf(charge.reference)).amount;
  if (request.amount.amount > remaining) {
    throw invalidRequest(state, `The refund exceeds what is left to refund (${remaining} minor units).`, {
      field: "amount.amount",
      remaining,
    });
  }
  const recorded: SandboxRefund = {
    reference: newSandboxReference("sbxref"),
    chargeReference: charge.reference,
    refundKey: request.refundKey,
    amount: request.amount,
    createdAt: state.clock.now(),
    status: state.options.asyncRefunds ? "pending" : "succeeded",
    settledAt: null,
  };
  state.ledger.append({ kind: "refund", at: recorded.createdAt, refund: recorded });
  state.log({
    level: "info",
    message: "refund recorded",
    data: {
      reference: recorded.reference,
      chargeReference: charge.reference,
      amount: recorded.amount.amount,
      status: recorded.status,
    },
  });
  if (recorded.status === "succeeded")
    notify(state, "refund.succeeded", charge, recorded, recorded.createdAt);
  return refundResultOf(recorded);
}
