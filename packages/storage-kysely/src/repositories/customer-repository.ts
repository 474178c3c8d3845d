import { type CustomerRepository, customerSearchTerms } from "@tessera/core";
import { sql } from "kysely";
import { pageLimit, toPage } from "../page-request";
import type { RepositoryContext } from "../repository-context";
import { staleWriteError, writeUnique } from "../write-conflict";
import { customerFromRow, customerToRow } from "./customer-row";
import { customerIsBlocked, selectCustomers } from "./customer-status";

/** `%`, `_` and the escape itself match literally in a search (already folded: `customerSearchTerms`). */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createCustomerRepository(ctx: RepositoryContext): CustomerRepository {
  const { db, codec } = ctx;
  const findById = async (id: string) => {
    const { rows } = await ctx.queries.execute(db, "customers.findById", { id }, (db, v) =>
      selectCustomers(db).where("customers.id", "=", v.id),
    );
    return rows[0] ? customerFromRow(rows[0], codec) : null;
  };
  return {
    async insert(customer) {
      await writeUnique(ctx, "customer", () =>
        ctx.queries.execute(db, "customers.insert", customerToRow(customer, codec), (db, row) =>
          db.insertInto("customers").values(row),
        ),
      );
    },

    /**
     * `insert … on conflict (organization_id, document_key) where document_key is not null
     * do nothing`: the partial unique index that makes documents unique also decides, so no
     * read comes first; a customer without a document is outside the index and never conflicts.
     */
    async insertIfNewDocument(customer) {
      const { numAffectedRows } = await writeUnique(ctx, "customer", () =>
        ctx.queries.execute(db, "customers.insertIfNewDocument", customerToRow(customer, codec), (db, row) =>
          db
            .insertInto("customers")
            .values(row)
            .onConflict((conflict) =>
              conflict
                .columns(["organization_id", "document_key"])
                .where("document_key", "is not", null)
                .doNothing(),
            ),
        ),
      );
      return numAffectedRows === 1n;
    },

    async update(customer) {
      const { id, ...changes } = customerToRow(customer, codec);
      const row = await writeUnique(ctx, "customer", () =>
        db
          .updateTable("customers")
          .set({ ...changes, version: customer.version + 1 })
          .where("id", "=", id)
          .where("version", "=", customer.version)
          .returning("id")
          .executeTakeFirst(),
      );
      if (!row) throw await staleWriteError(db, "customers", "customer", id, customer.version);
      const stored = await findById(id);
      if (!stored) throw await staleWriteError(db, "customers", "customer", id, customer.version);
      return stored;
    },

    findById,

    async findByDocument(organizationId, documentKey) {
      const { rows } = await ctx.queries.execute(
        db,
        "customers.findByDocument",
        { organizationId, documentKey },
        (db, v) =>
          selectCustomers(db)
            .where("customers.organization_id", "=", v.organizationId)
            .where("customers.document_key", "=", v.documentKey),
      );
      return rows[0] ? customerFromRow(rows[0], codec) : null;
    },

    async list(organizationId, filter = {}) {
      const limit = pageLimit(filter);
      let query = selectCustomers(db).where("customers.organization_id", "=", organizationId);
      if (filter.after) query = query.where("customers.id", filter.newestFirst ? "<" : ">", filter.after);
      if (filter.status === "blocked") query = query.where((eb) => customerIsBlocked(eb));
      if (filter.status === "active") query = query.where((eb) => eb.not(customerIsBlocked(eb)));
      const unitId = filter.unitId;
      if (unitId) {
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom("contracts")
              .select(sql.lit(1).as("one"))
              .whereRef("contracts.customer_id", "=", "customers.id")
              .where("contracts.unit_id", "=", unitId),
          ),
        );
      }
      const terms = customerSearchTerms(filter.search ?? "");
      if (terms.length > 0) {
        query = query.where((eb) =>
          eb.or(
            terms.map(
              (term) =>
                sql<boolean>`${sql.ref("customers.search_key")} like ${likePattern(term)} escape '\\'`,
            ),
          ),
        );
      }
      const rows = await query
        .orderBy("customers.id", filter.newestFirst ? "desc" : "asc")
        .limit(limit + 1)
        .execute();
      return toPage(
        rows.map((row) => customerFromRow(row, codec)),
        limit,
      );
    },
  };
}
