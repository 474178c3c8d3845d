import type { Money } from "../money/money";
import { refundedAmount, type SandboxCharge, type SandboxRefund } from "./sandbox-charge";
import type { SandboxLedgerEntry } from "./sandbox-ledger";
import type { SandboxRecurrence } from "./sandbox-recurrence-record";
import { settle } from "./sandbox-settle";
import type { SandboxState } from "./sandbox-state";

/** The provider's books as the back office and tests read them. */
export interface SandboxLedgerView {
  charges: (SandboxCharge & { refundedAmount: Money })[];
  refunds: SandboxRefund[];
  /** Every recurrence the provider runs or ran, with its status and latest charge. */
  recurrences: SandboxRecurrence[];
  /** Every entry in the order it was written (what the ledger file holds). */
  entries: SandboxLedgerEntry[];
}

/** `sandbox.ledger()`: every charge with what was refunded of it, every refund and recurrence, every entry. */
export function ledgerView(state: SandboxState): SandboxLedgerView {
  settle(state);
  return {
    charges: state.ledger.charges().map((charge) => ({
      ...charge,
      refundedAmount: refundedAmount(charge, state.ledger.refundsOf(charge.reference)),
    })),
    refunds: state.ledger.refunds(),
    recurrences: state.ledger.recurrences(),
    entries: state.ledger.entries(),
  };
}
