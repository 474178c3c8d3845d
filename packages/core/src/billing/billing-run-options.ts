import { z } from "zod";

export const billingRunOptionsSchema = z.object({
  /** Who holds the claims: one name per worker, so a crashed worker's leases can be told apart. */
  owner: z.string().trim().min(1).max(200).optional(),
  /** Installments claimed at a time: memory holds one batch, whatever the number due. */
  batchSize: z.number().int().min(1).max(1000).default(50),
  /** Charges in flight at once. */
  concurrency: z.number().int().min(1).max(64).default(4),
  /** How long a claim holds before another worker may take the item over (a worker that died). */
  leaseMs: z
    .number()
    .int()
    .min(1000)
    .max(24 * 3600_000)
    .default(10 * 60_000),
  /** Only this unit; every unit when left out. */
  unitId: z.string().startsWith("unit_", "must be a unit id").optional(),
  /** Stop after this many installments claimed (a run sized by work, for tests and tight windows). */
  maxClaims: z.number().int().min(1).optional(),
});
export type BillingRunOptions = z.input<typeof billingRunOptionsSchema>;

/**
 * How many days the billing run leaves a period a provider charges by itself (Cielo's
 * recurrent payments, PagoLivre's monthly charges) before it looks again: the provider's
 * notification confirms or denies it meanwhile, and the run never charges it.
 */
export const providerOwnedRecheckDays = 7;
