import { type Kysely, type Migration, sql } from "kysely";
import type { StorageDialect } from "../storage-dialect";

/**
 * The billing run's e-mail reminders (`InstallmentRepository.listUnreminded`/`recordReminder`):
 * one row per installment and kind sent, its key making a second worker's insert a no-op,
 * and each unit's reminder days (`Unit.reminderDays`: 3 days before the due date, 3 after).
 */
export function dueRemindersMigration(dialect: StorageDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("units")
        .addColumn("reminder_days", dialect.columnTypes.json, (c) =>
          c.notNull().defaultTo(sql`'{"before":3,"after":3}'`),
        )
        .execute();
      await db.schema
        .createTable("installment_reminders")
        .addColumn("installment_id", "text", (c) => c.notNull().references("installments.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("sent_at", dialect.columnTypes.instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("installment_reminders_pk", ["installment_id", "kind"])
        .execute();
    },
  };
}
