import type { StaffSessionRepository } from "@tessera/core";
import type { RepositoryContext } from "../repository-context";
import { writeUnique } from "../write-conflict";
import { staffSessionFromRow, staffSessionToRow } from "./staff-session-row";

export function createStaffSessionRepository(ctx: RepositoryContext): StaffSessionRepository {
  const { db, codec } = ctx;
  return {
    async insert(session) {
      await writeUnique(ctx, "staffSession", () =>
        db.insertInto("staff_sessions").values(staffSessionToRow(session)).execute(),
      );
    },

    async findByTokenHash(tokenHash) {
      const row = await db
        .selectFrom("staff_sessions")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
      return row ? staffSessionFromRow(row, codec) : null;
    },

    /** The guard on `last_used_at` makes a burst of page views write once. */
    async touch(id, use) {
      const result = await db
        .updateTable("staff_sessions")
        .set({ last_used_at: use.now })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .where("last_used_at", "<", use.lastUsedBefore)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async revoke(id, at) {
      const result = await db
        .updateTable("staff_sessions")
        .set({ revoked_at: at })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async revokeAllOfStaff(staffId, at) {
      const result = await db
        .updateTable("staff_sessions")
        .set({ revoked_at: at })
        .where("staff_id", "=", staffId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
