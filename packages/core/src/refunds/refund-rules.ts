import { TesseraError } from "../errors/tessera-error";
import type { Money } from "../money/money";
import type { Payment } from "../payments/payment";
import { providerMethodOf } from "../payments/payment-method";
import type { Gateway } from "../ports/gateway";
import { type Instant, instantToMillis } from "../time/instant";

const dayMs = 86_400_000;

/** Why a refund through the provider is not possible at all (`refund_not_possible`'s `details.reason`). */
export type RefundImpossibility = "method_not_refundable" | "window_passed";

/**
 * Checks a refund against what the payment's gateway declares for its method
 * (`capabilities.refunds`), before anything is written, so a refund the provider would refuse
 * never leaves a failed row behind:
 * - a method absent there (Banco Inter boletos): `refund_not_possible`, reason
 *   `method_not_refundable`;
 * - more than `windowDays` days since the payment was made: `refund_not_possible`, reason
 *   `window_passed`. Counted from the payment row's `createdAt`, which is never after the
 *   provider's own payment date, so core refuses no later than the provider does;
 * - less than the whole payment where `partial` is false: `validation_failed` on `amount`
 *   (`partial_not_supported`) — the whole payment can still be refunded.
 *
 * Staff give back what the provider cannot to the customer's wallet, or by hand.
 */
export function checkRefundRules(gateway: Gateway, payment: Payment, amount: Money, now: Instant): void {
  const rules = gateway.capabilities.refunds[providerMethodOf(payment)];
  const facts = { entity: "payment", id: payment.id, gatewayId: gateway.id, method: payment.method };
  if (rules === undefined) {
    throw impossible(
      "method_not_refundable",
      `The ${gateway.id} gateway cannot refund a ${payment.method} payment (${payment.id}).`,
      facts,
    );
  }
  if (
    rules.windowDays !== null &&
    instantToMillis(now) - instantToMillis(payment.createdAt) > rules.windowDays * dayMs
  ) {
    throw impossible(
      "window_passed",
      `The ${gateway.id} gateway refunds a ${payment.method} payment only within ${rules.windowDays} days; ${payment.id} was made on ${payment.createdAt}.`,
      { ...facts, windowDays: rules.windowDays, madeAt: payment.createdAt },
    );
  }
  if (!rules.partial && amount.amount !== payment.amount.amount) {
    throw new TesseraError(
      "validation_failed",
      `Invalid refund: amount: the ${gateway.id} gateway refunds a ${payment.method} payment only whole, in one refund of ${payment.amount.amount} minor units.`,
      {
        details: {
          ...facts,
          issues: [
            {
              path: ["amount"],
              code: "partial_not_supported",
              message: `refund the whole payment, ${payment.amount.amount} minor units`,
            },
          ],
        },
      },
    );
  }
}

function impossible(
  reason: RefundImpossibility,
  message: string,
  details: Record<string, unknown>,
): TesseraError {
  return new TesseraError("refund_not_possible", message, { details: { ...details, reason } });
}
