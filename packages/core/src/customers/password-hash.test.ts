import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password-hash";

const salt = new Uint8Array(16).fill(9);

describe("password hashes", () => {
  it("verify the password they were made from, and no other", async () => {
    const stored = await hashPassword("correct horse battery", salt);
    expect(stored).toMatch(/^scrypt\$(09){16}\$[0-9a-f]{64}$/);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
  });

  it("answer false for a stored value that is not a hash", async () => {
    expect(await verifyPassword("anything", "")).toBe(false);
    expect(await verifyPassword("anything", "plain text")).toBe(false);
  });
});
