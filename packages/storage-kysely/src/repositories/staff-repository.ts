import { addMilliseconds, type StaffRepository } from "@tessera/core";
import { sql } from "kysely";
import type { RepositoryContext } from "../repository-context";
import { staleWriteError, writeUnique } from "../write-conflict";
import { staffMemberFromRow, staffMemberToRow } from "./staff-member-row";

export function createStaffRepository(ctx: RepositoryContext): StaffRepository {
  const { db, codec } = ctx;

  const counters = async (id: string) => {
    const row = await db
      .selectFrom("staff_members")
      .select(["failed_logins", "locked_until"])
      .where("id", "=", id)
      .executeTakeFirst();
    return row
      ? { failedLogins: Number(row.failed_logins), lockedUntil: codec.readNullableInstant(row.locked_until) }
      : null;
  };

  return {
    async insert(member) {
      await writeUnique(ctx, "staffMember", () =>
        db.insertInto("staff_members").values(staffMemberToRow(member)).execute(),
      );
    },

    /** Compare-and-set on `version`; the log-in counters are left to their own statements. */
    async update(member) {
      const row = staffMemberToRow(member);
      const written = await db
        .updateTable("staff_members")
        .set({
          name: row.name,
          role: row.role,
          scope_kind: row.scope_kind,
          scope_unit_id: row.scope_unit_id,
          status: row.status,
          password_hash: row.password_hash,
          updated_at: row.updated_at,
          version: member.version + 1,
        })
        .where("id", "=", member.id)
        .where("version", "=", member.version)
        .returningAll()
        .executeTakeFirst();
      if (!written)
        throw await staleWriteError(db, "staff_members", "staffMember", member.id, member.version);
      return staffMemberFromRow(written, codec);
    },

    async findById(id) {
      const row = await db.selectFrom("staff_members").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? staffMemberFromRow(row, codec) : null;
    },

    async findByEmail(email) {
      const row = await db
        .selectFrom("staff_members")
        .selectAll()
        .where("email", "=", email.toLowerCase())
        .executeTakeFirst();
      return row ? staffMemberFromRow(row, codec) : null;
    },

    async listByOrganization(organizationId) {
      const rows = await db
        .selectFrom("staff_members")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .orderBy("id")
        .execute();
      return rows.map((row) => staffMemberFromRow(row, codec));
    },

    /**
     * One UPDATE whose SET reads the row's own counters, so concurrent failures serialize on
     * the row (SQLite's one writer, PostgreSQL's row lock) and each one counts. The CASE
     * repeats the new count for `locked_until`: a SET sees the old values, not its siblings'.
     */
    async recordFailedLogin(id, failure) {
      const windowStart = addMilliseconds(failure.now, -failure.windowMs);
      const lockUntil = addMilliseconds(failure.now, failure.lockMs);
      const windowClosed = sql<boolean>`(failed_logins_since is null or failed_logins_since <= ${windowStart})`;
      const count = sql<number>`(case when ${windowClosed} then 1 else failed_logins + 1 end)`;
      const row = await db
        .updateTable("staff_members")
        .set({
          failed_logins: count,
          failed_logins_since: sql<string>`case when ${windowClosed} then ${failure.now} else failed_logins_since end`,
          locked_until: sql<string>`case when ${count} >= ${failure.limit} then ${lockUntil} else locked_until end`,
        })
        .where("id", "=", id)
        .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", failure.now)]))
        .returning(["failed_logins", "locked_until"])
        .executeTakeFirst();
      if (!row) return counters(id); // locked already (or no such member): nothing counted
      return {
        failedLogins: Number(row.failed_logins),
        lockedUntil: codec.readNullableInstant(row.locked_until),
      };
    },

    async recordSuccessfulLogin(id, now) {
      const row = await db
        .updateTable("staff_members")
        .set({ failed_logins: 0, failed_logins_since: null, locked_until: null })
        .where("id", "=", id)
        .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
        .returning("id")
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
