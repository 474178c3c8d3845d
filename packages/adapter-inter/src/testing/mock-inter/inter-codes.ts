import { randomBytes, randomInt } from "node:crypto";
import { boletoCodes, dynamicPixBrCode } from "@tessera/core";
import type { InterCharge } from "./inter-books";

/**
 * What Inter attaches to a charge once it is issued: a nosso número, a bank boleto's barcode
 * and linha digitável with their FEBRABAN check digits (Inter's COMPE code is 077), and the
 * bolepix's Pix — a `cobv` txid and a dynamic BR Code whose location is under the mock's host
 * (Inter's look like `…/pj-s/v2/cobv/<32 hex>`).
 */

/** Banco Inter's COMPE code. */
export const interBankCode = "077";
const agency = "0001";
const carteira = "112";
const alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function digits(count: number): string {
  let text = "";
  for (let i = 0; i < count; i += 1) text += String(randomInt(10));
  return text;
}

/** A txid as Inter's sandbox makes them: 35 alphanumerics (the schema allows 26–35). */
export function newTxid(): string {
  let text = digits(21);
  while (text.length < 35) text += alphanumerics[randomInt(alphanumerics.length)];
  return text;
}

export interface IssuedCodes {
  boleto: NonNullable<InterCharge["boleto"]>;
  pix: NonNullable<InterCharge["pix"]>;
}

export function issuedCodes(
  charge: Pick<InterCharge, "amount" | "dataVencimento">,
  options: { accountNumber: string; locationHost: string; merchantName: string; merchantCity: string },
): IssuedCodes {
  const nossoNumero = digits(10);
  // Free field (25): agency (4), carteira (3), account (8), nosso número (10).
  const freeField = `${agency}${carteira}${options.accountNumber.padStart(8, "0").slice(-8)}${nossoNumero}`;
  const codes = boletoCodes({
    bankCode: interBankCode,
    amount: charge.amount,
    dueDate: charge.dataVencimento,
    freeField,
  });
  const location = `${options.locationHost}/pj-s/v2/cobv/${randomBytes(16).toString("hex")}`;
  return {
    boleto: { nossoNumero, codigoBarras: codes.barcode, linhaDigitavel: codes.digitableLine },
    pix: {
      txid: newTxid(),
      pixCopiaECola: dynamicPixBrCode({
        location,
        merchantName: options.merchantName,
        merchantCity: options.merchantCity,
      }),
    },
  };
}
