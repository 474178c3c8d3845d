import { createCipheriv, createDecipheriv, createHash } from "node:crypto";
import { TesseraError } from "../errors/tessera-error";

/**
 * Provider credentials at rest: AES-256-GCM under the installation's credentials key, a
 * fresh random 12-byte nonce per seal, and additional authenticated data binding the
 * sealed text to its account — so a row copied onto another account, unit or kind does
 * not open, and any changed byte is refused by the tag.
 *
 * Sealed text: `v1.<key id>.<nonce>.<ciphertext and tag>` (base64url). The key id is a
 * short digest of the key, never the key: it says which key sealed a row, so a rotation
 * can open rows under the previous key and seal them again under the new one.
 * @module
 */

/** What a sealed text belongs to; the three are its additional authenticated data. */
export interface CredentialsBinding {
  accountId: string;
  unitId: string;
  kind: string;
}

/** The key credentials are sealed with now, and earlier ones still accepted for opening. */
export interface CredentialsKeyring {
  current: Uint8Array;
  previous: readonly Uint8Array[];
}

const version = "v1";
const nonceBytes = 12;
const tagBytes = 16;
export const credentialsKeyBytes = 32;

function configurationError(message: string, reason: string): TesseraError {
  return new TesseraError("configuration_invalid", message, {
    details: { reason, issues: [{ path: ["credentialsKey"], code: reason, message }] },
  });
}

/** Refuses a key that is not 32 bytes, naming the option. */
export function checkedCredentialsKey(key: unknown, name = "credentialsKey"): Uint8Array {
  if (!(key instanceof Uint8Array) || key.length !== credentialsKeyBytes) {
    throw new TesseraError("configuration_invalid", `${name} must be ${credentialsKeyBytes} bytes.`, {
      details: {
        issues: [{ path: [name], code: "invalid_key", message: `must be ${credentialsKeyBytes} bytes` }],
      },
    });
  }
  return key;
}

/** `k` and 12 hex digits of a domain-separated SHA-256 of the key: names it, reveals nothing of it. */
export function credentialsKeyId(key: Uint8Array): string {
  return `k${createHash("sha256").update("tessera/credentials-key-id\0").update(key).digest("hex").slice(0, 12)}`;
}

function additionalData(binding: CredentialsBinding): Buffer {
  return Buffer.from(
    ["tessera/provider-account", version, binding.accountId, binding.unitId, binding.kind].join("\0"),
    "utf8",
  );
}

/** Seals `plaintext` for the binding under `key`, with a nonce from `randomBytes`. */
export function sealCredentials(
  key: Uint8Array,
  plaintext: string,
  binding: CredentialsBinding,
  randomBytes: (size: number) => Uint8Array,
): string {
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: tagBytes });
  cipher.setAAD(additionalData(binding));
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [
    version,
    credentialsKeyId(key),
    Buffer.from(nonce).toString("base64url"),
    sealed.toString("base64url"),
  ].join(".");
}

/** The id of the key a sealed text was sealed with, or null when it is not sealed text. */
export function sealedKeyId(sealed: string): string | null {
  const parts = sealed.split(".");
  return parts.length === 4 && parts[0] === version ? (parts[1] ?? null) : null;
}

/**
 * Opens a sealed text with whichever key of the ring sealed it. Throws
 * `configuration_invalid` with `details.reason`: `malformed`, `unknown_key` (sealed under a
 * key this installation was not given — a wrong or lost `credentialsKey`), or `tampered`
 * (the tag does not match: a changed byte, or a row moved to another account).
 */
export function openCredentials(
  keyring: CredentialsKeyring,
  sealed: string,
  binding: CredentialsBinding,
): string {
  const parts = sealed.split(".");
  const [tag, keyId, nonceText, bodyText] = parts;
  if (parts.length !== 4 || tag !== version || !keyId || !nonceText || !bodyText) {
    throw configurationError("The stored credentials are not sealed text Tessera wrote.", "malformed");
  }
  const key = [keyring.current, ...keyring.previous].find(
    (candidate) => credentialsKeyId(candidate) === keyId,
  );
  if (!key) {
    throw configurationError(
      `The stored credentials were sealed with key ${keyId}, which this installation was not given; set the key they were saved with (or keep it among the previous keys while rotating).`,
      "unknown_key",
    );
  }
  const nonce = Buffer.from(nonceText, "base64url");
  const body = Buffer.from(bodyText, "base64url");
  if (nonce.length !== nonceBytes || body.length < tagBytes) {
    throw configurationError("The stored credentials are not sealed text Tessera wrote.", "malformed");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, nonce, { authTagLength: tagBytes });
    decipher.setAAD(additionalData(binding));
    decipher.setAuthTag(body.subarray(body.length - tagBytes));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - tagBytes)),
      decipher.final(),
    ]).toString("utf8");
  } catch (error) {
    throw new TesseraError(
      "configuration_invalid",
      "The stored credentials do not open: they were changed, or belong to another account.",
      { details: { reason: "tampered" }, cause: error },
    );
  }
}
