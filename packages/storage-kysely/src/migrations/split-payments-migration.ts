import type { Kysely, Migration } from "kysely";
import type { StorageDialect } from "../storage-dialect";

/**
 * Split payments (`Payment.fromBalance`): the part of an attempt the customer's wallet paid
 * beside the provider's, and the debit line that took it. Null on every earlier payment.
 */
export function splitPaymentsMigration(dialect: StorageDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("payments")
        .addColumn("from_balance_amount", dialect.columnTypes.bigint)
        .execute();
      await db.schema.alterTable("payments").addColumn("from_balance_entry_id", "text").execute();
    },
  };
}
