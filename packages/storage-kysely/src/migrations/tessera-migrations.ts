import type { Migration, MigrationProvider } from "kysely";
import type { StorageDialect } from "../storage-dialect";
import { backOfficeQueriesMigration } from "./back-office-queries-migration";
import { billingRunMigration } from "./billing-run-migration";
import { billingRunsMigration } from "./billing-runs-migration";
import { dueRemindersMigration } from "./due-reminders-migration";
import { initialSchemaMigration } from "./initial-schema-migration";
import { orderListMigration } from "./order-list-migration";
import { providerAccountsMigration } from "./provider-accounts-migration";
import { recurrencesMigration } from "./recurrences-migration";
import { refundRecoveryIndexMigration } from "./refund-recovery-index-migration";
import { renewalsMigration } from "./renewals-migration";
import { splitPaymentsMigration } from "./split-payments-migration";
import { staffAccessMigration } from "./staff-access-migration";
import { webhookProvenanceMigration } from "./webhook-provenance-migration";

/** The migration tables' names, so Tessera's never collide with an application's own. */
export const migrationTableName = "tessera_migration";
export const migrationLockTableName = "tessera_migration_lock";

/**
 * Every migration, in code: nothing is read from disk at run time, so a bundled or
 * published build migrates the same way the repository does. Names sort in run order.
 */
export function tesseraMigrations(dialect: StorageDialect): MigrationProvider {
  const migrations: Record<string, Migration> = {
    "0001_initial_schema": initialSchemaMigration(dialect),
    "0002_webhook_provenance": webhookProvenanceMigration(dialect),
    "0003_recurrences": recurrencesMigration(dialect),
    "0004_refund_recovery_index": refundRecoveryIndexMigration(),
    "0005_staff_access": staffAccessMigration(dialect),
    "0006_back_office_queries": backOfficeQueriesMigration(dialect),
    "0007_provider_accounts": providerAccountsMigration(dialect),
    "0008_billing_run": billingRunMigration(dialect),
    "0009_renewals": renewalsMigration(dialect),
    "0010_due_reminders": dueRemindersMigration(dialect),
    "0011_billing_runs": billingRunsMigration(dialect),
    "0012_split_payments": splitPaymentsMigration(dialect),
    "0013_order_list": orderListMigration(),
  };
  return { getMigrations: async () => migrations };
}
