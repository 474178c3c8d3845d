import type { ContractRepository } from "@tessera/core";
import { pageLimit, toPage } from "../page-request";
import type { RepositoryContext } from "../repository-context";
import { assertSameVersion, changedColumns, updateVersioned } from "../versioned-update";
import { writeUnique } from "../write-conflict";
import { contractFromRow, contractToRow } from "./contract-row";

export function createContractRepository(ctx: RepositoryContext): ContractRepository {
  const { db, codec } = ctx;
  return {
    async insert(contract) {
      await writeUnique(ctx, "contract", () =>
        ctx.queries.execute(db, "contracts.insert", contractToRow(contract, codec), (db, row) =>
          db.insertInto("contracts").values(row),
        ),
      );
    },

    /** Every column is written from `contract` (or those that differ from `previous`): nothing is read back. */
    async update(contract, previous) {
      assertSameVersion("contract", contract, previous);
      const { id, version, ...fields } = contractToRow(contract, codec);
      await updateVersioned(ctx, db, {
        table: "contracts",
        entity: "contract",
        id,
        version: contract.version,
        changes: changedColumns(fields, previous ? contractToRow(previous, codec) : null),
      });
      return { ...contract, version: contract.version + 1 };
    },

    async findById(id) {
      const { rows } = await ctx.queries.execute(db, "contracts.findById", { id }, (db, v) =>
        db.selectFrom("contracts").selectAll().where("id", "=", v.id),
      );
      return rows[0] ? contractFromRow(rows[0], codec) : null;
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
