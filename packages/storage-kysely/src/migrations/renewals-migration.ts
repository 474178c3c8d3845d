import { type CalendarDate, type ContractTerms, termEndsOn } from "@tessera/core";
import { type Kysely, type Migration, sql } from "kysely";
import type { StorageDialect } from "../storage-dialect";

interface ContractBackfillRow {
  id: string;
  terms: unknown;
  start_date: string;
  billing_day: number;
  status: string;
  next_period_on: string | null;
}

/**
 * What the billing run reads to renew or end a contract with a fixed number of periods: its
 * `next_period_on` now also holds the day after its last period (`termEndsOn`), and each unit
 * says which terms a renewal takes (`Unit.renewalTerms`, the plan's by default). Active and
 * past-due contracts already there get the day from their terms.
 */
export function renewalsMigration(dialect: StorageDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("units")
        .addColumn("renewal_terms", "text", (c) => c.notNull().defaultTo(sql`'plan'`))
        .execute();
      const typed = db as unknown as Kysely<{ contracts: ContractBackfillRow }>;
      let after = "";
      for (;;) {
        const rows = await typed
          .selectFrom("contracts")
          .select(["id", "terms", "start_date", "billing_day", "status", "next_period_on"])
          .where("status", "in", ["active", "past_due"])
          .where("next_period_on", "is", null)
          .where("id", ">", after)
          .orderBy("id")
          .limit(500)
          .execute();
        for (const row of rows) {
          const terms = dialect.decodeJson(row.terms) as ContractTerms;
          const ends = termEndsOn(terms, row.start_date as CalendarDate, row.billing_day);
          if (ends === null) continue;
          await typed
            .updateTable("contracts")
            .set({ next_period_on: ends })
            .where("id", "=", row.id)
            .execute();
        }
        const last = rows[rows.length - 1];
        if (!last) break;
        after = last.id;
      }
    },
  };
}
