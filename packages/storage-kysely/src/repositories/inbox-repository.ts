import { type InboxRepository, TesseraError } from "@tessera/core";
import type { RepositoryContext } from "../repository-context";
import { writeUnique } from "../write-conflict";
import { inboxEntryFromRow, inboxEntryToRow } from "./inbox-row";

export function createInboxRepository(ctx: RepositoryContext): InboxRepository {
  const { db, codec } = ctx;
  return {
    /**
     * `INSERT … ON CONFLICT (gateway_id, provider_event_id) DO NOTHING`, then read back the
     * row that won: a replayed notification never errors and never writes twice.
     */
    async record(entry) {
      const inserted = await writeUnique(ctx, "inboxEntry", () =>
        db
          .insertInto("inbox")
          .values(inboxEntryToRow(entry, codec))
          .onConflict((oc) => oc.columns(["gateway_id", "provider_event_id"]).doNothing())
          .returning("id")
          .executeTakeFirst(),
      );
      if (inserted) return { inserted: true, entry };
      const row = await db
        .selectFrom("inbox")
        .selectAll()
        .where("gateway_id", "=", entry.gatewayId)
        .where("provider_event_id", "=", entry.providerEventId)
        .executeTakeFirstOrThrow();
      return { inserted: false, entry: inboxEntryFromRow(row, codec) };
    },

    async markProcessed(id, result) {
      const updated = await db
        .updateTable("inbox")
        .set({ status: result.status, outcome: result.outcome, processed_at: result.at })
        .where("id", "=", id)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) {
        throw new TesseraError("not_found", `The inbox entry ${id} does not exist.`, {
          details: { entity: "inboxEntry", id },
        });
      }
    },

    async findById(id) {
      const row = await db.selectFrom("inbox").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? inboxEntryFromRow(row, codec) : null;
    },

    async listByStatus(status, limit) {
      const rows = await db
        .selectFrom("inbox")
        .selectAll()
        .where("status", "=", status)
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map((row) => inboxEntryFromRow(row, codec));
    },
  };
}
