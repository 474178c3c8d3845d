import type { PlanRepository } from "@tessera/core";
import type { Selectable } from "kysely";
import type { UnitsTable } from "../database";
import type { RepositoryContext } from "../repository-context";
import { staleWriteError, writeUnique } from "../write-conflict";
import { planColumns, planFromRow, planToRow } from "./plan-row";
import { unitColumns, unitFromRow } from "./unit-row";

/** The unit's columns beside the plan's, each under a name no plan column has (`unit__slug`). */
const unitAliases = unitColumns.map((column) => `units.${column} as unit__${column}` as const);
const qualifiedPlanColumns = planColumns.map((column) => `plans.${column}` as const);

/** The unit's own row, out of a row of the plan joined with its unit. */
function unitRowOf(row: Record<string, unknown>): Selectable<UnitsTable> {
  const unit: Record<string, unknown> = {};
  for (const column of unitColumns) unit[column] = row[`unit__${column}`];
  return unit as unknown as Selectable<UnitsTable>;
}

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

    async findInUnit(unitId, planId) {
      // One statement where a sale read the unit and the plan apart: on SQLite each read
      // outside a transaction is a read transaction of its own, and each costs a round trip.
      const { rows } = await ctx.queries.execute(db, "plans.findInUnit", { planId, unitId }, (db, v) =>
        db
          .selectFrom("plans")
          .innerJoin("units", "units.id", "plans.unit_id")
          .select([...qualifiedPlanColumns, ...unitAliases])
          .where("plans.id", "=", v.planId)
          .where("plans.unit_id", "=", v.unitId),
      );
      const row = rows[0];
      return row ? { plan: planFromRow(row, codec), unit: unitFromRow(unitRowOf(row), codec) } : null;
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
