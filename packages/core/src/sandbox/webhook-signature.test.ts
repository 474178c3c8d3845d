import { describe, expect, it } from "vitest";
import { signWebhookPayload, verifyWebhookSignature } from "./webhook-signature";

const secret = "whsec_test_0123456789abcdef";
const rawBody = '{"id":"evt_1","type":"payment.paid"}';
const now = 1_773_154_800;

function verify(header: string | undefined, body = rawBody, nowSeconds = now) {
  return verifyWebhookSignature({ secret, header, rawBody: body, nowSeconds, toleranceSeconds: 300 });
}

describe("webhook signatures", () => {
  it('are HMAC-SHA256 over "<timestamp>.<raw body>", in hex (a known vector)', () => {
    // Computed independently: printf '%s' "1773154800.$body" | openssl dgst -sha256 -hmac "$secret"
    expect(signWebhookPayload(secret, now, rawBody)).toBe(
      "t=1773154800,v1=13b19f7d2f27fc1084c675ccd7eaf6f1aa568c8e309dbfa24cfbae4d82fb6a06",
    );
  });

  it("verify a signature made with the same secret", () => {
    expect(verify(signWebhookPayload(secret, now, rawBody))).toEqual({ valid: true, timestampSeconds: now });
  });

  it("refuse a signature made with another secret", () => {
    expect(verify(signWebhookPayload("whsec_other_0123456789abcdef", now, rawBody))).toEqual({
      valid: false,
      reason: "signature does not match",
    });
  });

  it("refuse a body changed after signing, even by one character", () => {
    expect(verify(signWebhookPayload(secret, now, rawBody), rawBody.replace("paid", "pain")).valid).toBe(
      false,
    );
  });

  it("refuse a timestamp changed after signing", () => {
    const header = signWebhookPayload(secret, now, rawBody).replace(`t=${now}`, `t=${now + 1}`);
    expect(verify(header).valid).toBe(false);
  });

  it("accept a timestamp up to the tolerance away, either way, and refuse one beyond", () => {
    expect(verify(signWebhookPayload(secret, now - 300, rawBody)).valid).toBe(true);
    expect(verify(signWebhookPayload(secret, now + 300, rawBody)).valid).toBe(true);
    expect(verify(signWebhookPayload(secret, now - 301, rawBody))).toMatchObject({
      valid: false,
      reason: /tolerance/,
    });
    expect(verify(signWebhookPayload(secret, now + 301, rawBody))).toMatchObject({
      valid: false,
      reason: /tolerance/,
    });
  });

  it("refuse a missing or malformed header", () => {
    expect(verify(undefined)).toMatchObject({ valid: false, reason: /missing/ });
    expect(verify("")).toMatchObject({ valid: false, reason: /missing/ });
    expect(verify("v1=abc")).toMatchObject({ valid: false, reason: /malformed/ });
    expect(verify(`t=${now}`)).toMatchObject({ valid: false, reason: /malformed/ });
  });

  it("accept any of several v1 values, so a secret can be rotated", () => {
    const old = signWebhookPayload("whsec_old_0123456789abcdef", now, rawBody).split(",")[1];
    expect(verify(`${signWebhookPayload(secret, now, rawBody)},${old}`).valid).toBe(true);
    expect(verify(`t=${now},${old},v1=${"0".repeat(64)}`).valid).toBe(false);
  });
});
