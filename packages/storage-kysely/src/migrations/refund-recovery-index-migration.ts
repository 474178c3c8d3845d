import type { Kysely, Migration } from "kysely";

/**
 * Refund recovery (`refunds.listUnsettled`) walks the refunds left `pending` or `unknown`,
 * oldest change first — as payment recovery walks payments by `payments_stale_idx`. Without
 * this index every pass read the whole refunds table, which only grows.
 */
export function refundRecoveryIndexMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex("refunds_unsettled_idx")
        .on("refunds")
        .columns(["status", "updated_at"])
        .execute();
    },
  };
}
