import { z } from "zod";
import type { Id } from "../ids/id";
import type { Money } from "../money/money";
import { nonNegativeMoneySchema } from "../money/money";
import { slugSchema } from "../organizations/unit";
import type { BillingInterval } from "../time/billing-schedule";
import { billingIntervalSchema } from "../time/billing-schedule";
import type { Instant } from "../time/instant";

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
export type PlanInput = z.input<typeof planInputSchema>;
