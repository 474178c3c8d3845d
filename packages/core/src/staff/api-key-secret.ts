import type { Id } from "../ids/id";

/**
 * An API key's secret: `tsk_` + the key's id + `_` + 32 random bytes in base64url, e.g.
 * `tsk_key_01JD5Q4N3S8Y0XK2H7ZB6W9RCE_3q2-7wV…`. The prefix makes a leaked key easy to find
 * in code and logs (secret scanners match it); the id finds the key without a search over
 * hashes, so the secret is then checked against one stored hash, in constant time.
 */
export const apiKeySecretPrefix = "tsk_";

const secretPattern = /^tsk_(key_[0-9A-HJKMNP-TV-Z]{26})_[A-Za-z0-9_-]{43}$/;

export function apiKeySecret(id: Id<"apiKey">, token: string): string {
  return `${apiKeySecretPrefix}${id}_${token}`;
}

/** The key id a secret names, or null when it is not shaped like an API key's secret. */
export function apiKeyIdOfSecret(secret: unknown): Id<"apiKey"> | null {
  if (typeof secret !== "string") return null;
  const match = secretPattern.exec(secret);
  return match ? (match[1] as Id<"apiKey">) : null;
}
