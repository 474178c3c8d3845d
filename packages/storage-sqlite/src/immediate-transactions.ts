import { CompiledQuery, type Dialect, type Driver } from "kysely";

/**
 * Kysely's SQLite dialect, except that transactions begin `IMMEDIATE`: the write lock is
 * taken at `begin`, waiting up to `busy_timeout` for another process to finish. A plain
 * (deferred) `begin` takes it at the first write instead, and when another connection
 * wrote in between SQLite fails that write at once with SQLITE_BUSY, without waiting — the
 * classic failure of read-then-write transactions on a shared file.
 */
export function withImmediateTransactions(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver(): Driver {
      const inner = dialect.createDriver();
      return {
        init: () => inner.init(),
        acquireConnection: () => inner.acquireConnection(),
        async beginTransaction(connection) {
          await connection.executeQuery(CompiledQuery.raw("begin immediate"));
        },
        commitTransaction: (connection) => inner.commitTransaction(connection),
        rollbackTransaction: (connection) => inner.rollbackTransaction(connection),
        savepoint: inner.savepoint?.bind(inner),
        rollbackToSavepoint: inner.rollbackToSavepoint?.bind(inner),
        releaseSavepoint: inner.releaseSavepoint?.bind(inner),
        releaseConnection: (connection) => inner.releaseConnection(connection),
        destroy: () => inner.destroy(),
      };
    },
  };
}
