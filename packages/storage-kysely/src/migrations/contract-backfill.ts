import type { CalendarDate, ContractTerms } from "@tessera/core";
import type { Kysely } from "kysely";
import type { StorageDialect } from "../storage-dialect";

/** A contract as a migration's backfill reads it: its terms decoded, its schedule's anchor. */
export interface BackfillContract {
  id: string;
  terms: ContractTerms;
  startDate: CalendarDate;
  billingDay: number;
}

interface ContractBackfillRow {
  id: string;
  terms: unknown;
  start_date: string;
  billing_day: number;
  status: string;
  next_period_on: string | null;
}

/**
 * Walks the contracts in `statuses` with no `next_period_on` yet, 500 at a time by id, and
 * sets each one's to what `nextOn` answers (left alone when it answers null). A migration's
 * backfill: it reads only the columns that exist since 0001, so later migrations' columns
 * never matter.
 */
export async function backfillNextPeriodOn(
  db: Kysely<unknown>,
  dialect: StorageDialect,
  statuses: readonly string[],
  nextOn: (contract: BackfillContract) => Promise<CalendarDate | null>,
): Promise<void> {
  const typed = db as unknown as Kysely<{ contracts: ContractBackfillRow }>;
  let after = "";
  for (;;) {
    const rows = await typed
      .selectFrom("contracts")
      .select(["id", "terms", "start_date", "billing_day"])
      .where("status", "in", [...statuses])
      .where("next_period_on", "is", null)
      .where("id", ">", after)
      .orderBy("id")
      .limit(500)
      .execute();
    for (const row of rows) {
      const next = await nextOn({
        id: row.id,
        terms: dialect.decodeJson(row.terms) as ContractTerms,
        startDate: row.start_date as CalendarDate,
        billingDay: row.billing_day,
      });
      if (next !== null)
        await typed.updateTable("contracts").set({ next_period_on: next }).where("id", "=", row.id).execute();
    }
    const last = rows[rows.length - 1];
    if (!last) return;
    after = last.id;
  }
}
