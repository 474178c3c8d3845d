import { brCodeText, encodeTlv, type Money, withCrc } from "@tessera/core";
import { pixValor } from "@tessera/pix-api";

/** What a static Pix BR Code carries: the key itself, and optionally a fixed amount, message and txid. */
export interface StaticPixBrCodeInput {
  /** The receiver's Pix key (field 26-01): CPF/CNPJ digits, `+55…` phone, e-mail or random key. */
  key: string;
  merchantName: string;
  merchantCity: string;
  /** A fixed amount in centavos (field 54); left out, the payer types it. */
  amount?: Money;
  /** A message shown to the payer (field 26-02). */
  message?: string;
  /** Up to 25 letters and digits (field 62-05); left out, `***` (no txid). */
  txid?: string;
}

/**
 * A static Pix BR Code (Manual de Padrões para Iniciação do Pix v2.10.0 §2.6): the receiver's
 * key in the code itself, reusable (field 01 left out), printable on a counter. Nothing at
 * the PSP stands behind it, so no webhook ever tells of its payments (the PSP notifies only
 * Pix with a txid of a charge): they are seen by listing received Pix. The key and the
 * message share the Pix template's 99 characters (§2.5.1).
 *
 * @example
 * ```ts
 * staticPixBrCode({ key: "123e4567-e12b-12d1-a456-426655440000", merchantName: "Fulano de Tal", merchantCity: "BRASILIA" });
 * // "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D"
 * ```
 */
export function staticPixBrCode(input: StaticPixBrCodeInput): string {
  if (input.key.length === 0 || input.key.length > 77) {
    throw new RangeError("A Pix key has 1 to 77 characters (Manual §2.5.1).");
  }
  if (input.txid !== undefined && !/^[A-Za-z0-9]{1,25}$/.test(input.txid)) {
    throw new RangeError("A static code's txid has 1 to 25 letters and digits (Manual §2.6, field 62-05).");
  }
  if (input.amount !== undefined) {
    if (input.amount.currency !== "BRL") throw new RangeError("A Pix is in reais (field 53: 986).");
    if (!Number.isSafeInteger(input.amount.amount) || input.amount.amount <= 0) {
      throw new RangeError("A static code's amount is a positive number of centavos.");
    }
  }
  const template = [
    { id: "00", value: "br.gov.bcb.pix" },
    { id: "01", value: input.key },
    ...(input.message ? [{ id: "02", value: brCodeText(input.message, 72) }] : []),
  ];
  return withCrc(
    encodeTlv([
      { id: "00", value: "01" },
      { id: "26", value: template },
      { id: "52", value: "0000" },
      { id: "53", value: "986" },
      ...(input.amount ? [{ id: "54", value: pixValor(input.amount) }] : []),
      { id: "58", value: "BR" },
      { id: "59", value: brCodeText(input.merchantName, 25) },
      { id: "60", value: brCodeText(input.merchantCity, 15) },
      { id: "62", value: [{ id: "05", value: input.txid ?? "***" }] },
    ]),
  );
}
