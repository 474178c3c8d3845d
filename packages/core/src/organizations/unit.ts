import { z } from "zod";
import type { Id } from "../ids/id";
import { type CurrencyCode, currencyCodeSchema } from "../money/currency";
import type { SupportedLocale } from "../money/format-money";
import type { PaymentMethod } from "../payments/payment-method";
import { paymentMethodSchema } from "../payments/payment-method";
import type { Instant } from "../time/instant";
import { timeZoneSchema } from "../time/timezone";

/** A checkout form field the unit asks for beyond the required ones. */
export interface CheckoutField {
  key: string;
  label: string;
  type: "text" | "date" | "select" | "checkbox" | "password" | "file";
  required: boolean;
  options?: string[];
}

/** One location of an organization: its own timezone, currency, methods and fees. */
export interface Unit {
  id: Id<"unit">;
  organizationId: Id<"organization">;
  name: string;
  /** Used in public URLs (`/u/:slug`). Unique across the installation. */
  slug: string;
  timeZone: string;
  currency: CurrencyCode;
  locale: SupportedLocale;
  /** Who is told of every online sale (Conexa: "e-mail para notificação"). */
  notificationEmails: string[];
  /** A payment-service fee passed to the buyer, in basis points (350 = 3.5 %); 0 = none. */
  clientFeeBasisPoints: number;
  /**
   * The methods the unit takes, each served by one gateway, each in an operation mode (BEMP:
   * "modo de operação": integrated with the provider account, or manual, recorded by staff).
   */
  paymentMethods: { method: PaymentMethod; gatewayId: string; mode: OperationMode }[];
  checkoutFields: CheckoutField[];
  /**
   * The dunning schedule: the days after an installment's due date on which the billing run
   * tries again after a failed charge, in order (default 1, 3 and 7). After the last one
   * fails, the contract is `past_due` and the customer blocked until it is paid.
   */
  dunningRetryDays: number[];
  /**
   * The terms an auto-renewing contract renews on (Tecnofit seed): `plan` — the plan's as they
   * are on the renewal day, and the unit's client-paid fee then (the default); `contract` —
   * the ending contract's own, so a member keeps the price they signed for. A renewal never
   * charges the enrollment fee again.
   */
  renewalTerms: RenewalTerms;
  /**
   * The e-mail reminders of an unpaid line (BEMP/Tecnofit seeds: the member is told before
   * the card is charged or the link is due, and again when it is late): `before` days before
   * its due date and `after` days after it, once each; null turns one off. Default 3 and 3.
   */
  reminderDays: ReminderDays;
  createdAt: Instant;
  updatedAt: Instant;
}

/**
 * How a unit's payment method runs: `integrated` — the gateway's provider charges and reports;
 * `manual` — staff collect it themselves and record it (it is not offered at the online checkout).
 */
export const operationModes = ["integrated", "manual"] as const;
export type OperationMode = (typeof operationModes)[number];

const slugSchema = z
  .string()
  .trim()
  .min(2, "must have at least 2 characters")
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "may hold lower-case letters, digits and single dashes");

export const checkoutFieldSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "must be a lower-case identifier"),
  label: z.string().trim().min(1).max(120),
  type: z.enum(["text", "date", "select", "checkbox", "password", "file"]),
  required: z.boolean().default(false),
  options: z.array(z.string().min(1)).optional(),
});

/** When a unit's reminders go out (`Unit.reminderDays`). */
export interface ReminderDays {
  before: number | null;
  after: number | null;
}

/** 3 days before the due date, and 3 after it while unpaid. */
export const defaultReminderDays: ReminderDays = { before: 3, after: 3 };

const reminderDaySchema = z
  .number()
  .int("must be whole days")
  .min(1, "must be at least 1 day")
  .max(30, "must be at most 30 days")
  .nullable();

/** Where a renewal takes its terms from (`Unit.renewalTerms`). */
export const renewalTermsOptions = ["plan", "contract"] as const;
export type RenewalTerms = (typeof renewalTermsOptions)[number];

/** The dunning schedule a unit starts with: tries again 1, 3 and 7 days after the due date. */
export const defaultDunningRetryDays = [1, 3, 7] as const;

export const dunningRetryDaysSchema = z
  .array(
    z.number().int("must be whole days").min(1, "must be at least 1 day").max(90, "must be at most 90 days"),
  )
  .max(10, "at most 10 retries")
  .refine((days) => days.every((day, index) => index === 0 || day > days[index - 1]!), {
    message: "must be in increasing order",
  });

export const unitInputSchema = z.object({
  organizationId: z.string().startsWith("org_", "must be an organization id"),
  name: z.string().trim().min(1, "is required").max(200),
  slug: slugSchema,
  timeZone: timeZoneSchema.default("America/Sao_Paulo"),
  currency: currencyCodeSchema.default("BRL"),
  locale: z.enum(["pt-BR", "en", "ru"]).default("pt-BR"),
  notificationEmails: z.array(z.email("must be an e-mail address")).default([]),
  clientFeeBasisPoints: z.number().int().min(0).max(10_000, "must be at most 100 %").default(0),
  paymentMethods: z
    .array(
      z.object({
        method: paymentMethodSchema,
        gatewayId: z.string().min(1),
        mode: z.enum(operationModes).default("integrated"),
      }),
    )
    .default([]),
  checkoutFields: z.array(checkoutFieldSchema).default([]),
  dunningRetryDays: dunningRetryDaysSchema.default([...defaultDunningRetryDays]),
  renewalTerms: z.enum(renewalTermsOptions).default("plan"),
  reminderDays: z
    .object({ before: reminderDaySchema, after: reminderDaySchema })
    .default({ ...defaultReminderDays }),
});
export type UnitInput = z.input<typeof unitInputSchema>;
export { slugSchema };
