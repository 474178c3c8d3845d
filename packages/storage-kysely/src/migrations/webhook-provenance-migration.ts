import type { Kysely, Migration } from "kysely";
import type { StorageDialect } from "../storage-dialect";

/**
 * Where each notification came in and how it was proven: the request URL (with the
 * adapter's secret query parameters redacted — PagoLivre's token travels there) and the
 * authentication record (the declared method, the verified client certificate of a
 * mutual-TLS listener or proxy, whether the news was confirmed by lookup). Both nullable:
 * entries recorded before this migration have neither.
 */
export function webhookProvenanceMigration(dialect: StorageDialect): Migration {
  const { json } = dialect.columnTypes;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("inbox").addColumn("url", "text").execute();
      await db.schema.alterTable("inbox").addColumn("authentication", json).execute();
    },
  };
}
