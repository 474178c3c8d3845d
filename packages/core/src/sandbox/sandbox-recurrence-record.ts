import { z } from "zod";
import { moneySchema } from "../money/money";
import { billingIntervalSchema } from "../time/billing-schedule";
import { calendarDateSchema } from "../time/calendar-date";
import { testCardOutcomeSchema } from "./test-cards";

/**
 * What the sandbox provider records about a recurrence it runs (`CreatePaymentRequest.recurrence`,
 * as Cielo's `RecurrentPayment`): its terms and the card it keeps charging. Written in the
 * same ledger line as charge 1, so neither exists without the other.
 */

/** A card the provider keeps to charge again: its facts and test-card outcome, never its number. */
export const keptCardSchema = z.object({
  brand: z.string(),
  last4: z.string(),
  expMonth: z.number().int(),
  expYear: z.number().int(),
  outcome: testCardOutcomeSchema,
});
export type KeptCard = z.infer<typeof keptCardSchema>;

export const sandboxRecurrenceSchema = z.object({
  reference: z.string(),
  /** The charge the create made: charge 1. */
  firstChargeReference: z.string(),
  /** Our key of the create; every charge of the recurrence keeps it, as Cielo keeps the MerchantOrderId. */
  idempotencyKey: z.string(),
  description: z.string(),
  interval: billingIntervalSchema,
  /** Charges in all, counting charge 1; null for open-ended, until deactivated. */
  charges: z.number().int().min(2).nullable(),
  /** What each charge after the first collects. */
  amount: moneySchema,
  secondChargeOn: calendarDateSchema,
  card: keptCardSchema,
  createdAt: z.string(),
});
export type SandboxRecurrenceTerms = z.infer<typeof sandboxRecurrenceSchema>;

/**
 * A charge's place in a recurrence, on the charge itself. `endsRecurrence`: the sandbox
 * makes no charge after this one (the last of a fixed count, or the attempt it gave up on).
 */
export const recurrenceLinkSchema = z.object({
  reference: z.string(),
  /** 1 is the create's own charge, 2 the first the provider made, … */
  sequence: z.number().int().min(1),
  /** The provider's attempt at that charge, from 1. */
  attempt: z.number().int().min(1),
  endsRecurrence: z.boolean(),
});
export type RecurrenceLink = z.infer<typeof recurrenceLinkSchema>;

/**
 * `active` until it ends: `finished` (its last charge made), `gave_up` (a declined charge
 * still declined after every retry), `deactivated` (`deactivateRecurrence`). Its raw status.
 */
export const sandboxRecurrenceStatuses = ["active", "finished", "gave_up", "deactivated"] as const;
export type SandboxRecurrenceStatus = (typeof sandboxRecurrenceStatuses)[number];

/** A recurrence as the books fold it: its terms, where it stands, and its latest charge. */
export interface SandboxRecurrence extends SandboxRecurrenceTerms {
  status: SandboxRecurrenceStatus;
  /** When it finished, gave up or was deactivated. */
  endedAt: string | null;
  lastCharge: {
    reference: string;
    sequence: number;
    attempt: number;
    status: "paid" | "declined";
    at: string;
  };
}
