/**
 * The reusable token this adapter hands out for renewals: Cielo's `CardToken` with the
 * card's `Brand`, which Cielo requires beside every token (API error 182) and core's
 * `CardInput.stored` does not carry. Opaque to core: `Visa.6e1bf77a-b28b-4660-b14f-455e2a1c95e9`.
 */
export function storedCardToken(brand: string, cardToken: string): string {
  return `${brand}.${cardToken}`;
}

/** The brand and `CardToken` of a token `storedCardToken` made, or null for anything else. */
export function parseStoredCardToken(token: string): { brand: string; cardToken: string } | null {
  const match = /^([A-Za-z]+)\.([0-9a-fA-F-]{36})$/.exec(token);
  return match?.[1] !== undefined && match[2] !== undefined ? { brand: match[1], cardToken: match[2] } : null;
}

/** A card's brand from its BIN as Cielo names it, for a raw number (the common ranges only). */
export function cieloBrandOfNumber(number: string): string {
  if (/^3[47]/.test(number)) return "Amex";
  if (/^(4011|4312|4389|4514|4576|5041|5066|5067|509|6277|6362|6363|650|6516|6550)/.test(number))
    return "Elo";
  if (/^(606282|3841)/.test(number)) return "Hipercard";
  if (/^3(0[0-5]|[68])/.test(number)) return "Diners";
  if (/^35/.test(number)) return "JCB";
  if (/^(5[1-5]|2[2-7])/.test(number)) return "Master";
  return "Visa";
}
