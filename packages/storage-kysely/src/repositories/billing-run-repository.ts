import type { BillingRunRecord, BillingRunRepository, Id } from "@tessera/core";
import type { RepositoryContext } from "../repository-context";

/** Append and read only: a unit's latest runs, newest first by id (a ULID, so by time). */
export function createBillingRunRepository(ctx: RepositoryContext): BillingRunRepository {
  const { db, codec } = ctx;
  return {
    async append(record) {
      await db
        .insertInto("billing_runs")
        .values({
          id: record.id,
          unit_id: record.unitId,
          owner: record.owner,
          started_at: record.startedAt,
          finished_at: record.finishedAt,
          report: codec.json(record.report),
        })
        .execute();
    },

    async listByUnit(unitId, limit) {
      const rows = await db
        .selectFrom("billing_runs")
        .selectAll()
        .where("unit_id", "=", unitId)
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      return rows.map(
        (row): BillingRunRecord => ({
          id: row.id as Id<"billingRun">,
          unitId: row.unit_id as Id<"unit">,
          owner: row.owner,
          startedAt: codec.readInstant(row.started_at),
          finishedAt: codec.readInstant(row.finished_at),
          report: codec.readJson(row.report),
        }),
      );
    },
  };
}
