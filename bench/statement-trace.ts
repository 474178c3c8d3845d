/**
 * Counts the SQL statements a piece of code executes, from outside the library: it wraps
 * the methods every query ends in — better-sqlite3's `Statement#run/get/all/iterate`, and
 * `pg.Client#query` — for the length of one call, then puts them back. The packages have no
 * hook for this, and need none: Kysely's drivers execute each query through exactly these
 * methods (a cached statement is prepared once but executed through them every time).
 */
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";

/** What one statement did: control of a transaction, a read, or a write. */
export type StatementKind = "transaction" | "read" | "write";

export interface TracedStatement {
  sql: string;
  kind: StatementKind;
  /**
   * The transaction it ran in, numbered from 1 within the trace; 0 when it ran on its own
   * (autocommit). `begin` and `commit` belong to the transaction they open and close.
   */
  transaction: number;
}

export function statementKind(sql: string): StatementKind {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? "";
  if (["begin", "commit", "rollback", "savepoint", "release", "start", "end"].includes(verb))
    return "transaction";
  if (verb === "select" || verb === "with" || verb === "pragma") return "read";
  return "write";
}

/** Numbers statements by transaction as they arrive on one connection. */
function createTransactionCounter(into: TracedStatement[]) {
  let transactions = 0;
  let open = false;
  return (sql: string) => {
    const kind = statementKind(sql);
    const verb = sql.trim().split(/\s+/)[0]?.toLowerCase();
    if (kind === "transaction" && (verb === "begin" || verb === "start")) {
      transactions++;
      open = true;
    }
    into.push({ sql: sql.trim().replace(/\s+/g, " "), kind, transaction: open ? transactions : 0 });
    if (kind === "transaction" && (verb === "commit" || verb === "rollback" || verb === "end")) open = false;
  };
}

type StatementMethod = "run" | "get" | "all" | "iterate";
const statementMethods: StatementMethod[] = ["run", "get", "all", "iterate"];

/**
 * Runs `fn` while every better-sqlite3 statement executed in this process is recorded.
 * Meant for one sale at a time: anything else running meanwhile is recorded too.
 */
export async function traceSqliteStatements<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; statements: TracedStatement[] }> {
  const probe = new BetterSqlite3(":memory:");
  const prototype = Object.getPrototypeOf(probe.prepare("select 1")) as Record<
    StatementMethod,
    (this: BetterSqlite3.Statement, ...args: unknown[]) => unknown
  >;
  probe.close();
  const statements: TracedStatement[] = [];
  const record = createTransactionCounter(statements);
  const originals = statementMethods.map((method) => [method, prototype[method]] as const);
  for (const [method, original] of originals) {
    prototype[method] = function (this: BetterSqlite3.Statement, ...args: unknown[]) {
      record(this.source);
      return original.apply(this, args);
    };
  }
  try {
    return { result: await fn(), statements };
  } finally {
    for (const [method, original] of originals) prototype[method] = original;
  }
}

/**
 * Runs `fn` while every `pg` query executed in this process (pool clients are `pg.Client`s)
 * is recorded. One sale at a time, as for SQLite.
 */
export async function tracePostgresStatements<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; statements: TracedStatement[] }> {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  const statements: TracedStatement[] = [];
  const record = createTransactionCounter(statements);
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first] = args;
    const text = typeof first === "string" ? first : (first as { text?: string } | undefined)?.text;
    if (text !== undefined) record(text);
    return original.apply(this, args);
  };
  try {
    return { result: await fn(), statements };
  } finally {
    prototype.query = original;
  }
}

/** Statements per sale, by kind and by transaction, from a trace of `sales` sales. */
export interface StatementCounts {
  total: number;
  reads: number;
  writes: number;
  /** `begin`, `commit` and the like. */
  control: number;
  transactions: number;
}

export function countStatements(statements: readonly TracedStatement[], sales = 1): StatementCounts {
  const of = (kind: StatementKind) => statements.filter((s) => s.kind === kind).length / sales;
  return {
    total: statements.length / sales,
    reads: of("read"),
    writes: of("write"),
    control: of("transaction"),
    transactions: new Set(statements.map((s) => s.transaction).filter((t) => t > 0)).size / sales,
  };
}

/**
 * One line per statement, shortened for reading: column lists and rows of values become
 * counts, so a line names the table, the verb and the condition.
 */
export function describeStatements(statements: readonly TracedStatement[]): string[] {
  return statements.map((s) => {
    const where = s.transaction === 0 ? "autocommit" : `tx ${s.transaction}`;
    const sql = s.sql
      .replace(/\((?:"[a-z_]+"(?:, )?){3,}\)/g, (list) => `(${list.split(",").length} columns)`)
      .replace(/values (\((?:\?|\$\d+|'[^']*'|\d+)(?:, (?:\?|\$\d+|'[^']*'|\d+))*\)(?:, )?)+/g, (rows) => {
        const n = rows.split("), (").length;
        return `values ${n} row${n === 1 ? "" : "s"}`;
      })
      .replace(
        /set ((?:"[a-z_]+" = (?:\?|\$\d+)(?:, )?){3,})/g,
        (set) => `set ${set.split(",").length} columns `,
      )
      .replace(
        /select "customers"\.\*, case when exists \(.*?\) then 'blocked' else 'active' end as "status"/,
        'select "customers".*, <blocked?> as "status"',
      );
    return `${where.padEnd(10)} ${s.kind.padEnd(11)} ${sql}`;
  });
}
