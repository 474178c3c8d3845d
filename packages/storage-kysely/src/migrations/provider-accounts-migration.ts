import type { Kysely, Migration } from "kysely";
import type { StorageDialect } from "../storage-dialect";

/**
 * Units' accounts at payment providers. The id is the gateway id the unit's payment methods
 * name and the webhook URL carries, so it is the primary key: unique in the installation.
 * The settings are one sealed text (AES-256-GCM, bound to id, unit and kind): the database
 * never holds a credential in clear, and a dump of it opens nothing without the key.
 */
export function providerAccountsMigration(dialect: StorageDialect): Migration {
  const { instant } = dialect.columnTypes;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("provider_accounts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("label", "text", (c) => c.notNull())
        .addColumn("sealed_options", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("provider_accounts_unit_idx")
        .on("provider_accounts")
        .columns(["unit_id", "id"])
        .execute();
    },
  };
}
