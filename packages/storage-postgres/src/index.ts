/**
 * `@tessera/storage-postgres` — Tessera's storage on PostgreSQL through a `pg` pool, for
 * production and for several server instances and workers sharing one database. The SQL
 * itself is `@tessera/storage-kysely`'s; this package adds the driver, the column types,
 * the schema (`search_path`) and the start-up checks.
 * @module
 */
export { createPostgresStorage, type PostgresStorageOptions } from "./postgres-storage";
export { postgresStorageDialect } from "./postgres-storage-dialect";
export { formatPostgresTarget, type PostgresTarget, postgresTarget } from "./postgres-target";
