import { TesseraError } from "../errors/tessera-error";
import { onlineMethodOf } from "../organizations/online-methods";
import type { Unit } from "../organizations/unit";
import type { PaymentMethod } from "../payments/payment-method";

/**
 * The unit's entry that charges `method` through a provider, for an attempt after the sale
 * (a retry, an order's payment): a `manual` method is not offered, and a card payment needs
 * the provider's card token. Refused as `validation_failed` naming the field (`what`: "payment
 * retry", "order payment"). Returns the unit (known to exist) with its entry.
 */
export function offeredMethod(
  unit: Unit | null,
  method: PaymentMethod,
  card: unknown,
  what: string,
): { unit: Unit; entry: Unit["paymentMethods"][number] } {
  const offered = unit ? onlineMethodOf(unit, method) : undefined;
  if (!unit || !offered) {
    throw new TesseraError(
      "validation_failed",
      `Invalid ${what}: method: the unit does not take ${method}.`,
      {
        details: {
          issues: [{ path: ["method"], code: "method_not_offered", message: `not offered: ${method}` }],
        },
      },
    );
  }
  if (method === "card" && !card) {
    throw new TesseraError(
      "validation_failed",
      `Invalid ${what}: card: a card payment needs the provider's card token.`,
      { details: { issues: [{ path: ["card"], code: "required", message: "required for card" }] } },
    );
  }
  return { unit, entry: offered };
}
