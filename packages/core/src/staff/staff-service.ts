import type { ServiceContext } from "../ports/service-context";
import { authenticateStaff, type StaffLoginResult } from "./authenticate-staff";
import { createStaffManagement, type StaffManagement } from "./manage-staff";
import type { StaffContext } from "./staff-context";
import type { StaffLoginInput } from "./staff-input";
import { createScryptPasswordHasher, type PasswordHasher } from "./staff-password";
import { createStaffSessions, type StaffSessions } from "./staff-sessions";

/**
 * The people who work in a studio (`tessera.staff`): members, their log-in and their
 * sessions. Who may call what is the caller's to decide, with the rules of `staff-access.ts`.
 *
 * @example
 * ```ts
 * const result = await tessera.staff.authenticate({ email, password, from: ip });
 * switch (result.status) {
 *   case "authenticated": setCookie(result.session.token); break;
 *   case "locked": showTryAgainIn(result.retryAfterSeconds); break;
 *   case "invalid": showWrongEmailOrPassword(); break;
 * }
 * const signedIn = await tessera.staff.session(cookieToken); // null: sign in again
 * ```
 */
export interface StaffService extends StaffManagement, StaffSessions {
  /**
   * Signs in by e-mail and password. Unknown e-mail, wrong password and disabled member all
   * answer `invalid`, after the same scrypt work; five wrong passwords within 15 minutes
   * lock the account for 15 minutes (`locked`, with the seconds left); success opens a
   * session of 12 hours at most, ending after 2 hours unused.
   */
  authenticate(input: StaffLoginInput): Promise<StaffLoginResult>;
}

/** The staff context from the service context (and, for tests, another password hasher). */
export function staffContextOf(
  ctx: Pick<ServiceContext, "storage" | "clock" | "ids" | "events" | "randomBytes">,
  passwords: PasswordHasher = createScryptPasswordHasher(ctx.randomBytes),
): StaffContext {
  return { ...ctx, passwords };
}

export function createStaffService(ctx: StaffContext): StaffService {
  return {
    ...createStaffManagement(ctx),
    ...createStaffSessions(ctx),
    authenticate: (input) => authenticateStaff(ctx, input),
  };
}
