import { type OutboxRepository, TesseraError } from "@tessera/core";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { Database } from "../database";
import { atomically, type RepositoryContext } from "../repository-context";
import { writeUnique } from "../write-conflict";
import { claimLeased } from "./leased-claim";
import { outboxEntryFromRow, outboxRowFor } from "./outbox-row";

const insertBatchSize = 100;

export function createOutboxRepository(ctx: RepositoryContext): OutboxRepository {
  const { db, codec } = ctx;

  /** Applies a fenced write; when no row matched, says why (gone, or the lease moved on). */
  const fenced = async (
    eventId: string,
    lease: { owner: string; version: number },
    write: (db: Kysely<Database>) => Promise<{ numUpdatedRows: bigint }>,
  ) => {
    const result = await write(db);
    if (result.numUpdatedRows > 0n) return;
    const exists = await db.selectFrom("outbox").select("id").where("id", "=", eventId).executeTakeFirst();
    if (!exists) {
      throw new TesseraError("not_found", `The outbox event ${eventId} does not exist.`, {
        details: { entity: "event", id: eventId },
      });
    }
    throw new TesseraError(
      "lease_lost",
      `The lease of ${lease.owner} (version ${lease.version}) on outbox event ${eventId} is no longer current.`,
      { details: { entity: "event", id: eventId, owner: lease.owner, leaseVersion: lease.version } },
    );
  };

  const held =
    (eventId: string, lease: { owner: string; version: number }) =>
    (eb: ExpressionBuilder<Database, "outbox">) =>
      eb.and([
        eb("id", "=", eventId),
        eb("lease_owner", "=", lease.owner),
        eb("lease_version", "=", lease.version),
      ]);

  return {
    async append(events) {
      if (events.length === 0) return;
      await writeUnique(ctx, "event", () =>
        atomically(ctx, async (trx) => {
          for (let start = 0; start < events.length; start += insertBatchSize) {
            const batch = events.slice(start, start + insertBatchSize);
            await trx
              .insertInto("outbox")
              .values(batch.map((event) => outboxRowFor(event, codec)))
              .execute();
          }
        }),
      );
    },

    /** One leased-claim statement (see `claimLeased`), in id order. */
    async claim(request) {
      const rows = await claimLeased(ctx, {
        table: "outbox",
        claimable: (eb: ExpressionBuilder<Database, "outbox">) =>
          eb.and([
            eb("outbox.delivered_at", "is", null),
            eb("outbox.next_attempt_at", "<=", request.now),
            eb.or([eb("outbox.lease_owner", "is", null), eb("outbox.lease_expires_at", "<=", request.now)]),
          ]),
        orderBy: ["id"],
        limit: request.limit,
        owner: request.owner,
        leaseMs: request.leaseMs,
        now: request.now,
      });
      return rows
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((row) => outboxEntryFromRow(row, codec));
    },

    async markDelivered(eventId, lease, at) {
      await fenced(eventId, lease, (db) =>
        db
          .updateTable("outbox")
          .set({ delivered_at: at, lease_owner: null, lease_expires_at: null })
          .where(held(eventId, lease))
          .executeTakeFirst(),
      );
    },

    async markFailed(eventId, lease, failure) {
      await fenced(eventId, lease, (db) =>
        db
          .updateTable("outbox")
          .set({
            attempts: sql<number>`attempts + 1`,
            last_error: failure.error,
            next_attempt_at: failure.nextAttemptAt,
            lease_owner: null,
            lease_expires_at: null,
          })
          .where(held(eventId, lease))
          .executeTakeFirst(),
      );
    },

    async findById(eventId) {
      const row = await db.selectFrom("outbox").selectAll().where("id", "=", eventId).executeTakeFirst();
      return row ? outboxEntryFromRow(row, codec) : null;
    },

    async listUndelivered(limit) {
      const rows = await db
        .selectFrom("outbox")
        .selectAll()
        .where("delivered_at", "is", null)
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map((row) => outboxEntryFromRow(row, codec));
    },
  };
}
