import { randomBytes, randomUUID } from "node:crypto";
import type { Instant } from "@tessera/core";

const alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** The ISPB (eight digits) the mock signs its identifiers with; 99999999 is no real participant. */
export const mockIspb = "99999999";

function randomAlphanumerics(length: number): string {
  const bytes = randomBytes(length);
  let text = "";
  for (const byte of bytes) text += alphanumerics[byte % alphanumerics.length];
  return text;
}

/** `yyyyMMddHHmm` of an instant, in UTC, as the SPI's identifiers carry it. */
function minuteStamp(instant: Instant): string {
  return instant.slice(0, 16).replace(/[-T:]/g, "");
}

/**
 * An `endToEndId` as the SPI assigns one to each Pix: `E`, the payer PSP's ISPB, the minute
 * it was made (`yyyyMMddHHmm`, UTC) and eleven alphanumerics — 32 characters (schema
 * `EndToEndId`).
 */
export function newEndToEndId(now: Instant): string {
  return `E${mockIspb}${minuteStamp(now)}${randomAlphanumerics(11)}`;
}

/** A devolução's `rtrId`: the same layout as an endToEndId, led by `D`. */
export function newReturnId(now: Instant): string {
  return `D${mockIspb}${minuteStamp(now)}${randomAlphanumerics(11)}`;
}

/** A txid the PSP makes itself (`POST /cob`): 32 alphanumerics, inside `[a-zA-Z0-9]{26,35}`. */
export function newPspTxid(): string {
  return randomAlphanumerics(32);
}

/** A random Pix key (EVP), as DICT hands out: a UUID with hyphens. */
export function newRandomPixKey(): string {
  return randomUUID();
}

/** The opaque part of a payload location (`…/qr/v2/<this>`): a UUID without hyphens. */
export function newLocationToken(): string {
  return randomUUID().replace(/-/g, "");
}
