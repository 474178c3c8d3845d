import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/**
 * A connection whose `prepare` reuses statements already prepared for the same SQL.
 * Kysely's SQLite driver prepares every query afresh, and preparing is most of what a
 * short query costs; Tessera's queries are a few hundred distinct texts, so a bounded
 * cache (least recently used out first) saves that work without growing without end.
 * Safe because the driver runs each statement to completion (`all`/`run`) before the next
 * one; Tessera never streams rows through a statement that could be reused meanwhile.
 */
export function withStatementCache(connection: BetterSqlite3.Database, capacity = 512): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      statements.clear();
      connection.close();
    },
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached) {
        // Re-inserting moves it to the back: the map's order is the recency order.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = connection.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > capacity) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
