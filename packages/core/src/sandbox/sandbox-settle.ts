import { instantToMillis } from "../time/instant";
import type { SandboxCharge } from "./sandbox-charge";
import type { ResolvedSandboxOptions } from "./sandbox-options";
import { chargeDueRecurrences } from "./sandbox-recurrence";
import { settleRefund } from "./sandbox-refund-settle";
import type { SandboxState } from "./sandbox-state";
import { changeStatus } from "./sandbox-status-change";

/** The options that say when a charge settles by itself. */
export type SettlementOptions = Pick<
  ResolvedSandboxOptions,
  "autoPayAfterMs" | "authorizationLapseDays" | "boletoIssueDelayMs"
>;

const dayMs = 86_400_000;

/**
 * When an open charge settles by itself: `payAt`, when the payer pays on their own
 * (`autoPayAfterMs` after creation, never before the boleto is issued), and `expiresAt`,
 * when a PIX nobody paid expires or a card authorization nobody captured lapses
 * (`authorizationLapseDays`). Either is `Infinity` when it never comes (no
 * `autoPayAfterMs`; a boleto does not expire). `issuedAt`: when the payer's action is
 * ready — at once, except for a boleto issued asynchronously (`boletoIssueDelayMs`).
 */
export function settlementTimes(
  options: SettlementOptions,
  charge: SandboxCharge,
): { issuedAt: number; payAt: number; expiresAt: number } {
  const createdAt = instantToMillis(charge.createdAt);
  const issuedAt =
    charge.method === "boleto" && options.boletoIssueDelayMs !== undefined
      ? createdAt + options.boletoIssueDelayMs
      : createdAt;
  if (charge.status === "authorized") {
    // Nobody pays an authorization by themselves: it is captured, or it lapses.
    const expiresAt = createdAt + options.authorizationLapseDays * dayMs;
    return { issuedAt, payAt: Number.POSITIVE_INFINITY, expiresAt };
  }
  return {
    issuedAt,
    payAt:
      options.autoPayAfterMs === undefined
        ? Number.POSITIVE_INFINITY
        : Math.max(createdAt + options.autoPayAfterMs, issuedAt),
    expiresAt:
      charge.action?.type === "pix" ? instantToMillis(charge.action.expiresAt) : Number.POSITIVE_INFINITY,
  };
}

/** The first of the two: what the ledger's due index is ordered by. */
export function settlesAt(options: SettlementOptions, charge: SandboxCharge): number {
  const { payAt, expiresAt } = settlementTimes(options, charge);
  return Math.min(payAt, expiresAt);
}

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
