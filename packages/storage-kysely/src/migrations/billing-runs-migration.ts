import type { Kysely, Migration } from "kysely";
import type { StorageDialect } from "../storage-dialect";

/** What each billing run did per unit (`BillingRunRepository`), read newest first by unit. */
export function billingRunsMigration(dialect: StorageDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("billing_runs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("owner", "text", (c) => c.notNull())
        .addColumn("started_at", dialect.columnTypes.instant, (c) => c.notNull())
        .addColumn("finished_at", dialect.columnTypes.instant, (c) => c.notNull())
        .addColumn("report", dialect.columnTypes.json, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("billing_runs_unit_idx")
        .on("billing_runs")
        .columns(["unit_id", "id"])
        .execute();
    },
  };
}
