import { crc16CcittHex } from "./crc16-ccitt";

/**
 * Pix BR Code ("copia e cola") encoding: EMV QRCPS Merchant-Presented Mode TLV fields — a
 * two-digit ID, a two-digit length and the value — closed by field 63, a CRC-16/CCITT-FALSE
 * over everything before it including `6304` (BCB "Manual de Padrões para Iniciação do Pix"
 * v2.10.0, §2). What the PIX adapters build, and their mock servers read back with
 * `parseBrCode`.
 */

/** One TLV field; a template's value (26–51, 62, 80–99) is its own list of fields. */
export interface BrCodeField {
  id: string;
  value: string | BrCodeField[];
}

/**
 * Writes fields as EMV TLV text, templates nested, in the order given (the CRC is added by
 * `withCrc`). Throws a `RangeError` on an ID that is not two digits or a value over 99
 * characters — a bug in the caller, since EMV has no longer field.
 *
 * @example
 * ```ts
 * encodeTlv([{ id: "00", value: "01" }, { id: "62", value: [{ id: "05", value: "***" }] }]);
 * // "000201" + "62070503***"
 * ```
 */
export function encodeTlv(fields: readonly BrCodeField[]): string {
  return fields
    .map((field) => {
      if (!/^\d{2}$/.test(field.id))
        throw new RangeError(`BR Code field id "${field.id}" must be two digits.`);
      const value = typeof field.value === "string" ? field.value : encodeTlv(field.value);
      if (value.length > 99) throw new RangeError(`BR Code field ${field.id} is longer than 99 characters.`);
      return `${field.id}${String(value.length).padStart(2, "0")}${value}`;
    })
    .join("");
}

/**
 * Reads one level of TLV text into fields; a template's value stays text, to be read with
 * `decodeTlv` again. Throws a `RangeError` on a field cut short. For a whole BR Code, with
 * its rules checked, use `parseBrCode`.
 *
 * @example
 * ```ts
 * decodeTlv("000201010212"); // [{ id: "00", value: "01" }, { id: "01", value: "12" }]
 * ```
 */
export function decodeTlv(text: string): { id: string; value: string }[] {
  const fields: { id: string; value: string }[] = [];
  let at = 0;
  while (at < text.length) {
    const id = text.slice(at, at + 2);
    const length = Number(text.slice(at + 2, at + 4));
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(text.slice(at + 2, at + 4)) || at + 4 + length > text.length) {
      throw new RangeError(`Malformed BR Code field at position ${at}.`);
    }
    fields.push({ id, value: text.slice(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return fields;
}

/**
 * Closes a payload with field 63: `6304` and the CRC-16/CCITT-FALSE of everything before
 * it, `6304` included (Manual §2, field 63).
 *
 * @example
 * ```ts
 * withCrc(encodeTlv(fields)); // "…6304" + four upper-case hex digits
 * ```
 */
export function withCrc(payloadWithoutCrc: string): string {
  const head = `${payloadWithoutCrc}6304`;
  return `${head}${crc16CcittHex(head)}`;
}

/**
 * True when the payload ends in `6304` and the right CRC of everything before those four
 * digits — the check a bank app makes first. It says nothing of the other fields; see
 * `parseBrCode`.
 */
export function hasValidCrc(payload: string): boolean {
  if (payload.length < 8 || payload.slice(-8, -4) !== "6304") return false;
  return crc16CcittHex(payload.slice(0, -4)) === payload.slice(-4).toUpperCase();
}

/**
 * Text for fields 59 (merchant name) and 60 (city), which BR Codes keep to printable
 * ASCII: accents dropped, other characters removed, trimmed and cut to the field's limit
 * (EMV: name 25, city 15).
 *
 * @example
 * ```ts
 * brCodeText("São José dos Campos", 15); // "Sao Jose dos Ca"
 * ```
 */
export function brCodeText(text: string, maxLength: number): string {
  const ascii = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "")
    .trim();
  return ascii.slice(0, maxLength).trim();
}

/**
 * A dynamic Pix BR Code, as a PSP returns for an immediate charge (`cob`, API Pix
 * `pixCopiaECola`): one-time (`01` = `12`), the Pix template holding the location (`25`,
 * host and path with no scheme, ≤ 77 characters) the payer's bank fetches the charge
 * from; fields 54 (amount) and 62-05 (txid) stay out or `***`, since in dynamic codes
 * "não devem ser preenchidos" (Manual §2.7). Name and city go through `brCodeText`.
 * Throws a `RangeError` on a location with a scheme or over 77 characters.
 *
 * @example
 * ```ts
 * dynamicPixBrCode({ location: "pix.example.com/qr/v2/9d36b84f", merchantName: "Fulano de Tal", merchantCity: "BRASILIA" })
 * // "00020101021226…6304ABCD"
 * ```
 */
export function dynamicPixBrCode(input: {
  location: string;
  merchantName: string;
  merchantCity: string;
}): string {
  if (input.location.length > 77 || /^[a-z]+:\/\//i.test(input.location)) {
    throw new RangeError("A Pix location is at most 77 characters and carries no scheme (Manual §2.5.2).");
  }
  return withCrc(
    encodeTlv([
      { id: "00", value: "01" },
      // 12: a code for one payment only, not to be paid twice (Manual §2.2, field 01).
      { id: "01", value: "12" },
      {
        id: "26",
        value: [
          { id: "00", value: "br.gov.bcb.pix" },
          { id: "25", value: input.location },
        ],
      },
      { id: "52", value: "0000" },
      { id: "53", value: "986" },
      { id: "58", value: "BR" },
      { id: "59", value: brCodeText(input.merchantName, 25) || "SANDBOX" },
      { id: "60", value: brCodeText(input.merchantCity, 15) || "SAO PAULO" },
      { id: "62", value: [{ id: "05", value: "***" }] },
    ]),
  );
}
