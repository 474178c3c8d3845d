import { crc16CcittHex } from "./crc16-ccitt";

/**
 * Pix BR Code ("copia e cola") encoding: EMV-MPM TLV fields — a two-digit ID, a two-digit
 * length and the value — closed by field 63, a CRC-16/CCITT-FALSE over everything before
 * it including `6304` (BCB "Manual de Padrões para Iniciação do Pix" v2.10.0, §2).
 */

/** One TLV field; a template's value is its own list of fields. */
export interface BrCodeField {
  id: string;
  value: string | BrCodeField[];
}

/** Writes fields as TLV text. Throws on an ID that is not two digits or a value over 99 characters. */
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

/** Reads one level of TLV text into fields (values stay text). Throws on a truncated field. */
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

/** Appends field 63 (the CRC) to a payload that lacks it. */
export function withCrc(payloadWithoutCrc: string): string {
  const head = `${payloadWithoutCrc}6304`;
  return `${head}${crc16CcittHex(head)}`;
}

/** True when the payload ends in `6304` + the right CRC of everything before those four digits. */
export function hasValidCrc(payload: string): boolean {
  if (payload.length < 8 || payload.slice(-8, -4) !== "6304") return false;
  return crc16CcittHex(payload.slice(0, -4)) === payload.slice(-4).toUpperCase();
}

/**
 * Text for fields 59 and 60, which BR Codes keep ASCII: accents dropped, upper case, cut
 * to the field's limit (name 25, city 15).
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
 * A dynamic Pix BR Code, as a PSP returns for an immediate charge (`cob`): the Pix
 * template holds the location URL (`25`, no scheme, ≤ 77 characters) the payer's bank
 * fetches the charge from; fields 54 (amount) and 62-05 (txid) stay out or `***`, since
 * in dynamic codes "não devem ser preenchidos" (Manual §2.7).
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
