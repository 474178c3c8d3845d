import { type CalendarDate, type ContractTerms, nextPeriodAfter } from "@tessera/core";
import { type Kysely, type Migration, sql } from "kysely";
import type { StorageDialect } from "../storage-dialect";

interface ContractBackfillRow {
  id: string;
  terms: unknown;
  start_date: string;
  next_period_on: string | null;
}

/**
 * What the billing run reads to schedule open-ended contracts' next periods: `next_period_on`
 * (`Contract.nextPeriodOn`), indexed with the status so a run finds the due ones without
 * reading every contract. Active open-ended contracts already there get it from their
 * installments: the period after the last one scheduled. Units get their dunning schedule
 * (`Unit.dunningRetryDays`).
 */
export function billingRunMigration(dialect: StorageDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("contracts").addColumn("next_period_on", "text").execute();
      // Units already there get the default schedule (`defaultDunningRetryDays`).
      await db.schema
        .alterTable("units")
        .addColumn("dunning_retry_days", dialect.columnTypes.json, (c) =>
          c.notNull().defaultTo(sql`'[1,3,7]'`),
        )
        .execute();
      const typed = db as unknown as Kysely<{
        contracts: ContractBackfillRow & { status: string };
        installments: { contract_id: string | null; sequence: number };
      }>;
      let after = "";
      for (;;) {
        const rows = await typed
          .selectFrom("contracts")
          .select(["id", "terms", "start_date", "next_period_on"])
          .where("status", "=", "active")
          .where("id", ">", after)
          .orderBy("id")
          .limit(500)
          .execute();
        for (const row of rows) {
          const terms = dialect.decodeJson(row.terms) as ContractTerms;
          if (nextPeriodAfter(terms, row.start_date as CalendarDate, 0) === null) continue;
          const last = await typed
            .selectFrom("installments")
            .select((eb) => eb.fn.max("sequence").as("sequence"))
            .where("contract_id", "=", row.id)
            .executeTakeFirst();
          const next = nextPeriodAfter(terms, row.start_date as CalendarDate, Number(last?.sequence ?? 1));
          await typed
            .updateTable("contracts")
            .set({ next_period_on: next })
            .where("id", "=", row.id)
            .execute();
        }
        const last = rows[rows.length - 1];
        if (!last) break;
        after = last.id;
      }
      await db.schema
        .createIndex("contracts_next_period_idx")
        .on("contracts")
        .columns(["status", "next_period_on", "id"])
        .execute();
    },
  };
}
