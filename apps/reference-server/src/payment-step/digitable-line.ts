/**
 * A boleto's linha digitável as banks print it and payers type it: its five fields
 * apart, the first three split by a dot (FEBRABAN: `AAABC.CCCCX DDDDD.DDDDDY EEEEE.EEEEEZ K
 * UUUUVVVVVVVVVV`). Bank apps take it with or without the punctuation. Throws a `TypeError`
 * for anything but 47 digits.
 *
 * @example
 * ```ts
 * formatDigitableLine("00190500954014481606906809350314337370000000100");
 * // "00190.50095 40144.816069 06809.350314 3 37370000000100"
 * ```
 */
export function formatDigitableLine(digitableLine: string): string {
  if (typeof digitableLine !== "string" || !/^\d{47}$/.test(digitableLine)) {
    throw new TypeError("A boleto's digitable line is 47 digits, without dots or spaces.");
  }
  const d = digitableLine;
  return `${d.slice(0, 5)}.${d.slice(5, 10)} ${d.slice(10, 15)}.${d.slice(15, 21)} ${d.slice(21, 26)}.${d.slice(26, 32)} ${d[32]} ${d.slice(33)}`;
}
