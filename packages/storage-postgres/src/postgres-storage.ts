import { type Storage, TesseraError } from "@tessera/core";
import { createKyselyStorage, type Database, migrateOnOpen } from "@tessera/storage-kysely";
import { CompiledQuery, Kysely, PostgresDialect, type PostgresPool, sql } from "kysely";
import pg from "pg";
import { borrowedPool } from "./borrowed-pool";
import { connectionFailure } from "./connection-failure";
import { withMigrationRetry } from "./migration-retry";
import { withNamedStatements } from "./named-statements";
import { postgresStorageDialect } from "./postgres-storage-dialect";
import { postgresTarget } from "./postgres-target";
import { quotedSchemaName } from "./schema-name";

export interface PostgresStorageOptions {
  /** `postgres://user:password@host:5432/database`. Either this or `pool`. */
  url?: string;
  /**
   * A pool the application already has (a `pg.Pool`, or anything Kysely's PostgreSQL
   * dialect accepts). The storage borrows it: `close()` leaves it open.
   */
  pool?: PostgresPool;
  /** Connections in the pool the storage creates from `url`. Default 10. */
  poolSize?: number;
  /**
   * The schema Tessera's tables live in; created when missing, and set as the `search_path`
   * of every connection the storage uses. Default: the connection's current schema
   * (usually `public`). Give each Tessera its own to share a database with other tables.
   */
  schema?: string;
  /** Bring the schema up to date on start. Default true; pass false to run `migrate()` yourself. */
  migrate?: boolean;
  /** Shown in `pg_stat_activity`, to tell instances apart. Default `tessera`. */
  applicationName?: string;
  /**
   * Run repeated statements as named, server-side prepared statements, parsed and planned
   * once per connection (see `withNamedStatements`). Default true with `url`; pass false
   * behind a connection pooler that does not keep prepared statements per client (PgBouncer
   * before 1.21 in transaction mode). Default false with `pool`, which need not be `pg`'s
   * (its clients must take `query({ name, text, values })`); pass true for a `pg.Pool`.
   */
  preparedStatements?: boolean;
}

const defaultPoolSize = 10;
/** Long enough for a busy server, short enough that a wrong host fails the start promptly. */
const connectTimeoutMs = 10_000;
/** SQLSTATEs of a `CREATE SCHEMA IF NOT EXISTS` that lost a race to an identical one. */
const schemaRaceCodes = new Set(["23505", "42P06"]);

/**
 * Tessera's storage on PostgreSQL: the shared SQL of `@tessera/storage-kysely` over a `pg`
 * pool. Several server instances and workers may share one database: claims skip rows
 * another holds (`FOR UPDATE SKIP LOCKED`) under leases fenced by a version, and
 * migrations take an advisory lock, so instances starting together migrate once.
 *
 * Fails at start, with `storage_failure` naming host, port and database (never the
 * password) and what to check, when the server cannot be reached or used.
 *
 * @example
 * ```ts
 * const storage = await createPostgresStorage({ url: process.env.DATABASE_URL, poolSize: 20 });
 * const tessera = createTessera({ storage, gateways });
 * ```
 */
export async function createPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  const schema = options.schema === undefined ? null : quotedSchemaName(options.schema);
  const target = options.url ? postgresTarget(options.url) : null;
  if (options.pool === undefined && (options.url === undefined || target === null)) {
    throw new TesseraError(
      "configuration_invalid",
      options.url === undefined
        ? "createPostgresStorage needs a url (postgres://user:password@host:5432/database) or a pool."
        : "The PostgreSQL URL is not a URL; write it as postgres://user:password@host:5432/database.",
      {
        details: {
          origin: "postgres",
          issues: [{ path: ["url"], code: "invalid_url", message: "must be a postgres:// URL" }],
        },
      },
    );
  }

  const connections = options.pool ? borrowedPool(options.pool) : ownPool(options);
  const prepared = options.preparedStatements ?? options.pool === undefined;
  const pool = prepared ? withNamedStatements(connections) : connections;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      // Once per physical connection, before its first query: every statement, the
      // migrator's included, then resolves unqualified table names in our schema.
      ...(schema
        ? {
            onCreateConnection: (connection) =>
              connection.executeQuery(CompiledQuery.raw(`set search_path to ${schema}`)).then(() => {}),
          }
        : {}),
    }),
  });

  let migrationTableSchema: string;
  try {
    migrationTableSchema = await prepareSchema(db, schema, options.schema);
  } catch (error) {
    await db.destroy();
    throw error instanceof TesseraError ? error : connectionFailure(error, target);
  }

  const storage = createKyselyStorage({ db, dialect: postgresStorageDialect, migrationTableSchema });
  return migrateOnOpen(withMigrationRetry(storage), options.migrate !== false);
}

function ownPool(options: PostgresStorageOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? defaultPoolSize,
    application_name: options.applicationName ?? "tessera",
    connectionTimeoutMillis: connectTimeoutMs,
  });
  // An idle connection the server drops (a restart, a failover) is reported here and
  // discarded by the pool; unheard, the event would crash the process. The next query
  // opens a fresh connection, and fails — to its caller — if the server is still gone.
  pool.on("error", () => {});
  return pool;
}

/**
 * Creates the schema when one is named (concurrent starts may race to it; the loser's
 * error is ignored) and returns the schema the tables go to — also where the migration
 * tables must live (see `migrationTableSchema` in `@tessera/storage-kysely`). The first
 * query here is also the start-up probe: an unreachable server fails now, not on first use.
 */
async function prepareSchema(db: Kysely<Database>, quoted: string | null, name?: string): Promise<string> {
  if (quoted && name) {
    try {
      await sql.raw(`create schema if not exists ${quoted}`).execute(db);
    } catch (error) {
      if (!schemaRaceCodes.has(String((error as { code?: unknown }).code))) throw error;
    }
    return name;
  }
  const { rows } = await sql<{ name: string | null }>`select current_schema() as name`.execute(db);
  const current = rows[0]?.name;
  if (!current) {
    throw new TesseraError(
      "configuration_invalid",
      "The PostgreSQL connection's search_path names no existing schema; pass `schema` to createPostgresStorage.",
      {
        details: {
          origin: "postgres",
          issues: [{ path: ["schema"], code: "required", message: "no current schema" }],
        },
      },
    );
  }
  return current;
}
