import type { RecurrenceRepository } from "@tessera/core";
import type { RepositoryContext } from "../repository-context";
import { staleWriteError, writeUnique } from "../write-conflict";
import { recurrenceFromRow, recurrenceToRow } from "./recurrence-row";

export function createRecurrenceRepository(ctx: RepositoryContext): RecurrenceRepository {
  const { db, codec } = ctx;
  return {
    async insert(recurrence) {
      await writeUnique(ctx, "recurrence", () =>
        ctx.queries.execute(db, "recurrences.insert", recurrenceToRow(recurrence, codec), (db, row) =>
          db.insertInto("recurrences").values(row),
        ),
      );
    },

    /** Compare-and-set on `version`, like every versioned entity. */
    async update(recurrence) {
      const { id, ...changes } = recurrenceToRow(recurrence, codec);
      const row = await db
        .updateTable("recurrences")
        .set({ ...changes, version: recurrence.version + 1 })
        .where("id", "=", id)
        .where("version", "=", recurrence.version)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw await staleWriteError(db, "recurrences", "recurrence", id, recurrence.version);
      return recurrenceFromRow(row, codec);
    },

    async findById(id) {
      const row = await db.selectFrom("recurrences").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? recurrenceFromRow(row, codec) : null;
    },

    async findByProviderReference(gatewayId, providerReference) {
      const row = await db
        .selectFrom("recurrences")
        .selectAll()
        .where("gateway_id", "=", gatewayId)
        .where("provider_reference", "=", providerReference)
        .executeTakeFirst();
      return row ? recurrenceFromRow(row, codec) : null;
    },

    async listByContract(contractId) {
      const rows = await db
        .selectFrom("recurrences")
        .selectAll()
        .where("contract_id", "=", contractId)
        .orderBy("id")
        .execute();
      return rows.map((row) => recurrenceFromRow(row, codec));
    },
  };
}
