import type { OrderRepository } from "@tessera/core";
import type { RepositoryContext } from "../repository-context";
import { staleWriteError, writeUnique } from "../write-conflict";
import { orderFromRow, orderToRow } from "./order-row";

export function createOrderRepository(ctx: RepositoryContext): OrderRepository {
  const { db, codec } = ctx;
  return {
    async insert(order) {
      await writeUnique(ctx, "order", () =>
        db.insertInto("orders").values(orderToRow(order, codec)).execute(),
      );
    },

    /** Compare-and-set on `version`, like every versioned entity. */
    async update(order) {
      const { id, ...changes } = orderToRow(order, codec);
      const row = await db
        .updateTable("orders")
        .set({ ...changes, version: order.version + 1 })
        .where("id", "=", id)
        .where("version", "=", order.version)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw await staleWriteError(db, "orders", "order", id, order.version);
      return orderFromRow(row, codec);
    },

    async findById(id) {
      const row = await db.selectFrom("orders").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? orderFromRow(row, codec) : null;
    },

    async listByCustomer(customerId) {
      const rows = await db
        .selectFrom("orders")
        .selectAll()
        .where("customer_id", "=", customerId)
        .orderBy("id")
        .execute();
      return rows.map((row) => orderFromRow(row, codec));
    },
  };
}
