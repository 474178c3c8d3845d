import type { ContractRepository } from "@tessera/core";
import { pageLimit, toPage } from "../page-request";
import type { RepositoryContext } from "../repository-context";
import { assertSameVersion, changedColumns, updateVersioned } from "../versioned-update";
import { writeUnique } from "../write-conflict";
import { contractFromRow, contractToRow } from "./contract-row";
import { hasUnpaidInstallmentWhoseLatestPayment } from "./unpaid-installment-payment-filter";

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

    async listNeedingNextPeriod(request) {
      let query = db
        .selectFrom("contracts")
        .selectAll()
        .where("status", "=", "active")
        .where("next_period_on", "<=", request.onOrBefore);
      if (request.unitId) query = query.where("unit_id", "=", request.unitId);
      const after = request.after;
      if (after)
        query = query.where((eb) =>
          eb.or([
            eb("next_period_on", ">", after.nextPeriodOn),
            eb.and([eb("next_period_on", "=", after.nextPeriodOn), eb("id", ">", after.id)]),
          ]),
        );
      const rows = await query.orderBy("next_period_on").orderBy("id").limit(request.limit).execute();
      return rows.map((row) => contractFromRow(row, codec));
    },

    async list(unitId, filter = {}) {
      const limit = pageLimit(filter);
      let query = db.selectFrom("contracts").selectAll("contracts").where("contracts.unit_id", "=", unitId);
      if (filter.status) query = query.where("contracts.status", "=", filter.status);
      if (filter.origin) query = query.where("contracts.origin", "=", filter.origin);
      if (filter.customerId) query = query.where("contracts.customer_id", "=", filter.customerId);
      if (filter.startedFrom) query = query.where("contracts.start_date", ">=", filter.startedFrom);
      if (filter.startedTo) query = query.where("contracts.start_date", "<=", filter.startedTo);
      const paymentStatus = filter.paymentStatus;
      if (paymentStatus)
        query = query.where(hasUnpaidInstallmentWhoseLatestPayment("contracts", paymentStatus));
      if (filter.after) query = query.where("contracts.id", filter.newestFirst ? "<" : ">", filter.after);
      const rows = await query
        .orderBy("contracts.id", filter.newestFirst ? "desc" : "asc")
        .limit(limit + 1)
        .execute();
      return toPage(
        rows.map((row) => contractFromRow(row, codec)),
        limit,
      );
    },
  };
}
