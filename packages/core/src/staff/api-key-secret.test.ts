import { describe, expect, it } from "vitest";
import { createIdGenerator } from "../ids/id";
import { apiKeyIdOfSecret, apiKeySecret } from "./api-key-secret";
import { newSecretToken } from "./session-token";

describe("API key secrets", () => {
  const id = createIdGenerator(() => Date.UTC(2026, 2, 10))("apiKey");
  const token = newSecretToken((size) => new Uint8Array(size).fill(0xfb));

  it("are tsk_, the key's id, an underscore and 43 base64url characters", () => {
    const secret = apiKeySecret(id, token);
    expect(secret).toBe(`tsk_${id}_${token}`);
    expect(secret).toMatch(/^tsk_key_[0-9A-HJKMNP-TV-Z]{26}_[A-Za-z0-9_-]{43}$/);
  });

  it("name their key, even when the random part holds underscores and dashes", () => {
    expect(token).toContain("-");
    expect(apiKeyIdOfSecret(apiKeySecret(id, token))).toBe(id);
    expect(apiKeyIdOfSecret(apiKeySecret(id, "_".repeat(43)))).toBe(id);
  });

  it("name no key when malformed", () => {
    for (const secret of [
      "",
      token,
      `tsk_${id}`,
      `tsk_${id}_${token.slice(1)}`,
      `tsk_${id}_${token}x`,
      `tsx_${id}_${token}`,
      `tsk_${id.toLowerCase()}_${token}`,
      `tsk_stf_${id.slice(4)}_${token}`,
      42,
    ]) {
      expect(apiKeyIdOfSecret(secret)).toBeNull();
    }
  });
});
