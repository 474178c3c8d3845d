import type { Id } from "../ids/id";
import { addMilliseconds, type Instant, instantToMillis } from "../time/instant";

/**
 * How long a back-office session lasts (OWASP session management: an absolute and an idle
 * timeout). A shift is under 12 hours; a desk left alone for 2 hours signs itself out.
 */
export const staffSessionLifetime = {
  /** From sign-in, whatever happens. */
  absoluteMs: 12 * 60 * 60 * 1000,
  /** From the last recorded use. */
  idleMs: 2 * 60 * 60 * 1000,
  /**
   * A use is written only when the last recorded one is at least this old, so page views do
   * not all write: the idle window may close up to this much early, never late.
   */
  touchEveryMs: 60 * 1000,
} as const;

/** A signed-in member's session, as storage keeps it: the token only as its SHA-256. */
export interface StaffSession {
  id: Id<"staffSession">;
  staffId: Id<"staffMember">;
  /** SHA-256 (hex) of the token the browser holds; unique. */
  tokenHash: string;
  /** Random, per session: the server derives its CSRF tokens from it. */
  csrfSecret: string;
  /** Where the sign-in came from (an IP address, as the server saw it), or null. */
  from: string | null;
  createdAt: Instant;
  /** The absolute end: `createdAt` + 12 h. */
  expiresAt: Instant;
  /** The last recorded use (at most `touchEveryMs` behind the real last use). */
  lastUsedAt: Instant;
  /** When it was ended (sign-out, password change, member disabled), or null. */
  revokedAt: Instant | null;
}

/** When the session ends if it is not used again: its absolute end or its idle end, the earlier. */
export function sessionEndsAt(session: Pick<StaffSession, "expiresAt" | "lastUsedAt">): Instant {
  const idleEnd = addMilliseconds(session.lastUsedAt, staffSessionLifetime.idleMs);
  return instantToMillis(idleEnd) < instantToMillis(session.expiresAt) ? idleEnd : session.expiresAt;
}

/** True when the session can still be used at `now`: not revoked, and before its end. */
export function isSessionLive(
  session: Pick<StaffSession, "expiresAt" | "lastUsedAt" | "revokedAt">,
  now: Instant,
): boolean {
  return session.revokedAt === null && instantToMillis(now) < instantToMillis(sessionEndsAt(session));
}
