/**
 * Proof that the floor writes what the library writes, read from the rows themselves: per
 * table, how many rows a sale adds and how many non-NULL values each column gains. Taken
 * before and after a few sales on each database, it must come out the same for the library
 * and the floor, or the floor is not the floor of this sale.
 */
import type BetterSqlite3 from "better-sqlite3";

/** The tables a sale writes. */
export const saleTables = [
  "customers",
  "contracts",
  "installments",
  "payments",
  "payment_installments",
  "idempotency_keys",
  "recurrences",
  "outbox",
] as const;

/** `table` → `rows` and `<column>` → count of non-NULL values. */
export type RowCensus = Record<string, Record<string, number>>;

export function takeRowCensus(db: BetterSqlite3.Database): RowCensus {
  const census: RowCensus = {};
  for (const table of saleTables) {
    const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    const counts = columns.map((c) => `count("${c}") as "${c}"`).join(", ");
    census[table] = db.prepare(`select count(*) as "rows", ${counts} from "${table}"`).get() as Record<
      string,
      number
    >;
  }
  return census;
}

/** What `sales` sales added, per sale. */
export function perSale(before: RowCensus, after: RowCensus, sales: number): RowCensus {
  const added: RowCensus = {};
  for (const [table, counts] of Object.entries(after)) {
    added[table] = Object.fromEntries(
      Object.entries(counts).map(([column, n]) => [column, (n - (before[table]?.[column] ?? 0)) / sales]),
    );
  }
  return added;
}

/** Where two per-sale censuses differ, as `outbox.rows 4 ≠ 5`; empty when they agree. */
export function censusDifferences(library: RowCensus, floor: RowCensus): string[] {
  const differences: string[] = [];
  for (const [table, counts] of Object.entries(library)) {
    for (const [column, n] of Object.entries(counts)) {
      const m = floor[table]?.[column];
      if (m !== n) differences.push(`${table}.${column} ${n} ≠ ${m}`);
    }
  }
  return differences;
}

/** Rows one sale adds, all tables together. */
export function rowsPerSale(census: RowCensus): number {
  return Object.values(census).reduce((sum, counts) => sum + (counts["rows"] ?? 0), 0);
}
