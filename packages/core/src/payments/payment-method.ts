import { z } from "zod";

/** How a buyer pays: card (via a provider token), PIX, boleto, or a provider's payment link. */
export const paymentMethods = ["card", "pix", "boleto", "payment_link"] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
export const paymentMethodSchema = z.enum(paymentMethods);
