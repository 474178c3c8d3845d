import { randomBytes } from "node:crypto";
import { TesseraError } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { decodeCredentialsKey } from "./credentials-key";
import { loadConfig } from "./load-config";

const key = randomBytes(32);
const load = (env: Record<string, string>) =>
  loadConfig({ env, cwd: "/srv/studio", readTextFile: () => null });

describe("the credentials key setting", () => {
  it("reads 32 bytes written as hex, base64 or base64url", () => {
    for (const text of [
      key.toString("hex"),
      key.toString("base64"),
      key.toString("base64url"),
      ` ${key.toString("hex")}\n`,
    ]) {
      expect(Buffer.from(decodeCredentialsKey(text)!)).toEqual(key);
    }
  });

  it("refuses anything that is not 32 bytes", () => {
    for (const text of [
      "",
      "secret",
      key.subarray(0, 31).toString("hex"),
      randomBytes(33).toString("base64"),
      "z".repeat(64),
    ]) {
      expect(decodeCredentialsKey(text)).toBeNull();
    }
  });

  it("sets the key and the previous keys from the environment; none means the generated file", () => {
    const previous = randomBytes(32);
    const config = load({
      TESSERA_CREDENTIALS_KEY: key.toString("base64"),
      TESSERA_CREDENTIALS_PREVIOUS_KEYS: `${previous.toString("hex")}, ${key.toString("base64url")}`,
    });
    expect(Buffer.from(config.credentialsKey!)).toEqual(key);
    expect(config.previousCredentialsKeys.map((k) => Buffer.from(k))).toEqual([previous, key]);
    expect(load({}).credentialsKey).toBeNull();
    expect(load({ TESSERA_CREDENTIALS_KEY: "" }).credentialsKey).toBeNull();
  });

  it("names a bad key's variable without echoing the key", () => {
    const wrong = "c2hvcnQtc2VjcmV0LWtleQ==";
    let error: unknown;
    try {
      load({ TESSERA_CREDENTIALS_KEY: wrong, TESSERA_CREDENTIALS_PREVIOUS_KEYS: "also-wrong" });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(TesseraError);
    const message = (error as TesseraError).message;
    expect(message).toContain("TESSERA_CREDENTIALS_KEY: must be 32 bytes");
    expect(message).toContain("TESSERA_CREDENTIALS_PREVIOUS_KEYS");
    expect(message).not.toContain(wrong);
    expect(message).not.toContain("also-wrong");
  });
});
