import { TesseraError } from "../errors/tessera-error";
import { type Money, money } from "./money";

/**
 * Splits `total` into `parts` amounts that add up to it exactly, as even as possible.
 * The leftover minor units go to the first parts, one each (R$ 100,00 in 3 →
 * 33,34 + 33,33 + 33,33), so the first installment is never smaller than a later one.
 */
export function allocateMoney(total: Money, parts: number): Money[] {
  if (!Number.isInteger(parts) || parts < 1) {
    throw new TesseraError("validation_failed", `Cannot split money into ${parts} parts.`, {
      details: {
        issues: [{ path: ["parts"], code: "too_small", message: "must be a whole number of at least 1" }],
      },
    });
  }
  return allocateByWeights(
    total,
    Array.from({ length: parts }, () => 1),
  );
}

/**
 * Splits `total` in proportion to `weights` (non-negative integers, not all zero), exactly:
 * each part gets the floor of its share, and the leftover units go one each to the parts
 * with the largest remainders, ties to the earlier part.
 */
export function allocateByWeights(total: Money, weights: readonly number[]): Money[] {
  const weightSum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0 || weightSum <= 0 || weights.some((w) => !Number.isInteger(w) || w < 0)) {
    throw new TesseraError(
      "validation_failed",
      "Allocation weights must be non-negative integers, not all zero.",
      {
        details: { issues: [{ path: ["weights"], code: "invalid", message: "invalid weights" }] },
      },
    );
  }
  const sign = total.amount < 0 ? -1 : 1;
  const absolute = Math.abs(total.amount);
  const shares = weights.map((w, index) => {
    const exact = BigInt(absolute) * BigInt(w);
    const floor = exact / BigInt(weightSum);
    return { index, floor: Number(floor), remainder: Number(exact % BigInt(weightSum)) };
  });
  let leftover = absolute - shares.reduce((s, p) => s + p.floor, 0);
  const byRemainder = [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const amounts = shares.map((s) => s.floor);
  for (const share of byRemainder) {
    if (leftover === 0) break;
    amounts[share.index] = (amounts[share.index] ?? 0) + 1;
    leftover -= 1;
  }
  return amounts.map((a) => money(a * sign === 0 ? 0 : a * sign, total.currency));
}
