import type { Id } from "../ids/id";
import type { Money } from "../money/money";
import type { Instant } from "../time/instant";

/**
 * One line of a customer's wallet ledger (imprimaSTORE seed: "crédito em conta").
 * Append-only: a mistake is undone by a `reversal`, never by editing. `amount` is signed:
 * credits positive, debits negative; the balance is the sum and never goes below zero.
 */
export interface WalletEntry {
  id: Id<"walletEntry">;
  customerId: Id<"customer">;
  unitId: Id<"unit">;
  kind: "credit" | "debit" | "refund_credit" | "reversal";
  amount: Money;
  /** How the money came in (a credit's method: cash, pix, card…), for the books. */
  method: string | null;
  note: string;
  /** Who did it: a staff id, `customer`, or `system`. */
  actor: string;
  /** What the entry paid or came from. */
  orderId: Id<"order"> | null;
  paymentId: Id<"payment"> | null;
  refundId: Id<"refund"> | null;
  reversesEntryId: Id<"walletEntry"> | null;
  createdAt: Instant;
}
