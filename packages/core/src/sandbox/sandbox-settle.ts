import { instantToMillis } from "../time/instant";
import { chargeDueRecurrences } from "./sandbox-recurrence";
import { settleRefund } from "./sandbox-refund-settle";
import { settlementTimes } from "./sandbox-settlement-times";
import type { SandboxState } from "./sandbox-state";
import { changeStatus } from "./sandbox-status-change";

/**
 * Applies what the clock says has happened since the last call: a pending charge whose
 * `payAt` came first is paid then, one whose PIX expired first is expired then (a tie
 * expires: the payer was too late), and an authorization past its lapse is expired. Only
 * the charges whose time has come are read, oldest first, so the cost is the work to do —
 * not the size of the books. Recurrences whose next
 * charge has come are charged then, the same way (`chargeDueRecurrences`).
 */
export function settle(state: SandboxState): void {
  const now = instantToMillis(state.clock.now());
  for (const charge of state.ledger.dueCharges(now)) {
    const { payAt, expiresAt } = settlementTimes(state.options, charge);
    if (payAt <= now && payAt < expiresAt) changeStatus(state, charge, "paid", new Date(payAt).toISOString());
    else if (expiresAt <= now) changeStatus(state, charge, "expired", new Date(expiresAt).toISOString());
  }
  chargeDueRecurrences(state, now);
  const after = state.options.refundSettleAfterMs;
  if (after === undefined) return;
  // Pending refunds exist only with asyncRefunds, and are few: reading them all is cheap.
  for (const refund of state.ledger.pendingRefunds()) {
    const at = instantToMillis(refund.createdAt) + after;
    if (at <= now) settleRefund(state, refund, "succeeded", new Date(at).toISOString());
  }
}
