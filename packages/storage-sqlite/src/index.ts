/**
 * `@tessera/storage-sqlite` — Tessera's storage on SQLite through better-sqlite3: WAL,
 * foreign keys, a busy timeout, migrations on open. The SQL itself is
 * `@tessera/storage-kysely`'s; this package adds the driver, the pragmas and the dialect.
 * @module
 */
export { createSqliteStorage, type SqliteStorageOptions } from "./sqlite-storage";
export { sqliteStorageDialect } from "./sqlite-storage-dialect";
