/**
 * What a card number says about itself: whether its check digit is right (Luhn, ISO/IEC
 * 7812-1) and which brand issued it (its first digits, the IIN). The sandbox reads these
 * once, at tokenization, and then forgets the number.
 */

/** Strips the spaces and dashes a person types; anything else is left for validation to refuse. */
export function normalizeCardNumber(input: string): string {
  return input.replace(/[\s-]/g, "");
}

/** True when `digits` (12–19 digits) passes the Luhn check. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let value = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return sum % 10 === 0;
}

/** The brands the sandbox names, as Cielo spells them in lower case. */
export type CardBrand = "visa" | "mastercard" | "amex" | "elo" | "hipercard" | "unknown";

/**
 * Elo's IIN ranges overlap Visa's and Mastercard's, so they are tested first (Elo's
 * published BIN list; only the common prefixes, enough for a sandbox).
 */
const eloPrefixes = [
  "401178",
  "401179",
  "431274",
  "438935",
  "451416",
  "457393",
  "457631",
  "457632",
  "504175",
  "506699",
  "5067",
  "509",
  "627780",
  "636297",
  "636368",
  "650",
  "6516",
  "6550",
];

export function detectCardBrand(digits: string): CardBrand {
  if (eloPrefixes.some((prefix) => digits.startsWith(prefix))) return "elo";
  if (digits.startsWith("606282") || digits.startsWith("3841")) return "hipercard";
  if (/^3[47]/.test(digits)) return "amex";
  if (digits.startsWith("4")) return "visa";
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return "mastercard";
  return "unknown";
}
