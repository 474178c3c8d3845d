import type { ContractRepository } from "@tessera/core";
import { pageLimit, toPage } from "../page-request";
import type { RepositoryContext } from "../repository-context";
import { staleWriteError, writeUnique } from "../write-conflict";
import { contractFromRow, contractToRow } from "./contract-row";

export function createContractRepository(ctx: RepositoryContext): ContractRepository {
  const { db, codec } = ctx;
  return {
    async insert(contract) {
      await writeUnique(ctx, "contract", () =>
        db.insertInto("contracts").values(contractToRow(contract, codec)).execute(),
      );
    },

    async update(contract) {
      const { id, ...changes } = contractToRow(contract, codec);
      const row = await db
        .updateTable("contracts")
        .set({ ...changes, version: contract.version + 1 })
        .where("id", "=", id)
        .where("version", "=", contract.version)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw await staleWriteError(db, "contracts", "contract", id, contract.version);
      return contractFromRow(row, codec);
    },

    async findById(id) {
      const row = await db.selectFrom("contracts").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? contractFromRow(row, codec) : null;
    },

    async listByCustomer(customerId) {
      const rows = await db
        .selectFrom("contracts")
        .selectAll()
        .where("customer_id", "=", customerId)
        .orderBy("id")
        .execute();
      return rows.map((row) => contractFromRow(row, codec));
    },

    async list(unitId, filter = {}) {
      const limit = pageLimit(filter);
      let query = db.selectFrom("contracts").selectAll().where("unit_id", "=", unitId);
      if (filter.status) query = query.where("status", "=", filter.status);
      if (filter.after) query = query.where("id", ">", filter.after);
      const rows = await query
        .orderBy("id")
        .limit(limit + 1)
        .execute();
      return toPage(
        rows.map((row) => contractFromRow(row, codec)),
        limit,
      );
    },
  };
}
