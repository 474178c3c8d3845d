import type { Insertable, Kysely } from "kysely";
import type { ColumnCodec } from "./column-codec";
import type { CompiledQueryCache } from "./compiled-query-cache";
import type { Database, OutboxTable } from "./database";
import type { StorageDialect } from "./storage-dialect";

/** What every repository is built from: where to run queries, and how values are encoded. */
export interface RepositoryContext {
  /** The database, or the open transaction when the repositories belong to `transaction(fn)`. */
  readonly db: Kysely<Database>;
  readonly dialect: StorageDialect;
  readonly codec: ColumnCodec;
  /** The storage's compiled hot statements, shared by every transaction. */
  readonly queries: CompiledQueryCache;
  /**
   * Inside `transaction(fn)`: the outbox rows of the events appended so far, written as one
   * multi-row insert when `fn` returns, just before the commit (see the outbox repository).
   * Null outside a transaction.
   */
  readonly deferredOutboxRows: Insertable<OutboxTable>[] | null;
}

/**
 * Runs `fn` atomically: inside the caller's transaction when there is one, else in a new
 * transaction — so a multi-statement operation (a wallet append, a batch insert) is
 * all-or-nothing whether it is called on the storage or on `tx`.
 */
export function atomically<T>(ctx: RepositoryContext, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return ctx.db.isTransaction ? fn(ctx.db) : ctx.db.transaction().execute(fn);
}
