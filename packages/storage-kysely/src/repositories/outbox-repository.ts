import { type OutboxRepository, TesseraError } from "@tessera/core";
import { type ExpressionBuilder, type Insertable, type Kysely, sql } from "kysely";
import type { Database, OutboxTable } from "../database";
import { atomically, type RepositoryContext } from "../repository-context";
import { writeUnique } from "../write-conflict";
import { claimLeased } from "./leased-claim";
import { outboxEntryFromRow, outboxRowFor } from "./outbox-row";

const insertBatchSize = 100;

/** Inserts outbox rows in multi-row statements, inside a transaction whether or not `ctx` is one. */
async function insertRows(ctx: RepositoryContext, rows: readonly Insertable<OutboxTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await writeUnique(ctx, "event", () =>
    atomically(ctx, async (trx) => {
      for (let start = 0; start < rows.length; start += insertBatchSize) {
        const batch = rows.slice(start, start + insertBatchSize);
        await ctx.queries.execute(trx, "outbox.append", batch, (db, values) =>
          db.insertInto("outbox").values(values),
        );
      }
    }),
  );
}

/**
 * Writes the events a transaction appended, in one statement (per 100): called by
 * `transaction(fn)` once `fn` has returned, before the commit.
 */
export async function writeDeferredOutboxRows(ctx: RepositoryContext): Promise<void> {
  if (ctx.deferredOutboxRows) await insertRows(ctx, ctx.deferredOutboxRows.splice(0));
}

export function createOutboxRepository(ctx: RepositoryContext): OutboxRepository {
  const { codec } = ctx;
  /** Reads and fenced writes see what this transaction appended: it is written first. */
  const flushed = async () => {
    await writeDeferredOutboxRows(ctx);
    return ctx.db;
  };

  /** Applies a fenced write; when no row matched, says why (gone, or the lease moved on). */
  const fenced = async (
    eventId: string,
    lease: { owner: string; version: number },
    write: (db: Kysely<Database>) => Promise<{ numUpdatedRows: bigint }>,
  ) => {
    const db = await flushed();
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
    /**
     * Inside a transaction the events wait in memory and all of the transaction's events go
     * in one multi-row insert when `fn` returns, still before the commit: a sale's
     * transaction appends from several places (the customer registered, the contract
     * created), and one statement costs less than one per place. Outside a transaction,
     * written at once.
     */
    async append(events) {
      // Encoded now: what is written is the event as it was appended.
      const rows = events.map((event) => outboxRowFor(event, codec));
      if (ctx.deferredOutboxRows) ctx.deferredOutboxRows.push(...rows);
      else await insertRows(ctx, rows);
    },

    /** One leased-claim statement (see `claimLeased`), in id order. */
    async claim(request) {
      await flushed();
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
      const db = await flushed();
      const row = await db.selectFrom("outbox").selectAll().where("id", "=", eventId).executeTakeFirst();
      return row ? outboxEntryFromRow(row, codec) : null;
    },

    async listUndelivered(limit) {
      const db = await flushed();
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
