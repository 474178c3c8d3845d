import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The header the sandbox signs its notifications in. */
export const sandboxSignatureHeader = "tessera-sandbox-signature";

/**
 * Signs a notification body: HMAC-SHA256 with the shared secret over
 * `${timestamp}.${rawBody}`, written `t=<unix seconds>,v1=<hex>` — the scheme Stripe
 * popularised. The timestamp is inside the MAC, so an old notification cannot be replayed
 * with a fresh time.
 */
export function signWebhookPayload(secret: string, timestampSeconds: number, rawBody: string): string {
  return `t=${timestampSeconds},v1=${webhookMac(secret, timestampSeconds, rawBody)}`;
}

function webhookMac(secret: string, timestampSeconds: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestampSeconds}.${rawBody}`, "utf8").digest("hex");
}

export type SignatureVerdict = { valid: true; timestampSeconds: number } | { valid: false; reason: string };

/**
 * Checks a signature header against the raw body: well-formed, within `toleranceSeconds`
 * of `nowSeconds` either way (a replayed or badly delayed notification is refused), and a
 * MAC equal in constant time to one of the `v1` values (several are allowed, so a secret
 * can be rotated).
 */
export function verifyWebhookSignature(input: {
  secret: string;
  header: string | undefined;
  rawBody: string;
  nowSeconds: number;
  toleranceSeconds: number;
}): SignatureVerdict {
  if (input.header === undefined || input.header.trim() === "") {
    return { valid: false, reason: `missing ${sandboxSignatureHeader} header` };
  }
  let timestamp: number | null = null;
  const macs: string[] = [];
  for (const part of input.header.split(",")) {
    const [key, value = ""] = part.trim().split("=", 2);
    if (key === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === "v1" && /^[0-9a-f]{64}$/.test(value)) macs.push(value);
  }
  if (timestamp === null || macs.length === 0) return { valid: false, reason: "malformed signature header" };
  if (Math.abs(input.nowSeconds - timestamp) > input.toleranceSeconds) {
    return { valid: false, reason: `timestamp outside the ${input.toleranceSeconds} s tolerance` };
  }
  const expected = Buffer.from(webhookMac(input.secret, timestamp, input.rawBody), "hex");
  const matches = macs.some((mac) => timingSafeEqual(Buffer.from(mac, "hex"), expected));
  return matches
    ? { valid: true, timestampSeconds: timestamp }
    : { valid: false, reason: "signature does not match" };
}

/** A fresh secret for a sandbox configured without one. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("hex")}`;
}
