import { TesseraError, type WalletRepository } from "@tessera/core";
import { sql } from "kysely";
import { pageLimit, toPage } from "../page-request";
import { atomically, type RepositoryContext } from "../repository-context";
import { writeUnique } from "../write-conflict";
import { walletEntryFromRow, walletEntryToRow } from "./wallet-entry-row";

export function createWalletRepository(ctx: RepositoryContext): WalletRepository {
  const { db, codec } = ctx;
  return {
    /**
     * The balance moves by one guarded `UPDATE … SET balance = balance + amount WHERE
     * balance + amount >= 0`: the database re-checks the guard against the latest balance
     * under its row lock, so two concurrent debits can never both pass on a stale read.
     */
    async append(entry) {
      const { amount, currency } = entry.amount;
      return writeUnique(ctx, "walletEntry", () =>
        atomically(ctx, async (trx) => {
          await trx
            .insertInto("wallet_balances")
            .values({ customer_id: entry.customerId, currency, balance: 0 })
            .onConflict((oc) => oc.columns(["customer_id", "currency"]).doNothing())
            .execute();
          const moved = await trx
            .updateTable("wallet_balances")
            .set({ balance: sql<number>`balance + ${amount}` })
            .where("customer_id", "=", entry.customerId)
            .where("currency", "=", currency)
            .where(sql<boolean>`balance + ${amount} >= 0`)
            .returning("balance")
            .executeTakeFirst();
          if (!moved) {
            throw new TesseraError(
              "insufficient_balance",
              `The wallet of customer ${entry.customerId} cannot cover ${-amount} ${currency}.`,
              { details: { entity: "wallet", id: entry.customerId, currency, amount } },
            );
          }
          await trx.insertInto("wallet_entries").values(walletEntryToRow(entry)).execute();
          return { balance: { amount: codec.readBigint(moved.balance), currency } };
        }),
      );
    },

    async findById(id) {
      const row = await db.selectFrom("wallet_entries").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? walletEntryFromRow(row, codec) : null;
    },

    async balance(customerId, currency) {
      const row = await db
        .selectFrom("wallet_balances")
        .select("balance")
        .where("customer_id", "=", customerId)
        .where("currency", "=", currency)
        .executeTakeFirst();
      return { amount: row ? codec.readBigint(row.balance) : 0, currency };
    },

    async listEntries(customerId, page = {}) {
      const limit = pageLimit(page);
      let query = db.selectFrom("wallet_entries").selectAll().where("customer_id", "=", customerId);
      if (page.after) query = query.where("id", ">", page.after);
      const rows = await query
        .orderBy("id")
        .limit(limit + 1)
        .execute();
      return toPage(
        rows.map((row) => walletEntryFromRow(row, codec)),
        limit,
      );
    },
  };
}
