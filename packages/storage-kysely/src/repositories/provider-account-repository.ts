import type { ProviderAccountRepository } from "@tessera/core";
import { pageLimit, toPage } from "../page-request";
import type { RepositoryContext } from "../repository-context";
import { staleWriteError, writeUnique } from "../write-conflict";
import { providerAccountFromRow, providerAccountToRow } from "./provider-account-row";

export function createProviderAccountRepository(ctx: RepositoryContext): ProviderAccountRepository {
  const { db, codec } = ctx;
  return {
    async insert(account) {
      await writeUnique(ctx, "providerAccount", () =>
        db.insertInto("provider_accounts").values(providerAccountToRow(account)).execute(),
      );
    },

    /** The version guard is the compare-and-set: of two saves from one form, one writes. */
    async update(account) {
      const row = await db
        .updateTable("provider_accounts")
        .set({
          label: account.label,
          sealed_options: account.sealedOptions,
          updated_at: account.updatedAt,
          version: account.version + 1,
        })
        .where("id", "=", account.id)
        .where("version", "=", account.version)
        .returningAll()
        .executeTakeFirst();
      if (!row)
        throw await staleWriteError(db, "provider_accounts", "providerAccount", account.id, account.version);
      return providerAccountFromRow(row, codec);
    },

    async findById(id) {
      const row = await db
        .selectFrom("provider_accounts")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? providerAccountFromRow(row, codec) : null;
    },

    async listByUnit(unitId) {
      const rows = await db
        .selectFrom("provider_accounts")
        .selectAll()
        .where("unit_id", "=", unitId)
        .orderBy("id")
        .execute();
      return rows.map((row) => providerAccountFromRow(row, codec));
    },

    async list(page = {}) {
      const limit = pageLimit(page);
      let query = db.selectFrom("provider_accounts").selectAll();
      if (page.after !== undefined) query = query.where("id", ">", page.after);
      const rows = await query
        .orderBy("id")
        .limit(limit + 1)
        .execute();
      return toPage(
        rows.map((row) => providerAccountFromRow(row, codec)),
        limit,
      );
    },

    async delete(id, version) {
      const result = await db
        .deleteFrom("provider_accounts")
        .where("id", "=", id)
        .where("version", "=", version)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
