import { z } from "zod";
import { customerInputSchema } from "../customers/customer";
import { paymentMethodSchema } from "../payments/payment-method";

/** An idempotency key: what a caller sends so a retry of one request is not a second sale. */
export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(8, "must have at least 8 characters")
  .max(255)
  .regex(/^[\x21-\x7e]+$/, "may hold printable ASCII without spaces");

/**
 * The card as it may reach a sale: the provider's token from the buyer's browser, a stored
 * token, or — only for a gateway that declares `acceptsRawCard` — a raw test card.
 */
export const cardInputSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("token"),
    token: z.string().min(1).max(512),
    saveForRenewals: z.boolean().optional(),
  }),
  z.object({ type: z.literal("stored"), token: z.string().min(1).max(512) }),
  z.object({
    type: z.literal("raw"),
    number: z.string().regex(/^\d{12,19}$/, "must be 12 to 19 digits"),
    holder: z.string().trim().min(2).max(100),
    expMonth: z.number().int().min(1).max(12),
    expYear: z.number().int().min(2000).max(2100),
    cvc: z.string().regex(/^\d{3,4}$/, "must be 3 or 4 digits"),
  }),
]);

/** The buyer, as a checkout form or an integrator gives them: a customer without its scope. */
export const buyerSchema = customerInputSchema.omit({ organizationId: true, source: true });

/** Starting the sale of a plan: who buys, how they pay, and the request's idempotency key. */
export const saleInputSchema = z.object({
  unitId: z.string().startsWith("unit_", "must be a unit id"),
  planId: z.string().startsWith("plan_", "must be a plan id"),
  buyer: buyerSchema,
  /** How the buyer pays; may be left out only when the plan has nothing to collect now (free). */
  method: paymentMethodSchema.optional(),
  card: cardInputSchema.optional(),
  idempotencyKey: idempotencyKeySchema,
  /** `online` for the public checkout, `api` for an integrator's own system. */
  source: z.enum(["online", "api", "staff"]).default("api"),
});

export type SaleInput = z.input<typeof saleInputSchema>;
export type ParsedSaleInput = z.output<typeof saleInputSchema>;
