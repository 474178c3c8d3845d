import { nextPeriodAfter } from "@tessera/core";
import { type Kysely, type Migration, sql } from "kysely";
import type { StorageDialect } from "../storage-dialect";
import { backfillNextPeriodOn } from "./contract-backfill";

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
      const installments = db as unknown as Kysely<{
        installments: { contract_id: string | null; sequence: number };
      }>;
      await backfillNextPeriodOn(db, dialect, ["active"], async (contract) => {
        if (nextPeriodAfter(contract.terms, contract.startDate, 0) === null) return null;
        const last = await installments
          .selectFrom("installments")
          .select((eb) => eb.fn.max("sequence").as("sequence"))
          .where("contract_id", "=", contract.id)
          .executeTakeFirst();
        return nextPeriodAfter(contract.terms, contract.startDate, Number(last?.sequence ?? 1));
      });
      await db.schema
        .createIndex("contracts_next_period_idx")
        .on("contracts")
        .columns(["status", "next_period_on", "id"])
        .execute();
    },
  };
}
