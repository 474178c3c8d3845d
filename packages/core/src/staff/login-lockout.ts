import { type Instant, instantToMillis } from "../time/instant";

/**
 * How wrong passwords lock an account (OWASP's "account lockout": a threshold, an
 * observation window, a lock duration). Counted in storage, one atomic statement per wrong
 * password (`StaffRepository.recordFailedLogin`), so two guesses at once count twice.
 */
export const loginLockout = {
  /** Wrong passwords, within `windowMs` of the first of them, that lock the account. */
  maxFailures: 5,
  /** The window opens at the first wrong password; one after it closes starts a new count. */
  windowMs: 15 * 60 * 1000,
  /** How long the account then stays locked: even the right password is refused meanwhile. */
  lockMs: 15 * 60 * 1000,
} as const;

/** True while `lockedUntil` is still to come. */
export function isLocked(lockedUntil: Instant | null, now: Instant): boolean {
  return lockedUntil !== null && instantToMillis(lockedUntil) > instantToMillis(now);
}

/** Whole seconds until the lock ends, at least 1 while it lasts (for `Retry-After`). */
export function retryAfterSeconds(lockedUntil: Instant, now: Instant): number {
  return Math.max(1, Math.ceil((instantToMillis(lockedUntil) - instantToMillis(now)) / 1000));
}
