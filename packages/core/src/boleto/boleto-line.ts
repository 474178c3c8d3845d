import { type CalendarDate, daysBetween } from "../time/calendar-date";

/**
 * A bank boleto's barcode (44 digits) and linha digitável (47 digits), laid out as
 * FEBRABAN's "Layout Padrão de Arrecadação/Recebimento com Utilização do Código de Barras"
 * says for bank boletos (bloquetos de cobrança) — what a boleto adapter's mock server
 * builds, and what any boleto a provider returns must satisfy:
 *
 * barcode: bank (3) · currency `9` (1) · general check digit (1) · due-date factor (4) ·
 * amount in centavos (10) · free field (25, the bank's own: agency, nosso número…).
 *
 * digitable line: field 1 = bank, currency, free field 1–5, mod-10 digit; field 2 = free
 * field 6–15, mod-10 digit; field 3 = free field 16–25, mod-10 digit; field 4 = the
 * general check digit; field 5 = factor and amount.
 */
export interface BoletoCodes {
  barcode: string;
  digitableLine: string;
}

/** The base date of the due-date factor, and the day the factor restarted at 1000 (FEBRABAN, 2025-02-22). */
const factorBase: CalendarDate = "1997-10-07";

/**
 * The barcode's due-date factor (positions 6–9): days since 1997-10-07, which reached 9999
 * on 2025-02-21 and then restarted at 1000 (FEBRABAN's factor reset of 2025-02-22),
 * cycling every 9000 days after that. Throws a `RangeError` for a day before 2000-07-03
 * (factor 1000), which the layout cannot write.
 *
 * @example
 * ```ts
 * dueDateFactor("2025-02-21"); // 9999
 * dueDateFactor("2025-02-22"); // 1000
 * ```
 */
export function dueDateFactor(dueDate: CalendarDate): number {
  const days = daysBetween(factorBase, dueDate);
  if (days < 1000) throw new RangeError(`A boleto cannot fall due on ${dueDate}.`);
  return days <= 9999 ? days : ((days - 10_000) % 9000) + 1000;
}

/** Mod-10 check digit of a digitable-line field: weights 2,1,2,… from the right, digits of products summed. */
export function mod10(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let product = Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    if (product > 9) product -= 9;
    sum += product;
  }
  return (10 - (sum % 10)) % 10;
}

/** Mod-11 general check digit of the barcode: weights 2–9 from the right; 0, 10 and 11 become 1. */
export function mod11(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    sum += Number(digits[digits.length - 1 - i]) * ((i % 8) + 2);
  }
  const digit = 11 - (sum % 11);
  return digit === 0 || digit === 10 || digit === 11 ? 1 : digit;
}

/**
 * Builds both codes of a bank boleto: the barcode with its mod-11 general check digit, and
 * the digitable line with each field's mod-10 digit (FEBRABAN layout). `bankCode` is the
 * bank's three-digit COMPE code, `amount` is in centavos (at most R$ 99.999.999,99, ten
 * digits), `freeField` is the bank's own 25 digits (agency, nosso número…). Throws a
 * `RangeError` on input the layout cannot hold.
 *
 * @example
 * ```ts
 * boletoCodes({ bankCode: "001", amount: 100, dueDate: "2007-12-31", freeField: "0500940144816060680935031" });
 * // { barcode: "00193373700000001000500940144816060680935031",
 * //   digitableLine: "00190500954014481606906809350314337370000000100" }
 * ```
 */
export function boletoCodes(input: {
  bankCode: string;
  amount: number;
  dueDate: CalendarDate;
  freeField: string;
}): BoletoCodes {
  if (!/^\d{3}$/.test(input.bankCode)) throw new RangeError("A bank code is three digits.");
  if (!/^\d{25}$/.test(input.freeField)) throw new RangeError("A boleto's free field is 25 digits.");
  if (!Number.isSafeInteger(input.amount) || input.amount < 0 || input.amount > 9_999_999_999) {
    throw new RangeError("A boleto's amount fits in ten digits of centavos.");
  }
  const head = `${input.bankCode}9`;
  const tail = `${String(dueDateFactor(input.dueDate)).padStart(4, "0")}${String(input.amount).padStart(10, "0")}`;
  const general = mod11(`${head}${tail}${input.freeField}`);
  const barcode = `${head}${general}${tail}${input.freeField}`;
  const field1 = `${head}${input.freeField.slice(0, 5)}`;
  const field2 = input.freeField.slice(5, 15);
  const field3 = input.freeField.slice(15, 25);
  const digitableLine = `${field1}${mod10(field1)}${field2}${mod10(field2)}${field3}${mod10(field3)}${general}${tail}`;
  return { barcode, digitableLine };
}

/**
 * True when a digitable line and a barcode are a well-formed pair: each of the line's
 * three fields has its right mod-10 digit, the barcode its right mod-11 digit, and both
 * carry the same data — what a bank app checks before it lets a payer pay. Digits only,
 * without the dots and spaces a printed line shows.
 *
 * @example
 * ```ts
 * isConsistentBoleto("00190500954014481606906809350314337370000000100", "00193373700000001000500940144816060680935031"); // true
 * ```
 */
export function isConsistentBoleto(digitableLine: string, barcode: string): boolean {
  if (!/^\d{47}$/.test(digitableLine) || !/^\d{44}$/.test(barcode)) return false;
  const field1 = digitableLine.slice(0, 9);
  const field2 = digitableLine.slice(10, 20);
  const field3 = digitableLine.slice(21, 31);
  if (
    mod10(field1) !== Number(digitableLine[9]) ||
    mod10(field2) !== Number(digitableLine[20]) ||
    mod10(field3) !== Number(digitableLine[31])
  ) {
    return false;
  }
  const rebuilt = `${field1.slice(0, 4)}${digitableLine[32]}${digitableLine.slice(33)}${field1.slice(4)}${field2}${field3}`;
  return rebuilt === barcode && mod11(`${barcode.slice(0, 4)}${barcode.slice(5)}`) === Number(barcode[4]);
}
