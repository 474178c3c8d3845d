import type { Id, Order } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { OrdersTable } from "../database";

export function orderToRow(order: Order, codec: ColumnCodec): Insertable<OrdersTable> {
  return {
    id: order.id,
    unit_id: order.unitId,
    customer_id: order.customerId,
    items: codec.json(order.items),
    total_amount: order.total.amount,
    total_currency: order.total.currency,
    installment_count: order.installmentCount,
    status: order.status,
    paid_from_balance: codec.boolean(order.paidFromBalance),
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    version: order.version,
  };
}

export function orderFromRow(row: Selectable<OrdersTable>, codec: ColumnCodec): Order {
  return {
    id: row.id as Id<"order">,
    unitId: row.unit_id as Id<"unit">,
    customerId: row.customer_id as Id<"customer">,
    items: codec.readJson(row.items),
    total: { amount: codec.readBigint(row.total_amount), currency: row.total_currency },
    installmentCount: row.installment_count,
    status: row.status as Order["status"],
    paidFromBalance: codec.readBoolean(row.paid_from_balance),
    createdAt: codec.readInstant(row.created_at),
    updatedAt: codec.readInstant(row.updated_at),
    version: row.version,
  };
}
