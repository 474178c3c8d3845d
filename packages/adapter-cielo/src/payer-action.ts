import { addMilliseconds, type Instant, isCalendarDate, type PayerAction } from "@tessera/core";
import type { CieloPayment } from "./schemas";

/**
 * What the payer needs from a Cielo sale that waits on them, read from Cielo's answer
 * (manual "Pix" and "Boleto"; `pix-create-response.json`, `boleto-response.json`).
 */

/** Cielo writes instants as São Paulo wall time (UTC−3); see `cieloInstant` in mapping.ts. */
type InstantReader = (value: string | undefined) => Instant | null;

/**
 * A PIX's QR code and when it stops being payable: the sale's `ReceivedDate` plus the
 * lifetime the answer states (`QrCode.Expiration`, `Cielo2`), else `lifetimeSeconds` — the
 * lifetime the create asked, or on a later read the provider's own (two hours for the
 * legacy provider, the longest `Cielo2` allows otherwise, so never too early).
 */
export function pixPayerAction(
  payment: CieloPayment,
  context: { now: Instant; lifetimeSeconds: number; instantOf: InstantReader },
): Extract<PayerAction, { type: "pix" }> | null {
  const payload = payment.QrCodeString;
  if (payload === undefined || payload === "") return null;
  const created = context.instantOf(payment.ReceivedDate) ?? context.now;
  const lifetime = payment.QrCode?.Expiration ?? context.lifetimeSeconds;
  return { type: "pix", qrCodePayload: payload, expiresAt: addMilliseconds(created, lifetime * 1000) };
}

/**
 * A boleto's linha digitável (47 digits: Cielo prints it with dots and spaces), barcode
 * (44), due day (`ExpirationDate`) and page (`Url`, the boleto as Cielo renders it). Null
 * when the answer lacks the line, the barcode or the day — Banco do Brasil's answer may
 * carry only the page ("Cielo returns a URL containing the boleto image").
 */
export function boletoPayerAction(payment: CieloPayment): Extract<PayerAction, { type: "boleto" }> | null {
  const digitableLine = (payment.DigitableLine ?? "").replace(/\D/g, "");
  const barcode = (payment.BarCodeNumber ?? "").replace(/\D/g, "");
  const dueDate = payment.ExpirationDate?.slice(0, 10);
  if (!/^\d{47}$/.test(digitableLine) || !/^\d{44}$/.test(barcode)) return null;
  if (dueDate === undefined || !isCalendarDate(dueDate)) return null;
  return {
    type: "boleto",
    digitableLine,
    barcode,
    dueDate,
    pdfUrl: payment.Url ?? null,
    pixPayload: null,
  };
}
