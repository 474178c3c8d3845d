import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { withStatementCache } from "./statement-cache";

describe("withStatementCache", () => {
  it("prepares one SQL text once and reuses the statement", () => {
    const connection = new BetterSqlite3(":memory:");
    const cached = withStatementCache(connection);
    const first = cached.prepare("select 1 as one");
    expect(cached.prepare("select 1 as one")).toBe(first);
    expect(cached.prepare("select 2 as two")).not.toBe(first);
    cached.close();
  });

  it("evicts the least recently used statement beyond its capacity", () => {
    const connection = new BetterSqlite3(":memory:");
    const cached = withStatementCache(connection, 2);
    const a = cached.prepare("select 'a'");
    const b = cached.prepare("select 'b'");
    expect(cached.prepare("select 'a'")).toBe(a); // a is now the most recent
    cached.prepare("select 'c'"); // evicts b
    expect(cached.prepare("select 'a'")).toBe(a);
    expect(cached.prepare("select 'b'")).not.toBe(b);
    cached.close();
  });

  it("keeps a reused statement correct after the schema changes", () => {
    const connection = new BetterSqlite3(":memory:");
    const cached = withStatementCache(connection);
    cached.prepare("create table t (x integer)").run([]);
    cached.prepare("insert into t (x) values (?)").run([1]);
    expect(cached.prepare("select * from t").all([])).toEqual([{ x: 1 }]);
    cached.prepare("alter table t add column y integer").run([]);
    expect(cached.prepare("select * from t").all([])).toEqual([{ x: 1, y: null }]);
    expect(connection.open).toBe(true);
    cached.close();
    expect(connection.open).toBe(false);
  });
});
