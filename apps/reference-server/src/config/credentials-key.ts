import { credentialsKeyBytes } from "@tessera/core";

/**
 * A credentials key as an operator writes it (`TESSERA_CREDENTIALS_KEY`): 64 hex digits, or
 * base64 / base64url of 32 bytes (`openssl rand -base64 32`). Null for anything else.
 */
export function decodeCredentialsKey(text: string): Uint8Array | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return new Uint8Array(Buffer.from(trimmed, "hex"));
  if (!/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return bytes.length === credentialsKeyBytes ? new Uint8Array(bytes) : null;
}

export const credentialsKeyProblem =
  "must be 32 bytes: 64 hex digits or 44 base64 characters, such as the output of openssl rand -base64 32";
