import type { Storage } from "@tessera/core";
import { createKyselyStorage, type Database, migrateOnOpen } from "@tessera/storage-kysely";
import { Kysely, type LogEvent, SqliteDialect } from "kysely";
import { withImmediateTransactions } from "./immediate-transactions";
import { openSqliteConnection } from "./sqlite-connection";
import { sqliteStorageDialect } from "./sqlite-storage-dialect";
import { withStatementCache } from "./statement-cache";

export interface SqliteStorageOptions {
  /** The database file; its directory is created when missing. Default `:memory:`. */
  filename?: string;
  /** Bring the schema up to date on open. Default true; pass false to run `migrate()` yourself. */
  migrate?: boolean;
  /**
   * Called with the SQL of every query Tessera runs (not its parameters, which may hold
   * personal data), after it ran: for counting statements in a test or a benchmark, or for a
   * debug log. Transaction control (`begin immediate`, `commit`) comes through it too.
   */
  onQuery?: (sql: string) => void;
}

/**
 * Tessera's storage on a SQLite file (or in memory): the default of the reference server
 * and of tests. Several processes may share one file; SQLite lets one write at a time.
 *
 * One storage holds one connection, and its transactions queue for it. Open one storage
 * per file per process: two in one process block each other's writes inside the same
 * thread until `busy_timeout` runs out.
 *
 * @example
 * ```ts
 * const storage = await createSqliteStorage({ filename: "./data/tessera.db" });
 * const tessera = createTessera({ storage });
 * ```
 */
export async function createSqliteStorage(options: SqliteStorageOptions = {}): Promise<Storage> {
  const connection = openSqliteConnection(options.filename ?? ":memory:");
  const onQuery = options.onQuery;
  const db = new Kysely<Database>({
    dialect: withImmediateTransactions(new SqliteDialect({ database: withStatementCache(connection) })),
    ...(onQuery
      ? {
          log: (event: LogEvent) => {
            if (event.level === "query") onQuery(event.query.sql);
          },
        }
      : {}),
  });
  const storage = createKyselyStorage({ db, dialect: sqliteStorageDialect });
  return migrateOnOpen(storage, options.migrate !== false);
}
