import { type Storage, TesseraError } from "@tessera/core";
import { type Kysely, Migrator } from "kysely";
import { createColumnCodec } from "./column-codec";
import { createCompiledQueryCache } from "./compiled-query-cache";
import type { Database } from "./database";
import {
  migrationLockTableName,
  migrationTableName,
  tesseraMigrations,
} from "./migrations/tessera-migrations";
import { writeDeferredOutboxRows } from "./repositories/outbox-repository";
import { createRepositories, TransactionRepositories } from "./repositories/repositories";
import type { RepositoryContext } from "./repository-context";
import type { StorageDialect } from "./storage-dialect";
import { createTransactionScope, guardRepositories } from "./transaction-scope";

export interface KyselyStorageOptions {
  /** A Kysely instance for the database; the storage owns it from now on (`close` destroys it). */
  db: Kysely<Database>;
  /** What differs in this database (see `StorageDialect`). */
  dialect: StorageDialect;
  /**
   * The schema that holds Tessera's migration tables, on databases with schemas. Give the
   * schema the storage's tables live in: without it, Kysely's `Migrator` counts a
   * `tessera_migration` table in *any* schema as its own, so a second Tessera schema in the
   * same PostgreSQL database would never be migrated. Omit it on SQLite.
   */
  migrationTableSchema?: string;
}

/**
 * The storage port on Kysely, for any database a `StorageDialect` describes. Dialect
 * packages call this; applications call theirs (`createSqliteStorage`, …).
 *
 * @example
 * ```ts
 * const storage = createKyselyStorage({ db: new Kysely<Database>({ dialect }), dialect: sqliteStorageDialect });
 * await storage.migrate();
 * await storage.transaction(async (tx) => {
 *   await tx.contracts.insert(contract);
 *   await tx.outbox.append([event]);
 * });
 * ```
 */
export function createKyselyStorage(options: KyselyStorageOptions): Storage {
  const { db, dialect } = options;
  const codec = createColumnCodec(dialect);
  const scope = createTransactionScope();
  const queries = createCompiledQueryCache();
  const context = (
    executor: Kysely<Database>,
    deferredOutboxRows: RepositoryContext["deferredOutboxRows"],
  ): RepositoryContext => ({
    db: executor,
    dialect,
    codec,
    queries,
    deferredOutboxRows,
  });

  return {
    dialect: dialect.name,
    ...guardRepositories(createRepositories(context(db, null)), scope),

    async migrate() {
      scope.assertOutside("storage.migrate");
      const migrator = new Migrator({
        db,
        provider: tesseraMigrations(dialect),
        migrationTableName,
        migrationLockTableName,
        ...(options.migrationTableSchema ? { migrationTableSchema: options.migrationTableSchema } : {}),
      });
      const { error } = await migrator.migrateToLatest();
      if (error) {
        throw new TesseraError("storage_failure", `Migrating the ${dialect.name} database failed.`, {
          details: { origin: dialect.name },
          cause: error,
        });
      }
    },

    async transaction(fn) {
      scope.assertOutside("storage.transaction");
      // Kysely rolls back and rethrows fn's own error, unchanged, when fn throws.
      return db.transaction().execute((trx) =>
        scope.run(() =>
          queries.withDirectConnection(trx, async () => {
            const inside = context(trx, []);
            const result = await fn(new TransactionRepositories(inside));
            await writeDeferredOutboxRows(inside);
            return result;
          }),
        ),
      );
    },

    async close() {
      await db.destroy();
    },
  };
}
