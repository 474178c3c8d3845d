import { randomInt } from "node:crypto";
import { isLuhnValid } from "@tessera/core/sandbox";

/**
 * A Luhn-valid test card number ending in `lastDigit` (the sandbox's outcome digit), so it
 * can also be saved (Cielo applies mod 10 when saving). `prefix` picks the brand's range.
 */
export function testCardNumber(lastDigit: string, prefix = "455187"): string {
  for (;;) {
    const middle = Array.from({ length: 15 - prefix.length }, () => randomInt(10)).join("");
    const number = `${prefix}${middle}${lastDigit}`;
    if (isLuhnValid(number)) return number;
  }
}
