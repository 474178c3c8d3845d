import { TesseraError, type UnitRepository } from "@tessera/core";
import { pageLimit, toPage } from "../page-request";
import type { RepositoryContext } from "../repository-context";
import { writeUnique } from "../write-conflict";
import { unitColumns, unitFromRow, unitToRow } from "./unit-row";

export function createUnitRepository(ctx: RepositoryContext): UnitRepository {
  const { db, codec } = ctx;
  return {
    async insert(unit) {
      await writeUnique(ctx, "unit", () => db.insertInto("units").values(unitToRow(unit, codec)).execute());
    },

    // Units carry no version (they change rarely, by staff): the last write wins.
    async update(unit) {
      const { id, ...changes } = unitToRow(unit, codec);
      const result = await writeUnique(ctx, "unit", () =>
        db.updateTable("units").set(changes).where("id", "=", id).executeTakeFirst(),
      );
      if (result.numUpdatedRows === 0n) {
        throw new TesseraError("not_found", `The unit ${id} does not exist.`, {
          details: { entity: "unit", id },
        });
      }
    },

    async findById(id) {
      const { rows } = await ctx.queries.execute(db, "units.findById", { id }, (db, v) =>
        db.selectFrom("units").select(unitColumns).where("id", "=", v.id),
      );
      return rows[0] ? unitFromRow(rows[0], codec) : null;
    },

    async findBySlug(slug) {
      const row = await db.selectFrom("units").selectAll().where("slug", "=", slug).executeTakeFirst();
      return row ? unitFromRow(row, codec) : null;
    },

    async listByOrganization(organizationId) {
      const rows = await db
        .selectFrom("units")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .orderBy("id")
        .execute();
      return rows.map((row) => unitFromRow(row, codec));
    },

    async list(page = {}) {
      const limit = pageLimit(page);
      let query = db.selectFrom("units").selectAll();
      if (page.after) query = query.where("id", ">", page.after);
      const rows = await query
        .orderBy("id")
        .limit(limit + 1)
        .execute();
      return toPage(
        rows.map((row) => unitFromRow(row, codec)),
        limit,
      );
    },
  };
}
