import type { Instant } from "../time/instant";
import { parseInput } from "../validation/parse-input";
import { isLocked, loginLockout, retryAfterSeconds } from "./login-lockout";
import type { StaffContext } from "./staff-context";
import { normalizePassword, type StaffLoginInput, staffLoginInputSchema } from "./staff-input";
import { publicStaffMember, type StaffMember } from "./staff-member";
import { unmatchablePasswordHash } from "./staff-password";
import { sessionEndsAt } from "./staff-session";
import { openSession } from "./staff-sessions";

/**
 * How a log-in ended. `invalid` is the one answer for an unknown e-mail, a wrong password and
 * a disabled member alike, so the page cannot tell which; `locked` says for how long.
 */
export type StaffLoginResult =
  | {
      status: "authenticated";
      staff: StaffMember;
      /** The token for the session cookie — shown here once; storage keeps only its hash. */
      session: { token: string; expiresAt: Instant };
    }
  | { status: "invalid" }
  | { status: "locked"; retryAfterSeconds: number };

/** Longest `from` kept on a session (an IPv6 address with a zone fits). */
const maxFromLength = 100;

/**
 * Signs a member in by e-mail and password (`staff.authenticate`).
 *
 * Every attempt does exactly one scrypt check — against the member's hash, or, for an
 * unknown e-mail, against a placeholder — before anything else is decided, so the time an
 * answer takes does not tell whether the e-mail is a member's. A wrong password is counted
 * in storage (`recordFailedLogin`); the fifth within 15 minutes locks the account for 15
 * minutes (`loginLockout`), during which even the right password answers `locked`. A right
 * password clears the count and opens a session.
 */
export async function authenticateStaff(
  ctx: StaffContext,
  input: StaffLoginInput,
): Promise<StaffLoginResult> {
  const data = parseInput(staffLoginInputSchema, input, "log-in");
  const email = data.email.trim().toLowerCase();
  const from = data.from?.trim().slice(0, maxFromLength) || null;
  const member =
    email.includes("@") && email.length <= 254 ? await ctx.storage.staff.findByEmail(email) : null;
  const passwordMatches = await ctx.passwords.verify(
    normalizePassword(data.password),
    member?.passwordHash ?? unmatchablePasswordHash,
  );
  if (member?.status !== "active") return { status: "invalid" };

  const now = ctx.clock.now();
  if (isLocked(member.lockedUntil, now)) {
    return { status: "locked", retryAfterSeconds: retryAfterSeconds(member.lockedUntil as Instant, now) };
  }
  if (!passwordMatches) {
    const counted = await ctx.storage.staff.recordFailedLogin(member.id, {
      now,
      windowMs: loginLockout.windowMs,
      limit: loginLockout.maxFailures,
      lockMs: loginLockout.lockMs,
    });
    return counted && isLocked(counted.lockedUntil, now)
      ? { status: "locked", retryAfterSeconds: retryAfterSeconds(counted.lockedUntil as Instant, now) }
      : { status: "invalid" };
  }

  const opened = await ctx.storage.transaction(async (tx) => {
    // Refused when a wrong password at the same moment has just locked the account.
    if (!(await tx.staff.recordSuccessfulLogin(member.id, now))) return null;
    return openSession(ctx, tx, member.id, from, now);
  });
  if (!opened) {
    const locked = await ctx.storage.staff.findById(member.id);
    return locked?.lockedUntil && isLocked(locked.lockedUntil, now)
      ? { status: "locked", retryAfterSeconds: retryAfterSeconds(locked.lockedUntil, now) }
      : { status: "invalid" };
  }
  return {
    status: "authenticated",
    staff: publicStaffMember({ ...member, failedLogins: 0, failedLoginsSince: null, lockedUntil: null }),
    session: { token: opened.token, expiresAt: sessionEndsAt(opened.session) },
  };
}
