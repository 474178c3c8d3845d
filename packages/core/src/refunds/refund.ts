import type { Id } from "../ids/id";
import type { Money } from "../money/money";
import type { Instant } from "../time/instant";
import type { RefundStatus } from "./refund-status";

/** Money given back for a payment, to its original method or to the customer's wallet. */
export interface Refund {
  id: Id<"refund">;
  unitId: Id<"unit">;
  paymentId: Id<"payment">;
  customerId: Id<"customer">;
  amount: Money;
  destination: "original_method" | "wallet";
  status: RefundStatus;
  idempotencyKey: string;
  providerReference: string | null;
  reason: string;
  actor: string;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}
