import type { Id } from "../ids/id";
import type { Repositories } from "../ports/storage";
import { addMilliseconds, type Instant, instantToMillis } from "../time/instant";
import { parseId } from "../validation/parse-id";
import { isSecretToken, newSecretToken, secretHash } from "./session-token";
import type { StaffContext } from "./staff-context";
import { publicStaffMember, type StaffMember } from "./staff-member";
import { isSessionLive, type StaffSession, sessionEndsAt, staffSessionLifetime } from "./staff-session";

/** A live session as the server sees it. */
export interface StaffSessionInfo {
  id: Id<"staffSession">;
  /** When it ends unless used again: 2 h after the last use, 12 h after sign-in at the latest. */
  expiresAt: Instant;
  /** Random, per session: derive the forms' CSRF tokens from it (an HMAC), never show it. */
  csrfSecret: string;
}

/** Who a session token belongs to. */
export interface SignedInStaff {
  staff: StaffMember;
  session: StaffSessionInfo;
}

/** Sessions of signed-in members. */
export interface StaffSessions {
  /**
   * The member a session token belongs to, and the session — or null when the token is
   * unknown, malformed, expired (12 h after sign-in, or 2 h unused), ended, or its member
   * disabled. A use is recorded at most once a minute, extending the idle window.
   */
  session(token: string): Promise<SignedInStaff | null>;
  /** Ends the token's session (sign-out); nothing happens for an unknown or ended one. */
  endSession(token: string): Promise<void>;
  /** Ends every session of the member (a password change does it too); returns how many. */
  endAllSessions(staffId: Id<"staffMember">): Promise<number>;
}

/** Opens a session for a member who just proved their password; the token is handed out once. */
export async function openSession(
  ctx: StaffContext,
  tx: Repositories,
  staffId: Id<"staffMember">,
  from: string | null,
  now: Instant,
): Promise<{ token: string; session: StaffSession }> {
  const token = newSecretToken(ctx.randomBytes);
  const session: StaffSession = {
    id: ctx.ids("staffSession"),
    staffId,
    tokenHash: secretHash(token),
    csrfSecret: newSecretToken(ctx.randomBytes),
    from,
    createdAt: now,
    expiresAt: addMilliseconds(now, staffSessionLifetime.absoluteMs),
    lastUsedAt: now,
    revokedAt: null,
  };
  await tx.staffSessions.insert(session);
  return { token, session };
}

/** True when a use at `now` is to be written: the last recorded one is over a minute old. */
export function isTouchDue(lastUsedAt: Instant, now: Instant): boolean {
  return instantToMillis(now) - instantToMillis(lastUsedAt) > staffSessionLifetime.touchEveryMs;
}

export function createStaffSessions(ctx: StaffContext): StaffSessions {
  const findLive = async (token: unknown, now: Instant): Promise<StaffSession | null> => {
    if (!isSecretToken(token)) return null;
    const session = await ctx.storage.staffSessions.findByTokenHash(secretHash(token));
    return session && isSessionLive(session, now) ? session : null;
  };

  return {
    async session(token) {
      const now = ctx.clock.now();
      const session = await findLive(token, now);
      if (!session) return null;
      const member = await ctx.storage.staff.findById(session.staffId);
      if (member?.status !== "active") return null;
      const touched =
        isTouchDue(session.lastUsedAt, now) &&
        (await ctx.storage.staffSessions.touch(session.id, {
          now,
          lastUsedBefore: addMilliseconds(now, -staffSessionLifetime.touchEveryMs),
        }));
      return {
        staff: publicStaffMember(member),
        session: {
          id: session.id,
          expiresAt: sessionEndsAt({
            expiresAt: session.expiresAt,
            lastUsedAt: touched ? now : session.lastUsedAt,
          }),
          csrfSecret: session.csrfSecret,
        },
      };
    },

    async endSession(token) {
      const now = ctx.clock.now();
      const session = await findLive(token, now);
      if (session) await ctx.storage.staffSessions.revoke(session.id, now);
    },

    async endAllSessions(staffId) {
      const id = parseId("staffMember", staffId, "staffId");
      return ctx.storage.staffSessions.revokeAllOfStaff(id, ctx.clock.now());
    },
  };
}
