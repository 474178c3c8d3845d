import { customerSearchText, type TaxDocument } from "@tessera/core";
import type { Kysely, Migration } from "kysely";
import type { StorageDialect } from "../storage-dialect";

/** The customer columns the backfill reads. */
interface CustomerSearchRow {
  id: string;
  name: string;
  email: string;
  document: unknown;
  phone: string | null;
}

/**
 * What the back office's sale lists filter by. Customers get `search_key`
 * (`customerSearchText`: folded name, e-mail, document and phone digits), because neither
 * database can fold accents or strip punctuation in a `like` alone (SQLite has no `unaccent`,
 * and PostgreSQL's is an extension a host may lack); rows already there are filled in here.
 * Contracts get indexes for a unit's list by status and by contracted day.
 */
export function backOfficeQueriesMigration(dialect: StorageDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("customers")
        .addColumn("search_key", "text", (c) => c.notNull().defaultTo(""))
        .execute();
      const typed = db as unknown as Kysely<{ customers: CustomerSearchRow & { search_key: string } }>;
      let after = "";
      for (;;) {
        const rows = await typed
          .selectFrom("customers")
          .select(["id", "name", "email", "document", "phone"])
          .where("id", ">", after)
          .orderBy("id")
          .limit(500)
          .execute();
        for (const row of rows) {
          const document = row.document === null ? null : (dialect.decodeJson(row.document) as TaxDocument);
          await typed
            .updateTable("customers")
            .set({ search_key: customerSearchText({ ...row, document }) })
            .where("id", "=", row.id)
            .execute();
        }
        const last = rows[rows.length - 1];
        if (!last) break;
        after = last.id;
      }
      await db.schema
        .createIndex("contracts_unit_status_idx")
        .on("contracts")
        .columns(["unit_id", "status", "id"])
        .execute();
      await db.schema
        .createIndex("contracts_unit_start_idx")
        .on("contracts")
        .columns(["unit_id", "start_date", "id"])
        .execute();
    },
  };
}
