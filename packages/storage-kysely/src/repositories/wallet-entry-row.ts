import type { Id, WalletEntry } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { WalletEntriesTable } from "../database";

export function walletEntryToRow(entry: WalletEntry): Insertable<WalletEntriesTable> {
  return {
    id: entry.id,
    customer_id: entry.customerId,
    unit_id: entry.unitId,
    kind: entry.kind,
    amount: entry.amount.amount,
    currency: entry.amount.currency,
    method: entry.method,
    note: entry.note,
    actor: entry.actor,
    order_id: entry.orderId,
    payment_id: entry.paymentId,
    refund_id: entry.refundId,
    reverses_entry_id: entry.reversesEntryId,
    created_at: entry.createdAt,
  };
}

export function walletEntryFromRow(row: Selectable<WalletEntriesTable>, codec: ColumnCodec): WalletEntry {
  return {
    id: row.id as Id<"walletEntry">,
    customerId: row.customer_id as Id<"customer">,
    unitId: row.unit_id as Id<"unit">,
    kind: row.kind as WalletEntry["kind"],
    amount: { amount: codec.readBigint(row.amount), currency: row.currency },
    method: row.method,
    note: row.note,
    actor: row.actor,
    orderId: row.order_id as Id<"order"> | null,
    paymentId: row.payment_id as Id<"payment"> | null,
    refundId: row.refund_id as Id<"refund"> | null,
    reversesEntryId: row.reverses_entry_id as Id<"walletEntry"> | null,
    createdAt: codec.readInstant(row.created_at),
  };
}
