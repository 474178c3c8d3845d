import type { Id } from "../ids/id";
import type { Instant } from "../time/instant";

/** What a person (or an API key) may do: see the table in `staff-access.ts`. */
export const staffRoles = ["owner", "manager", "staff"] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Where a person (or an API key) works: the whole organization, or one of its units. */
export type StaffScope = { kind: "organization" } | { kind: "unit"; unitId: Id<"unit"> };

/**
 * A person who works in a studio and signs in to the back office, as storage keeps them —
 * with the password hash and the log-in counters. Services never hand this out: they answer
 * `StaffMember`, the same without the hash.
 */
export interface StaffMemberRecord {
  id: Id<"staffMember">;
  organizationId: Id<"organization">;
  name: string;
  /** Lower-cased; unique in the installation, so an e-mail signs in to one organization. */
  email: string;
  role: StaffRole;
  scope: StaffScope;
  /** A disabled member cannot sign in, and their sessions end. */
  status: "active" | "disabled";
  /** `scrypt$<salt hex>$<hash hex>` (`customers/password-hash.ts`). */
  passwordHash: string;
  /** Wrong passwords since `failedLoginsSince`, in the current lock-out window. */
  failedLogins: number;
  /** The first wrong password of the current window; null after a success. */
  failedLoginsSince: Instant | null;
  /** Until when log-ins are refused (`loginLockout`); null when never locked or reset. */
  lockedUntil: Instant | null;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}

/** A staff member as services answer them: never the password hash. */
export type StaffMember = Omit<StaffMemberRecord, "passwordHash">;

/** The record without its hash — a copy, so the hash is not even a hidden property. */
export function publicStaffMember(record: StaffMemberRecord): StaffMember {
  const { passwordHash: _hash, ...member } = record;
  return member;
}
