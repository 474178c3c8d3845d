import { termEndsOn } from "@tessera/core";
import { type Kysely, type Migration, sql } from "kysely";
import type { StorageDialect } from "../storage-dialect";
import { backfillNextPeriodOn } from "./contract-backfill";

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
      await backfillNextPeriodOn(db, dialect, ["active", "past_due"], async (contract) =>
        termEndsOn(contract.terms, contract.startDate, contract.billingDay),
      );
    },
  };
}
