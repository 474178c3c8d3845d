import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import {
  type CredentialsBinding,
  checkedCredentialsKey,
  credentialsKeyId,
  openCredentials,
  sealCredentials,
  sealedKeyId,
} from "./credentials-cipher";

const random = (size: number) => new Uint8Array(randomBytes(size));
const keyA = random(32);
const keyB = random(32);
const binding: CredentialsBinding = {
  accountId: "inter-centro",
  unitId: "unit_01JQ0000000000000000000001",
  kind: "inter",
};
const secret = JSON.stringify({ clientSecret: "s3cr3t-0123456789", note: "ação ✓" });

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isTesseraError(error, "configuration_invalid")) return String(error.details["reason"]);
    throw error;
  }
  throw new Error("expected a refusal");
}

/** Flips one bit of the base64url part `index` of a sealed text. */
function flip(sealed: string, index: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[index]!, "base64url");
  bytes[bytes.length >> 1]! ^= 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

describe("credentials cipher", () => {
  it("opens what it sealed, and the sealed text holds neither the secret nor the key", () => {
    const sealed = sealCredentials(keyA, secret, binding, random);
    expect(openCredentials({ current: keyA, previous: [] }, sealed, binding)).toBe(secret);
    expect(sealed).toMatch(/^v1\.k[0-9a-f]{12}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("s3cr3t");
    expect(sealed).not.toContain(Buffer.from(keyA).toString("base64url"));
    expect(sealedKeyId(sealed)).toBe(credentialsKeyId(keyA));
  });

  it("uses a fresh nonce each time: the same settings seal to different texts", () => {
    const first = sealCredentials(keyA, secret, binding, random);
    const second = sealCredentials(keyA, secret, binding, random);
    expect(first.split(".")[2]).not.toBe(second.split(".")[2]);
    expect(first).not.toBe(second);
  });

  it("refuses a changed byte in the ciphertext, the tag or the nonce", () => {
    const sealed = sealCredentials(keyA, secret, binding, random);
    expect(refusal(() => openCredentials({ current: keyA, previous: [] }, flip(sealed, 3), binding))).toBe(
      "tampered",
    );
    expect(refusal(() => openCredentials({ current: keyA, previous: [] }, flip(sealed, 2), binding))).toBe(
      "tampered",
    );
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[body.length - 1]! ^= 0x80;
    parts[3] = body.toString("base64url");
    expect(refusal(() => openCredentials({ current: keyA, previous: [] }, parts.join("."), binding))).toBe(
      "tampered",
    );
  });

  it("refuses a wrong key, naming the key the text was sealed with", () => {
    const sealed = sealCredentials(keyA, secret, binding, random);
    expect(refusal(() => openCredentials({ current: keyB, previous: [] }, sealed, binding))).toBe(
      "unknown_key",
    );
    // A key id forged to the wrong key's still fails on the tag.
    const forged = sealed.replace(credentialsKeyId(keyA), credentialsKeyId(keyB));
    expect(refusal(() => openCredentials({ current: keyB, previous: [] }, forged, binding))).toBe("tampered");
  });

  it("opens under a previous key while rotating", () => {
    const sealed = sealCredentials(keyA, secret, binding, random);
    expect(openCredentials({ current: keyB, previous: [keyA] }, sealed, binding)).toBe(secret);
  });

  it("refuses a sealed text moved to another account, unit or kind (the AAD)", () => {
    const sealed = sealCredentials(keyA, secret, binding, random);
    const ring = { current: keyA, previous: [] };
    for (const moved of [
      { ...binding, accountId: "inter-sul" },
      { ...binding, unitId: "unit_01JQ0000000000000000000002" },
      { ...binding, kind: "cielo" },
    ]) {
      expect(refusal(() => openCredentials(ring, sealed, moved))).toBe("tampered");
    }
  });

  it("refuses text it did not write", () => {
    const ring = { current: keyA, previous: [] };
    for (const text of [
      "",
      "plain",
      "v2.k000000000000.AAAA.BBBB",
      `v1.${credentialsKeyId(keyA)}.AAAA.BBBB`,
    ]) {
      expect(refusal(() => openCredentials(ring, text, binding))).toBe("malformed");
    }
  });

  it("takes only 32-byte keys", () => {
    expect(() => checkedCredentialsKey(random(16))).toThrow(/32 bytes/);
    expect(() => checkedCredentialsKey("0".repeat(64))).toThrow(/32 bytes/);
    expect(checkedCredentialsKey(keyA)).toBe(keyA);
  });
});
