import type { CustomerRepository } from "@tessera/core";
import { sql } from "kysely";
import { pageLimit, toPage } from "../page-request";
import type { RepositoryContext } from "../repository-context";
import { staleWriteError, writeUnique } from "../write-conflict";
import { customerFromRow, customerToRow } from "./customer-row";
import { customerIsBlocked, selectCustomers } from "./customer-status";

/** `%`, `_` and the escape itself match literally in a search. */
function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function createCustomerRepository(ctx: RepositoryContext): CustomerRepository {
  const { db, codec } = ctx;
  const findById = async (id: string) => {
    const row = await selectCustomers(db).where("customers.id", "=", id).executeTakeFirst();
    return row ? customerFromRow(row, codec) : null;
  };
  return {
    async insert(customer) {
      await writeUnique(ctx, "customer", () =>
        db.insertInto("customers").values(customerToRow(customer, codec)).execute(),
      );
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
      const row = await selectCustomers(db)
        .where("customers.organization_id", "=", organizationId)
        .where("customers.document_key", "=", documentKey)
        .executeTakeFirst();
      return row ? customerFromRow(row, codec) : null;
    },

    async list(organizationId, filter = {}) {
      const limit = pageLimit(filter);
      let query = selectCustomers(db).where("customers.organization_id", "=", organizationId);
      if (filter.after) query = query.where("customers.id", ">", filter.after);
      if (filter.status === "blocked") query = query.where((eb) => customerIsBlocked(eb));
      if (filter.status === "active") query = query.where((eb) => eb.not(customerIsBlocked(eb)));
      if (filter.search?.trim()) {
        const pattern = likePattern(filter.search.trim());
        query = query.where((eb) =>
          eb.or(
            (["customers.name", "customers.email", "customers.document_key"] as const).map(
              (column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`,
            ),
          ),
        );
      }
      const rows = await query
        .orderBy("customers.id")
        .limit(limit + 1)
        .execute();
      return toPage(
        rows.map((row) => customerFromRow(row, codec)),
        limit,
      );
    },
  };
}
