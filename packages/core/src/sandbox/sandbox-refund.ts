import type { RefundRequest, RefundResult } from "../ports/gateway";
import { instantToMillis } from "../time/instant";
import { committedRefundAmount, type SandboxCharge, type SandboxRefund } from "./sandbox-charge";
import { notify } from "./sandbox-notify";
import { newSandboxReference } from "./sandbox-reference";
import { refundResultOf } from "./sandbox-refund-settle";
import { settle } from "./sandbox-settle";
import { invalidRequest, type SandboxState, simulateLatency } from "./sandbox-state";

const dayMs = 86_400_000;

/**
 * `refund`: gives back all or part of a paid payment, never more than is left (refunds
 * still pending count), and only as its method's declared rules allow (`refundRules`, which
 * are `capabilities.refunds`): a method without rules, part of a payment where `partial` is
 * false, or a payment paid more than `windowDays` ago by the sandbox's clock is refused with
 * `gateway_invalid_request`, as the real providers refuse them. The same refund key is the
 * same refund, so a replay never refunds twice. With `asyncRefunds` (or
 * `sandbox.answerNextRefund("pending")`) it answers `pending`, and the refund settles later
 * (`refundSettleAfterMs`, or `sandbox.settleRefund`) with a notification carrying the news;
 * `sandbox.answerNextRefund("failed")` makes the provider refuse it: nothing is given back.
 */
export async function refund(state: SandboxState, request: RefundRequest): Promise<RefundResult> {
  await simulateLatency(state);
  settle(state);
  const charge = state.ledger.findCharge(request.providerReference);
  if (charge === null)
    throw invalidRequest(state, "No payment has this provider reference.", { field: "providerReference" });
  // A charge the provider made by itself for a recurrence was never sent under our key: its reference is all.
  const madeByProvider = (charge.recurrence?.sequence ?? 1) > 1;
  if (!madeByProvider && charge.idempotencyKey !== request.paymentIdempotencyKey) {
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
  checkDeclaredRules(state, charge, request);
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
  const answer = state.nextRefundAnswers.shift() ?? (state.options.asyncRefunds ? "pending" : "succeeded");
  const createdAt = state.clock.now();
  const recorded: SandboxRefund = {
    reference: newSandboxReference("sbxref"),
    chargeReference: charge.reference,
    refundKey: request.refundKey,
    amount: request.amount,
    createdAt,
    status: answer,
    settledAt: answer === "failed" ? createdAt : null,
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
  if (recorded.status !== "pending")
    notify(state, `refund.${recorded.status}`, charge, recorded, recorded.createdAt);
  return refundResultOf(recorded);
}

/** What the sandbox declares it refunds (`capabilities.refunds`), enforced: declared and real never differ. */
function checkDeclaredRules(state: SandboxState, charge: SandboxCharge, request: RefundRequest): void {
  const rules = state.capabilities.refunds[charge.method];
  if (rules === undefined) {
    throw invalidRequest(state, `A ${charge.method} payment cannot be refunded through the provider.`, {
      method: charge.method,
    });
  }
  const paidAt = instantToMillis(charge.paidAt ?? charge.createdAt);
  if (rules.windowDays !== null && instantToMillis(state.clock.now()) - paidAt > rules.windowDays * dayMs) {
    throw invalidRequest(
      state,
      `A ${charge.method} payment can be refunded only within ${rules.windowDays} days of being paid.`,
      { method: charge.method, windowDays: rules.windowDays, paidAt: charge.paidAt },
    );
  }
  if (!rules.partial && request.amount.amount !== charge.amount.amount) {
    throw invalidRequest(state, `A ${charge.method} payment is refunded only whole, in one refund.`, {
      field: "amount.amount",
      method: charge.method,
    });
  }
}
