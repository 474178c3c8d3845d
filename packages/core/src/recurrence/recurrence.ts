import type { Id } from "../ids/id";
import type { PaymentMethod } from "../payments/payment-method";
import type { RecurrenceRequest } from "../ports/gateway";
import type { Instant } from "../time/instant";
import type { RecurrenceStatus } from "./recurrence-status";

/**
 * A recurrence the provider runs for a contract (Cielo `RecurrentPayment`, PagoLivre's
 * monthly charges): the provider charges each period by itself and notifies; every charge
 * becomes its own payment row against the installments of its period. Recorded when the
 * create that asked for it first answers with the provider's id of it.
 */
export interface Recurrence {
  id: Id<"recurrence">;
  unitId: Id<"unit">;
  customerId: Id<"customer">;
  contractId: Id<"contract">;
  gatewayId: string;
  method: PaymentMethod;
  /** The payment whose create started it: charge 1. */
  firstPaymentId: Id<"payment">;
  /** The provider's id of the recurrence (Cielo `RecurrentPaymentId`). Unique per gateway. */
  providerReference: string;
  status: RecurrenceStatus;
  /** What the provider was asked to do. */
  terms: RecurrenceRequest;
  /** The highest charge the provider has reported (1 = the create's own). */
  lastSequence: number;
  endedAt: Instant | null;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}
