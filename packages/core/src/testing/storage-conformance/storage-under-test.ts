import type { Repositories, Storage } from "../../ports/storage";

/**
 * A second, independent connection to the same database: another pool, another file
 * handle — ideally another thread or process — so the suite's concurrency scenarios race
 * for real instead of queueing behind one connection. Each call is its own transaction.
 */
export interface SecondConnection extends Repositories {
  close(): Promise<void>;
}

/**
 * One fresh, migrated storage for one scenario, plus an independent way to look at what it
 * wrote. The suite calls `createStorage` before each scenario and `cleanup` after it, so
 * scenarios never see each other's rows.
 */
export interface StorageUnderTest {
  storage: Storage;
  /**
   * The rows of `table` (optionally only those whose columns equal `where`), read through
   * the package's own driver with raw SQL — not through `storage` — so the suite checks
   * what was really written rather than the adapter agreeing with itself (STYLE 18).
   *
   * Names follow `@tessera/storage-kysely`'s schema, which a storage with another layout
   * maps to: tables are the repositories' nouns in snake_case (`organizations`, `units`,
   * `plans`, `customers`, `contracts`, `orders`, `installments`, `payments`, `refunds`, `recurrences`,
   * `wallet_entries`, `activation_codes`, `outbox`, `inbox`, `idempotency_keys`, `staff_members`,
   * `staff_sessions`, `api_keys`, `audit_log`); columns are the entity's fields in snake_case; money is `amount` + `currency` (or
   * `<field>_amount` + `<field>_currency`); a lease is `lease_owner`, `lease_expires_at`,
   * `lease_version`. Values may come back as the driver returns them (a bigint as a string,
   * an instant as a `Date`); the suite normalizes.
   */
  readRows(table: string, where?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  /** A second connection to the same database, for the concurrency scenarios. */
  openSecondConnection?(): Promise<SecondConnection>;
  /** Closes the storage and removes what `createStorage` made (files, schemas). */
  cleanup(): Promise<void>;
}
