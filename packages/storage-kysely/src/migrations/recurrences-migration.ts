import type { Kysely, Migration } from "kysely";
import type { StorageDialect } from "../storage-dialect";

/**
 * Recurrences the provider runs (Cielo RecurrentPayment, PagoLivre's monthly charges): one
 * row per recurrence, unique per gateway by the provider's id — a recurrent charge's
 * notification is matched by it — and per first payment, so one create never starts two.
 */
export function recurrencesMigration(dialect: StorageDialect): Migration {
  const { instant, json } = dialect.columnTypes;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("recurrences")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
        .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
        .addColumn("gateway_id", "text", (c) => c.notNull())
        .addColumn("method", "text", (c) => c.notNull())
        .addColumn("first_payment_id", "text", (c) => c.notNull().unique().references("payments.id"))
        .addColumn("provider_reference", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("terms", json, (c) => c.notNull())
        .addColumn("last_sequence", "integer", (c) => c.notNull())
        .addColumn("ended_at", instant)
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addUniqueConstraint("recurrences_provider_reference_key", ["gateway_id", "provider_reference"])
        .execute();
      await db.schema
        .createIndex("recurrences_contract_idx")
        .on("recurrences")
        .columns(["contract_id", "id"])
        .execute();
    },
  };
}
