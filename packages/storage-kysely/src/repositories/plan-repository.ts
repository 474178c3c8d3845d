import type { PlanRepository } from "@tessera/core";
import type { RepositoryContext } from "../repository-context";
import { staleWriteError, writeUnique } from "../write-conflict";
import { planColumns, planFromRow, planToRow } from "./plan-row";

export function createPlanRepository(ctx: RepositoryContext): PlanRepository {
  const { db, codec } = ctx;
  return {
    async insert(plan) {
      await writeUnique(ctx, "plan", () => db.insertInto("plans").values(planToRow(plan, codec)).execute());
    },

    async update(plan) {
      const { id, ...changes } = planToRow(plan, codec);
      const row = await writeUnique(ctx, "plan", () =>
        db
          .updateTable("plans")
          .set({ ...changes, version: plan.version + 1 })
          .where("id", "=", id)
          .where("version", "=", plan.version)
          .returningAll()
          .executeTakeFirst(),
      );
      if (!row) throw await staleWriteError(db, "plans", "plan", id, plan.version);
      return planFromRow(row, codec);
    },

    async findById(id) {
      const { rows } = await ctx.queries.execute(db, "plans.findById", { id }, (db, v) =>
        db.selectFrom("plans").select(planColumns).where("id", "=", v.id),
      );
      return rows[0] ? planFromRow(rows[0], codec) : null;
    },

    async findByOnlineSlug(unitId, slug) {
      const row = await db
        .selectFrom("plans")
        .selectAll()
        .where("unit_id", "=", unitId)
        .where("online_slug", "=", slug)
        .executeTakeFirst();
      return row ? planFromRow(row, codec) : null;
    },

    async listByUnit(unitId, filter = {}) {
      let query = db.selectFrom("plans").selectAll().where("unit_id", "=", unitId);
      if (filter.onlineOnly) query = query.where("online_enabled", "=", codec.boolean(true));
      if (!filter.includeArchived) query = query.where("status", "=", "active");
      const rows = await query.orderBy("id").execute();
      return rows.map((row) => planFromRow(row, codec));
    },
  };
}
