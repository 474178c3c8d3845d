import { argumentError } from "../errors/argument-error";
import { checkedMoney, type Money } from "./money";

/**
 * The most parts `allocateMoney` splits into: far more than any installment plan, and
 * few enough that a mistaken count (2^31) is refused instead of allocating an array that
 * takes the process down.
 */
const maxParts = 10_000;

/**
 * Splits `total` into `parts` amounts that add up to it exactly, as even as possible.
 * The leftover minor units go to the first parts, one each (R$ 100,00 in 3 →
 * 33,34 + 33,33 + 33,33), so the first installment is never smaller than a later one.
 */
export function allocateMoney(total: Money, parts: number): Money[] {
  checkedMoney(total, "allocateMoney", ["total"]);
  if (!Number.isInteger(parts) || parts < 1 || parts > maxParts) {
    throw argumentError(
      "allocateMoney",
      ["parts"],
      "invalid",
      `must be a whole number from 1 to ${maxParts}`,
      { got: parts },
    );
  }
  return allocateByWeights(
    total,
    Array.from({ length: parts }, () => 1),
  );
}

/**
 * Splits `total` in proportion to `weights` (non-negative safe integers, not all zero),
 * exactly: each part gets the floor of its share, and the leftover units go one each to
 * the parts with the largest remainders, ties to the earlier part.
 */
export function allocateByWeights(total: Money, weights: readonly number[]): Money[] {
  checkedMoney(total, "allocateByWeights", ["total"]);
  if (!Array.isArray(weights) || weights.length === 0) {
    throw argumentError("allocateByWeights", ["weights"], "invalid", "must be a non-empty array of weights", {
      got: weights,
    });
  }
  // BigInt throughout: a sum of large weights passes 2^53, where a float sum rounds and the
  // parts would no longer add up to the total.
  let weightSum = 0n;
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i];
    if (!Number.isSafeInteger(weight) || (weight as number) < 0) {
      throw argumentError(
        "allocateByWeights",
        ["weights", i],
        "invalid",
        "must be a non-negative whole number",
        { got: weight },
      );
    }
    weightSum += BigInt(weight as number);
  }
  if (weightSum === 0n) {
    throw argumentError("allocateByWeights", ["weights"], "invalid", "must not all be zero");
  }
  const sign = total.amount < 0 ? -1 : 1;
  const absolute = BigInt(Math.abs(total.amount));
  const shares = weights.map((w, index) => {
    const exact = absolute * BigInt(w);
    return { index, floor: exact / weightSum, remainder: exact % weightSum };
  });
  let leftover = absolute - shares.reduce((s, p) => s + p.floor, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder < b.remainder ? 1 : -1,
  );
  const amounts = shares.map((s) => s.floor);
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    amounts[share.index] = (amounts[share.index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  // Number(0n) is +0, so no part is ever negative zero.
  return amounts.map((a) => ({ amount: Number(a) * sign || 0, currency: total.currency }));
}
