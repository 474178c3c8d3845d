import { z } from "zod";
import { idempotencyKeySchema } from "../checkout/sale-input";
import { positiveMoneySchema } from "../money/money";

/** How money came into a wallet by staff's hand (imprimaSTORE seed: "forma de pagamento" of a credit). */
export const walletCreditMethods = ["cash", "pix", "card", "boleto", "bank_transfer", "other"] as const;
export type WalletCreditMethod = (typeof walletCreditMethods)[number];

const noteSchema = z.string().trim().max(500).default("");
/** Who did it: a staff member's id, `api`, `customer`, or a plugin's name. */
const actorSchema = z.string().trim().min(1).max(200).default("api");
const customerIdSchema = z.string().startsWith("cus_", "must be a customer id");

export const walletCreditInputSchema = z.object({
  customerId: customerIdSchema,
  /** The unit where the money came in, for its books. */
  unitId: z.string().startsWith("unit_", "must be a unit id"),
  amount: positiveMoneySchema,
  method: z.enum(walletCreditMethods),
  note: noteSchema,
  actor: actorSchema,
  idempotencyKey: idempotencyKeySchema,
});
export type WalletCreditInput = z.input<typeof walletCreditInputSchema>;

/** Money taken out of the wallet by hand (given back in cash, say): what it paid is `payFromBalance`'s. */
export const walletDebitInputSchema = walletCreditInputSchema.omit({ method: true }).extend({
  note: z.string().trim().min(1, "say why the money leaves the wallet").max(500),
});
export type WalletDebitInput = z.input<typeof walletDebitInputSchema>;

export const walletReversalInputSchema = z.object({
  entryId: z.string().startsWith("wal_", "must be a wallet entry id"),
  note: z.string().trim().min(1, "say why the line is undone").max(500),
  actor: actorSchema,
  idempotencyKey: idempotencyKeySchema,
});
export type WalletReversalInput = z.input<typeof walletReversalInputSchema>;

export const payFromBalanceInputSchema = z.object({
  contractId: z.string().startsWith("ctr_", "must be a contract id"),
  actor: actorSchema,
  idempotencyKey: idempotencyKeySchema,
});
export type PayFromBalanceInput = z.input<typeof payFromBalanceInputSchema>;
