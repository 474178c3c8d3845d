import type { OrderRepository } from "@tessera/core";
import { pageLimit, toPage } from "../page-request";
import type { RepositoryContext } from "../repository-context";
import { staleWriteError, writeUnique } from "../write-conflict";
import { orderFromRow, orderToRow } from "./order-row";
import { hasUnpaidInstallmentWhoseLatestPayment } from "./unpaid-installment-payment-filter";

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

    /** Paged by id, as `contracts.list`: ids sort by creation, so `newestFirst` is descending id. */
    async list(unitId, filter = {}) {
      const limit = pageLimit(filter);
      let query = db.selectFrom("orders").selectAll("orders").where("orders.unit_id", "=", unitId);
      if (filter.status) query = query.where("orders.status", "=", filter.status);
      if (filter.customerId) query = query.where("orders.customer_id", "=", filter.customerId);
      if (filter.createdFrom) query = query.where("orders.created_at", ">=", filter.createdFrom);
      if (filter.createdBefore) query = query.where("orders.created_at", "<", filter.createdBefore);
      const paymentStatus = filter.paymentStatus;
      if (paymentStatus) query = query.where(hasUnpaidInstallmentWhoseLatestPayment("orders", paymentStatus));
      if (filter.after) query = query.where("orders.id", filter.newestFirst ? "<" : ">", filter.after);
      const rows = await query
        .orderBy("orders.id", filter.newestFirst ? "desc" : "asc")
        .limit(limit + 1)
        .execute();
      return toPage(
        rows.map((row) => orderFromRow(row, codec)),
        limit,
      );
    },
  };
}
