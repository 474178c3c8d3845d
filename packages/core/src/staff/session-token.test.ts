import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSecretToken, newSecretToken, sameSecretHash, secretHash, secretsMatch } from "./session-token";

describe("session tokens", () => {
  it("are 32 random bytes in base64url: 43 characters, no padding", () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 250 + (i % 6));
    let asked = 0;
    const token = newSecretToken((size) => {
      asked = size;
      return bytes;
    });
    expect(asked).toBe(32);
    expect(token).toBe(Buffer.from(bytes).toString("base64url"));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(isSecretToken(token)).toBe(true);
  });

  it("refuses anything not shaped like a token before any lookup", () => {
    for (const value of [
      "",
      "a".repeat(42),
      "a".repeat(44),
      `${"a".repeat(42)}=`,
      `${"a".repeat(42)}/`,
      null,
      42,
    ]) {
      expect(isSecretToken(value)).toBe(false);
    }
  });

  it("are kept as their SHA-256 in hex", () => {
    expect(secretHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    fc.assert(
      fc.property(fc.string(), (secret) => {
        expect(secretHash(secret)).toBe(createHash("sha256").update(secret).digest("hex"));
      }),
    );
  });

  it("compare equal hashes as equal, and different or differently long ones as not", () => {
    const hash = secretHash("one");
    expect(sameSecretHash(hash, secretHash("one"))).toBe(true);
    expect(sameSecretHash(hash, secretHash("two"))).toBe(false);
    expect(sameSecretHash(hash, hash.slice(1))).toBe(false);
  });
});

describe("secretsMatch", () => {
  it("says whether a presented secret is the expected one, whatever the two lengths", () => {
    expect(secretsMatch("cielo-notification-secret", "cielo-notification-secret")).toBe(true);
    expect(secretsMatch("cielo-notification-secreT", "cielo-notification-secret")).toBe(false);
    expect(secretsMatch("short", "a much longer expected secret")).toBe(false);
    expect(secretsMatch("", "x")).toBe(false);
  });
});
