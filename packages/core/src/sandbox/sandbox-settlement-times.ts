import { instantToMillis } from "../time/instant";
import type { SandboxCharge } from "./sandbox-charge";
import type { ResolvedSandboxOptions } from "./sandbox-options";

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
