import type { PaymentMethod } from "../payments/payment-method";
import type { Unit } from "./unit";

type MethodEntry = Unit["paymentMethods"][number];

/**
 * The unit's payment methods a buyer may choose online (and a provider may charge): those in
 * `integrated` mode. A `manual` method is collected by staff and recorded by them, so the
 * online checkout, a buyer's retry and the checkout pages never offer it.
 */
export function onlineMethodsOf(unit: Pick<Unit, "paymentMethods">): MethodEntry[] {
  return unit.paymentMethods.filter((entry) => entry.mode !== "manual");
}

/** The entry that serves `method` online at the unit, or undefined when it is not offered online. */
export function onlineMethodOf(
  unit: Pick<Unit, "paymentMethods">,
  method: PaymentMethod | string,
): MethodEntry | undefined {
  return onlineMethodsOf(unit).find((entry) => entry.method === method);
}
