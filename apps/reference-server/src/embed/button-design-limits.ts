import { type ButtonDesign, buttonDesignSchema } from "@tessera/core";
import type { z } from "zod";

/** A design's whole-number properties, in pixels. */
export type ButtonDesignSize = "textSizePx" | "borderWidthPx" | "cornerRadiusPx" | "widthPx" | "heightPx";
export const buttonDesignSizes: readonly ButtonDesignSize[] = [
  "textSizePx",
  "borderWidthPx",
  "cornerRadiusPx",
  "widthPx",
  "heightPx",
];
export const buttonDesignColors = [
  "textColor",
  "backgroundColor",
  "borderColor",
] as const satisfies readonly (keyof ButtonDesign)[];

/** The bounds of one size, and whether it may be left out (`null`: as wide or tall as the text needs). */
export interface SizeLimit {
  min: number;
  max: number;
  optional: boolean;
}

/** Unwraps `.default()` and `.nullable()` down to the number the property is. */
function numberOf(schema: z.ZodType): {
  minValue: number | null;
  maxValue: number | null;
  optional: boolean;
} {
  let inner = schema as z.ZodType & { unwrap?: () => z.ZodType };
  let optional = false;
  while (typeof inner.unwrap === "function") {
    if ((inner as { def?: { type?: string } }).def?.type === "nullable") optional = true;
    inner = inner.unwrap() as typeof inner;
  }
  const number = inner as unknown as { minValue: number | null; maxValue: number | null };
  return { minValue: number.minValue, maxValue: number.maxValue, optional };
}

/**
 * Each size's bounds, read from core's `buttonDesignSchema` — the one source of them: the
 * designer's form shows them, and the embed script gets them with its code to check a design
 * again before it draws one.
 */
export const buttonDesignLimits: Readonly<Record<ButtonDesignSize, SizeLimit>> = Object.fromEntries(
  buttonDesignSizes.map((name) => {
    const { minValue, maxValue, optional } = numberOf(buttonDesignSchema.shape[name]);
    if (minValue === null || maxValue === null) throw new Error(`buttonDesignSchema.${name} has no bounds`);
    return [name, { min: minValue, max: maxValue, optional }];
  }),
) as Record<ButtonDesignSize, SizeLimit>;
