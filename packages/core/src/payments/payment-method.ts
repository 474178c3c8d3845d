import { z } from "zod";

/** How a buyer pays: card (via a provider token), PIX, boleto, or a provider's payment link. */
export const paymentMethods = ["card", "pix", "boleto", "payment_link"] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
export const paymentMethodSchema = z.enum(paymentMethods);

/**
 * What a payment row collected by: a provider's method, or `wallet` — the customer's balance,
 * debited in the same transaction that confirms what it paid (imprimaSTORE seed: "Descontado
 * do saldo"). A wallet payment is never sent to a gateway.
 */
export type CollectionMethod = PaymentMethod | "wallet";

/**
 * The provider's method of a payment a gateway handles. A wallet payment reaching a gateway
 * path is a bug (it is settled when written, and refunded to the wallet), so it throws.
 */
export function providerMethodOf(payment: { id: string; method: CollectionMethod }): PaymentMethod {
  if (payment.method === "wallet")
    throw new Error(`payment ${payment.id} was paid from the wallet: no gateway has it`);
  return payment.method;
}
