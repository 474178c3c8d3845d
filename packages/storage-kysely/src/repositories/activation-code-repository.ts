import type { ActivationCodeRepository } from "@tessera/core";
import { sql } from "kysely";
import type { RepositoryContext } from "../repository-context";
import { writeUnique } from "../write-conflict";
import { activationCodeFromRow, activationCodeToRow } from "./activation-code-row";

export function createActivationCodeRepository(ctx: RepositoryContext): ActivationCodeRepository {
  const { db, codec } = ctx;
  return {
    async insert(code) {
      await writeUnique(ctx, "activationCode", () =>
        db.insertInto("activation_codes").values(activationCodeToRow(code)).execute(),
      );
    },

    async findByCode(unitId, code) {
      const row = await db
        .selectFrom("activation_codes")
        .selectAll()
        .where("unit_id", "=", unitId)
        .where("code", "=", code)
        .executeTakeFirst();
      return row ? activationCodeFromRow(row, codec) : null;
    },

    async findByContract(contractId) {
      const row = await db
        .selectFrom("activation_codes")
        .selectAll()
        .where("contract_id", "=", contractId)
        .orderBy("id")
        .limit(1)
        .executeTakeFirst();
      return row ? activationCodeFromRow(row, codec) : null;
    },

    /** The status guard in the UPDATE is the compare-and-set: only one attach can win. */
    async attach(id, attachment) {
      const row = await db
        .updateTable("activation_codes")
        .set({
          status: "attached",
          attached_customer_id: attachment.customerId,
          valid_from: attachment.validFrom,
          valid_until: attachment.validUntil,
          attached_at: attachment.attachedAt,
          version: sql<number>`version + 1`,
        })
        .where("id", "=", id)
        .where("status", "=", "unattached")
        .returningAll()
        .executeTakeFirst();
      return row ? activationCodeFromRow(row, codec) : null;
    },

    async revoke(id, change) {
      const row = await db
        .updateTable("activation_codes")
        .set({
          status: "revoked",
          // An attached pass ends on the day given, never later than it would have.
          valid_until: sql<
            string | null
          >`case when status = 'attached' and (valid_until is null or valid_until > ${change.endsOn}) then ${change.endsOn} else valid_until end`,
          version: sql<number>`version + 1`,
        })
        .where("id", "=", id)
        .where("status", "in", ["unattached", "attached"])
        .returningAll()
        .executeTakeFirst();
      return row ? activationCodeFromRow(row, codec) : null;
    },

    async listByUnit(unitId, filter = {}) {
      let query = db.selectFrom("activation_codes").selectAll().where("unit_id", "=", unitId);
      if (filter.status) query = query.where("status", "=", filter.status);
      const rows = await query.orderBy("id").execute();
      return rows.map((row) => activationCodeFromRow(row, codec));
    },
  };
}
