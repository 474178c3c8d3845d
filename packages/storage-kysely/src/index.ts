/**
 * `@tessera/storage-kysely` — the Tessera storage port written once on Kysely and shared by
 * the SQLite and PostgreSQL packages. A dialect package supplies a `Kysely<Database>` and a
 * `StorageDialect` (what differs between databases) to `createKyselyStorage`.
 * @module
 */

export type * from "./database";
export { createKyselyStorage, type KyselyStorageOptions } from "./kysely-storage";
export { migrateOnOpen } from "./migrate-on-open";
export {
  migrationLockTableName,
  migrationTableName,
  tesseraMigrations,
} from "./migrations/tessera-migrations";
export type { StorageDialect } from "./storage-dialect";
