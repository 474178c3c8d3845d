import { z } from "zod";
import type { Id } from "../ids/id";
import type { Money } from "../money/money";
import { nonNegativeMoneySchema } from "../money/money";
import { slugSchema } from "../organizations/unit";
import type { BillingInterval } from "../time/billing-schedule";
import { billingIntervalSchema } from "../time/billing-schedule";
import type { Instant } from "../time/instant";
import { declaredInput } from "../validation/declared-input";

/** A usage allowance that comes with each period (e.g. 8 classes a month). */
export interface Quota {
  name: string;
  quantity: number;
}

/** How the public buy button looks (Otmechalka seed: every property it lets staff set). */
export interface ButtonDesign {
  textColor: string;
  textSizePx: number;
  bold: boolean;
  backgroundColor: string;
  borderColor: string;
  borderWidthPx: number;
  cornerRadiusPx: number;
  widthPx: number | null;
  heightPx: number | null;
}

export interface OnlineSaleSettings {
  enabled: boolean;
  /** The plan's public checkout address within its unit. */
  slug: string;
  buttonText: string;
  buttonDesign: ButtonDesign;
}

/**
 * Something a unit sells: a price per period, repeated every `interval`, for
 * `installmentCount` periods (or until cancelled when null).
 * `kind: "pass"` is a pass bought once and attached to a visitor later; `recurring` bills
 * period after period.
 */
export interface Plan {
  id: Id<"plan">;
  unitId: Id<"unit">;
  name: string;
  description: string;
  kind: "recurring" | "pass";
  price: Money;
  interval: BillingInterval;
  /** How many periods are billed; null = open-ended, until cancelled. */
  installmentCount: number | null;
  enrollmentFee: Money | null;
  autoRenew: boolean;
  quotas: Quota[];
  onlineSale: OnlineSaleSettings;
  /** `staff_code`: the paid contract gets an activation code staff attach to a visitor. */
  activationMode: "immediate" | "staff_code";
  status: "active" | "archived";
  createdAt: Instant;
  updatedAt: Instant;
  /** Optimistic-concurrency version, bumped by every update. */
  version: number;
}

const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1a2b3c");

export const buttonDesignSchema = z.object({
  textColor: colorSchema.default("#ffffff"),
  textSizePx: z.number().int().min(8).max(72).default(16),
  bold: z.boolean().default(true),
  backgroundColor: colorSchema.default("#1f6feb"),
  borderColor: colorSchema.default("#1f6feb"),
  borderWidthPx: z.number().int().min(0).max(20).default(0),
  cornerRadiusPx: z.number().int().min(0).max(100).default(8),
  widthPx: z.number().int().min(40).max(2000).nullable().default(null),
  heightPx: z.number().int().min(20).max(400).nullable().default(null),
});

/** A plan's public buy button as staff set it: the slug is required, the rest has defaults. */
export interface OnlineSaleInput {
  /** Sold on the public checkout; `false` when left out (staff and integrators can still sell it). */
  enabled?: boolean;
  /** The plan's public checkout address within its unit: lower-case letters, digits and dashes. */
  slug: string;
  /** `Comprar` when left out. */
  buttonText?: string;
  /** Each property left out takes its default (white bold 16 px text on `#1f6feb`, 8 px corners). */
  buttonDesign?: Partial<ButtonDesign>;
}

/**
 * A new plan, as staff or an integrator describe it: only the unit, the name and the price
 * are required; everything else has the default its field names.
 *
 * @example
 * ```ts
 * await tessera.plans.create({
 *   unitId, name: "Mensal", price: { amount: 14990, currency: "BRL" },
 *   enrollmentFee: { amount: 5000, currency: "BRL" }, installmentCount: 12,
 * });
 * ```
 */
export interface PlanInput {
  /** The unit that sells it (`unit_…`). */
  unitId: string;
  /** What buyers see, 1–200 characters. */
  name: string;
  /** Up to 5000 characters; empty when left out. */
  description?: string;
  /** `recurring` (billed period after period, the default) or `pass` (bought once, attached to a visitor later). */
  kind?: "recurring" | "pass";
  /** What each period costs. With no enrollment fee, 0 is a free plan: it activates without a payment. */
  price: Money;
  /** How long a period is; one month when left out. */
  interval?: BillingInterval;
  /** How many periods are billed (1–600); null, the default, for open-ended until cancelled. */
  installmentCount?: number | null;
  /** Charged once with the first installment, in the price's currency; none when left out. */
  enrollmentFee?: Money | null;
  /** The contract is to renew when its periods end (kept in its terms); a pass never does. `false` when left out. */
  autoRenew?: boolean;
  /** What comes with each period (8 classes a month); none when left out. */
  quotas?: Quota[];
  /** The public buy button; not sold online when left out. */
  onlineSale?: OnlineSaleInput;
  /** `staff_code`: the paid contract gets an activation code staff attach to a visitor; `immediate` when left out. */
  activationMode?: "immediate" | "staff_code";
}

/** Parses a {@link PlanInput}: the price and fee not negative, the fee in the price's currency, a pass never renewing. */
export const planInputSchema = z
  .object({
    unitId: z.string().startsWith("unit_", "must be a unit id"),
    name: z.string().trim().min(1, "is required").max(200),
    description: z.string().max(5000).default(""),
    kind: z.enum(["recurring", "pass"]).default("recurring"),
    price: nonNegativeMoneySchema,
    interval: billingIntervalSchema.default({ unit: "month", count: 1 }),
    installmentCount: z.number().int().min(1, "must be at least 1").max(600).nullable().default(null),
    enrollmentFee: nonNegativeMoneySchema.nullable().default(null),
    autoRenew: z.boolean().default(false),
    quotas: z
      .array(z.object({ name: z.string().trim().min(1).max(100), quantity: z.number().int().min(1) }))
      .default([]),
    onlineSale: z
      .object({
        enabled: z.boolean().default(false),
        slug: slugSchema,
        buttonText: z.string().trim().min(1).max(60).default("Comprar"),
        buttonDesign: buttonDesignSchema.default(buttonDesignSchema.parse({})),
      })
      .optional(),
    activationMode: z.enum(["immediate", "staff_code"]).default("immediate"),
  })
  .superRefine((plan, ctx) => {
    if (plan.enrollmentFee && plan.enrollmentFee.currency !== plan.price.currency) {
      ctx.addIssue({
        code: "custom",
        path: ["enrollmentFee", "currency"],
        message: "must be the price's currency",
      });
    }
    if (plan.kind === "pass" && plan.autoRenew) {
      ctx.addIssue({ code: "custom", path: ["autoRenew"], message: "a pass does not renew" });
    }
  });
// Fails to compile when PlanInput, which typedoc shows, and what the schema takes drift apart.
declaredInput<PlanInput>()(planInputSchema);
