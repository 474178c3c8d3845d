import type { Id } from "../ids/id";
import type { Instant } from "../time/instant";
import type { StaffRole, StaffScope } from "./staff-member";

/**
 * A key for the JSON API, as storage keeps it: with the SHA-256 of its secret, never the
 * secret. It acts with its own role and scope, like a member (see `staff-access.ts`).
 */
export interface ApiKeyRecord {
  id: Id<"apiKey">;
  organizationId: Id<"organization">;
  /** What it is for, as its owner named it ("Site WordPress", "Catraca"). */
  name: string;
  role: StaffRole;
  scope: StaffScope;
  /** SHA-256 (hex) of the whole secret (`tsk_<id>_<random>`). */
  secretHash: string;
  /** The member who made it. */
  createdBy: Id<"staffMember">;
  status: "active" | "revoked";
  createdAt: Instant;
  /** The last recorded use (written at most once a minute), or null when never used. */
  lastUsedAt: Instant | null;
  revokedAt: Instant | null;
}

/** A key's use is written only when the last recorded one is older than this (a minute). */
export const apiKeyTouchEveryMs = 60 * 1000;

/** An API key as services answer it: never its secret's hash. */
export type ApiKey = Omit<ApiKeyRecord, "secretHash">;

export function publicApiKey(record: ApiKeyRecord): ApiKey {
  const { secretHash: _hash, ...key } = record;
  return key;
}
