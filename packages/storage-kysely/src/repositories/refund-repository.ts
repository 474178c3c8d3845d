import type { RefundRepository } from "@tessera/core";
import type { RepositoryContext } from "../repository-context";
import { staleWriteError, writeUnique } from "../write-conflict";
import { refundFromRow, refundToRow } from "./refund-row";

export function createRefundRepository(ctx: RepositoryContext): RefundRepository {
  const { db, codec } = ctx;
  return {
    async insert(refund) {
      await writeUnique(ctx, "refund", () => db.insertInto("refunds").values(refundToRow(refund)).execute());
    },

    /** Compare-and-set on `version`, like every versioned entity. */
    async update(refund) {
      const { id, ...changes } = refundToRow(refund);
      const row = await writeUnique(ctx, "refund", () =>
        db
          .updateTable("refunds")
          .set({ ...changes, version: refund.version + 1 })
          .where("id", "=", id)
          .where("version", "=", refund.version)
          .returningAll()
          .executeTakeFirst(),
      );
      if (!row) throw await staleWriteError(db, "refunds", "refund", id, refund.version);
      return refundFromRow(row, codec);
    },

    async findById(id) {
      const row = await db.selectFrom("refunds").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? refundFromRow(row, codec) : null;
    },

    async findByIdempotencyKey(idempotencyKey) {
      const row = await db
        .selectFrom("refunds")
        .selectAll()
        .where("idempotency_key", "=", idempotencyKey)
        .executeTakeFirst();
      return row ? refundFromRow(row, codec) : null;
    },

    async listByPayment(paymentId) {
      const rows = await db
        .selectFrom("refunds")
        .selectAll()
        .where("payment_id", "=", paymentId)
        .orderBy("id")
        .execute();
      return rows.map((row) => refundFromRow(row, codec));
    },

    async listUnsettled(filter) {
      if (filter.limit <= 0) return [];
      const rows = await db
        .selectFrom("refunds")
        .selectAll()
        .where("destination", "=", "original_method")
        .where("status", "in", ["pending", "unknown"])
        .where("updated_at", "<", filter.updatedBefore)
        .orderBy("updated_at")
        .orderBy("id")
        .limit(filter.limit)
        .execute();
      return rows.map((row) => refundFromRow(row, codec));
    },
  };
}
