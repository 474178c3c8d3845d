import { hashPassword, verifyPassword } from "../customers/password-hash";

/**
 * How members' passwords are hashed and checked: core's scrypt (`customers/password-hash.ts`,
 * memory-hard: 16 MiB and tens of milliseconds a try, N = 2^14, r = 8, p = 1) with a 16-byte
 * random salt. An interface so a test can count the work each log-in does.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

export function createScryptPasswordHasher(randomBytes: (size: number) => Uint8Array): PasswordHasher {
  return {
    hash: (password) => hashPassword(password, randomBytes(16)),
    verify: verifyPassword,
  };
}

/**
 * A well-formed hash no password matches in practice (an all-zero scrypt output), checked in
 * place of a member's when the e-mail is unknown: the answer is `invalid` either way, after
 * the same scrypt work, so timing does not tell which e-mails are members'.
 */
export const unmatchablePasswordHash = `scrypt$${"00".repeat(16)}$${"00".repeat(32)}`;
