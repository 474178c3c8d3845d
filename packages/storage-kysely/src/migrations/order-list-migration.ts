import type { Kysely, Migration } from "kysely";

/**
 * The back office's order list (`orders.list`) reads one unit's orders by id, as contracts'
 * list reads `contracts_unit_idx`; until now orders were indexed only by customer, so every
 * page scanned the whole table.
 */
export function orderListMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex("orders_unit_idx").on("orders").columns(["unit_id", "id"]).execute();
    },
  };
}
