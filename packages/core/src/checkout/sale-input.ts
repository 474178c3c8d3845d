import { z } from "zod";
import { customerInputSchema, type PostalAddress } from "../customers/customer";
import type { TaxDocument } from "../customers/tax-document";
import { type Money, positiveMoneySchema } from "../money/money";
import { type PaymentMethod, paymentMethodSchema } from "../payments/payment-method";
import { declaredInput } from "../validation/declared-input";

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
export type SaleCardInput =
  /** The short-lived token the provider's browser script made of the card the buyer typed. */
  | {
      type: "token";
      token: string;
      /** The card's brand as the page learned it (`CardTokenizationSession.brandField`); Cielo requires it. */
      brand?: string;
      /** Ask the provider for a reusable token, so renewals charge the same card. */
      saveForRenewals?: boolean;
    }
  /** A reusable token kept from an earlier payment of this buyer. */
  | { type: "stored"; token: string }
  /** A card number, refused unless the gateway declares `acceptsRawCard` (the sandbox's test cards). */
  | {
      type: "raw";
      /** 12 to 19 digits, without spaces. */
      number: string;
      holder: string;
      expMonth: number;
      /** Four digits. */
      expYear: number;
      cvc: string;
    };

/** Parses a {@link SaleCardInput}. */
export const cardInputSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("token"),
    token: z.string().min(1).max(512),
    // Cielo refuses a sale by token without the card's Brand (API error 182): kept, never dropped.
    brand: z.string().trim().min(1).max(40).optional(),
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

/** A buyer's postal address as a form gives it: the country is Brazil (`BR`) when left out. */
export interface BuyerAddressInput extends Omit<PostalAddress, "country"> {
  /** Two-letter ISO country code; `BR` when left out. */
  country?: string;
}

/**
 * The buyer, as a checkout form or an integrator gives them: a customer without its scope.
 * A buyer whose document the organization already knows is that customer (their data is
 * kept; only a phone or address they lack is filled in); anyone else becomes a new customer.
 */
export interface BuyerInput {
  name: string;
  email: string;
  /** CPF or CNPJ, punctuated or not (the check digits must be right), or a foreign id. */
  document?: TaxDocument | null;
  phone?: string | null;
  /** Required by some methods' providers (Banco Inter's boleto): see `MethodRules.payer`. */
  address?: BuyerAddressInput | null;
  /** Answers to the unit's and plugins' extra checkout fields, by key. */
  extraFields?: Record<string, string>;
}

/** Parses a {@link BuyerInput}. */
export const buyerSchema = customerInputSchema.omit({ organizationId: true, source: true });

/**
 * Every field a sale may carry, as `saleInputSchema` reads them. Callers write a
 * {@link SaleInput}, which says which of them go together: a card sale has its card.
 */
export interface SaleInputFields {
  /** The unit that sells (`unit_…`): its payment methods and checkout fields apply. */
  unitId: string;
  /** The plan sold (`plan_…`): one of the unit's, not archived, on sale online for `source: "online"`. */
  planId: string;
  buyer: BuyerInput;
  /**
   * How the buyer pays: one of the unit's methods. May be left out when the plan has
   * nothing to collect now (a free plan), or when the wallet pays it all (`fromBalance`).
   */
  method?: PaymentMethod;
  /** The card, for `method: "card"` (and only then). */
  card?: SaleCardInput;
  /**
   * Pays this much of what is due now from the buyer's wallet (an existing customer's
   * balance), the rest by `method` — or all of it, with the method left out. Debited with
   * the payment, given back if it fails. With no method and no `fromBalance`, a known
   * buyer whose balance covers what is due pays from it by itself. Never offered to
   * `source: "online"`: a checkout page does not know the buyer is the balance's owner.
   */
  fromBalance?: Money;
  /**
   * Who sells, for the wallet line of a split payment: a staff member's id, an API key's id;
   * the `source` when left out. Not part of what makes a retry the same sale.
   */
  actor?: string;
  /**
   * What makes a retry of this request the same sale (8–255 printable ASCII characters, no
   * spaces): the same key answers the first sale, never a second charge.
   */
  idempotencyKey: string;
  /** `online` for the public checkout, `api` for an integrator's own system, `staff` at the desk; `api` when left out. */
  source?: "online" | "api" | "staff";
}

/** A sale paid by card, which then must carry the card. */
export interface CardSaleInput extends SaleInputFields {
  method: "card";
  card: SaleCardInput;
}

/** A sale paid by PIX, boleto or a payment link, or with nothing to collect now: no card. */
export interface NonCardSaleInput extends SaleInputFields {
  method?: Exclude<PaymentMethod, "card">;
  card?: undefined;
}

/**
 * Starting the sale of a plan: who buys, how they pay, and the request's idempotency key.
 * Its two shapes make a card sale without its card a compile-time error; `sales.start`
 * still refuses one at run time (`validation_failed` on `card`) for callers without types.
 *
 * @example
 * ```ts
 * const sale: SaleInput = {
 *   unitId, planId, buyer: { name: "Maria Souza", email: "maria@example.com" },
 *   method: "card", card: { type: "token", token: form.cardToken },
 *   idempotencyKey: crypto.randomUUID(),
 * };
 * ```
 */
export type SaleInput = CardSaleInput | NonCardSaleInput;

/** Parses a {@link SaleInput}; its output is {@link ParsedSaleInput}. */
export const saleInputSchema = z.object({
  unitId: z.string().startsWith("unit_", "must be a unit id"),
  planId: z.string().startsWith("plan_", "must be a plan id"),
  buyer: buyerSchema,
  method: paymentMethodSchema.optional(),
  card: cardInputSchema.optional(),
  fromBalance: positiveMoneySchema.optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  idempotencyKey: idempotencyKeySchema,
  source: z.enum(["online", "api", "staff"]).default("api"),
});
// Fails to compile when the interfaces above, which typedoc shows, and what the schema takes drift apart.
declaredInput<SaleInputFields>()(saleInputSchema);

/**
 * `saleInputSchema` compiled ahead of time (`z.compile`): a generated function checks and
 * builds a valid input in one pass, and anything it does not accept goes to the schema
 * itself, so an invalid sale gets the schema's own issues. Accepts, rejects and outputs
 * exactly what the schema does (`sale-input-compiled.test.ts` holds the two equal); a sale's input
 * parse took about half as long through it. Where generated code cannot run (no `new
 * Function`), `z.compile` hands back the schema unchanged.
 */
export const compiledSaleInputSchema = z.compile(saleInputSchema);

/** A sale as `saleInputSchema` hands it to core: defaults filled in, the document's punctuation dropped. */
export type ParsedSaleInput = z.output<typeof saleInputSchema>;
