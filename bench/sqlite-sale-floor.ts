import { createIdGenerator } from "@tessera/core";
import BetterSqlite3 from "better-sqlite3";
import type { BenchBuyer } from "./bench-buyers";
import { type SaleCatalog, type SaleFloorStep, saleFloorSale, saleFloorSql } from "./sale-floor-rows";

/** The floor sale on SQLite: raw better-sqlite3, every statement prepared once. */
export interface SqliteSaleFloor {
  sell(buyer: BenchBuyer): void;
  /** The floor's own connection, for the WAL checkpoint before a measurement. */
  connection: BetterSqlite3.Database;
  close(): void;
}

/**
 * Opens `file` — already migrated, with the catalog in it — with the pragmas
 * `openSqliteConnection` of `@tessera/storage-sqlite` sets (WAL, foreign keys on,
 * `synchronous = NORMAL`, the same busy timeout), and sells through hand-written
 * statements. Transactions begin `IMMEDIATE`, as the library's do.
 */
export function openSqliteSaleFloor(file: string, catalog: SaleCatalog): SqliteSaleFloor {
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = NORMAL");
  const statements = Object.fromEntries(
    Object.entries(saleFloorSql).map(([name, sql]) => [name, db.prepare(sql)]),
  ) as Record<keyof typeof saleFloorSql, BetterSqlite3.Statement>;
  const ids = createIdGenerator();
  const write = (steps: readonly SaleFloorStep[]) => {
    for (const [name, parameters] of steps) statements[name].run(...parameters);
  };
  const writeAhead = db.transaction((sale: ReturnType<typeof saleFloorSale>) => {
    for (const [name, parameters] of sale.writeAhead.lookups) {
      if (statements[name].get(...parameters) !== undefined)
        throw new Error(`a bench buyer is not new (${name})`);
    }
    write(sale.writeAhead.writes);
  });
  const answer = db.transaction((steps: SaleFloorStep[]) => write(steps));
  return {
    sell(buyer) {
      const sale = saleFloorSale(catalog, buyer, ids);
      writeAhead.immediate(sale);
      answer.immediate(sale.answer());
    },
    connection: db,
    close: () => db.close(),
  };
}
