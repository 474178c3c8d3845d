import type { Money } from "../money/money";
import type { PaymentMethod } from "../payments/payment-method";
import type { PaymentReference } from "../ports/gateway";
import type { Instant } from "../time/instant";

/**
 * A `PaymentReference` as core would pass it to `getPayment`, `cancel` or `capture`, for an
 * adapter's tests: give what the test knows (our key, the provider's reference), and the
 * rest defaults to a card payment of R$ 100,00 made at `createdAt`.
 *
 * @example
 * ```ts
 * await gateway.getPayment(paymentReferenceFor({ idempotencyKey: request.idempotencyKey, method: "pix" }));
 * ```
 */
export function paymentReferenceFor(known: {
  idempotencyKey?: string;
  providerReference?: string | null;
  method?: PaymentMethod;
  amount?: Money;
  createdAt?: Instant;
}): PaymentReference {
  return {
    idempotencyKey: known.idempotencyKey ?? "no0such0key0000000000000000000",
    providerReference: known.providerReference ?? null,
    method: known.method ?? "card",
    amount: known.amount ?? { amount: 10_000, currency: "BRL" },
    createdAt: known.createdAt ?? "2026-01-01T00:00:00.000Z",
  };
}
