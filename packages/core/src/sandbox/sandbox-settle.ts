import { instantToMillis } from "../time/instant";
import type { SandboxCharge } from "./sandbox-charge";
import type { ResolvedSandboxOptions } from "./sandbox-options";
import { settleRefund } from "./sandbox-refund-settle";
import type { SandboxState } from "./sandbox-state";
import { changeStatus } from "./sandbox-status-change";

/**
 * When a pending charge settles by itself: `payAt`, when the payer pays on their own
 * (`autoPayAfterMs` after creation), and `expiresAt`, when a PIX nobody paid expires.
 * Either is `Infinity` when it never comes (no `autoPayAfterMs`; a boleto does not expire).
 */
export function settlementTimes(
  options: Pick<ResolvedSandboxOptions, "autoPayAfterMs">,
  charge: SandboxCharge,
): { payAt: number; expiresAt: number } {
  return {
    payAt:
      options.autoPayAfterMs === undefined
        ? Number.POSITIVE_INFINITY
        : instantToMillis(charge.createdAt) + options.autoPayAfterMs,
    expiresAt:
      charge.action?.type === "pix" ? instantToMillis(charge.action.expiresAt) : Number.POSITIVE_INFINITY,
  };
}

/** The first of the two: what the ledger's due index is ordered by. */
export function settlesAt(
  options: Pick<ResolvedSandboxOptions, "autoPayAfterMs">,
  charge: SandboxCharge,
): number {
  const { payAt, expiresAt } = settlementTimes(options, charge);
  return Math.min(payAt, expiresAt);
}

/**
 * Applies what the clock says has happened since the last call: a pending charge whose
 * `payAt` came first is paid then, one whose PIX expired first is expired then (a tie
 * expires: the payer was too late). Only the charges whose time has come are read, oldest
 * first, so the cost is the work to do — not the size of the books.
 */
export function settle(state: SandboxState): void {
  const now = instantToMillis(state.clock.now());
  for (const charge of state.ledger.dueCharges(now)) {
    const { payAt, expiresAt } = settlementTimes(state.options, charge);
    if (payAt <= now && payAt < expiresAt) changeStatus(state, charge, "paid", new Date(payAt).toISOString());
    else if (expiresAt <= now) changeStatus(state, charge, "expired", new Date(expiresAt).toISOString());
  }
  const after = state.options.refundSettleAfterMs;
  if (after === undefined) return;
  // Pending refunds exist only with asyncRefunds, and are few: reading them all is cheap.
  for (const refund of state.ledger.pendingRefunds()) {
    const at = instantToMillis(refund.createdAt) + after;
    if (at <= now) settleRefund(state, refund, "succeeded", new Date(at).toISOString());
  }
}
