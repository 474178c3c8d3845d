import { createIdGenerator } from "@tessera/core";
import pg from "pg";
import type { BenchBuyer } from "./bench-buyers";
import {
  numberedPlaceholders,
  type SaleCatalog,
  type SaleFloorStep,
  saleFloorSale,
  saleFloorSql,
} from "./sale-floor-rows";

/** The floor sale on PostgreSQL: raw `pg`, a pool of its own, named (server-side prepared) statements. */
export interface PostgresSaleFloor {
  sell(buyer: BenchBuyer): Promise<void>;
  close(): Promise<void>;
}

const text = Object.fromEntries(
  Object.entries(saleFloorSql).map(([name, sql]) => [name, numberedPlaceholders(sql)]),
) as Record<keyof typeof saleFloorSql, string>;

/**
 * A pool of `poolSize` connections to `url` whose `search_path` is `schema` (migrated, with
 * the catalog in it). Each statement is named, so every connection parses and plans it once
 * and then only binds and executes it. One connection per transaction, given back between
 * the two, as the library's pool does while the provider answers.
 */
export function openPostgresSaleFloor(options: {
  url: string;
  schema: string;
  poolSize: number;
  catalog: SaleCatalog;
}): PostgresSaleFloor {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    options: `-c search_path=${options.schema}`,
    application_name: "tessera-bench-floor",
  });
  const ids = createIdGenerator();
  const run = (client: pg.PoolClient, [name, values]: SaleFloorStep) =>
    client.query({ name, text: text[name], values: [...values] });

  async function transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query("begin");
      await work(client);
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    async sell(buyer) {
      const sale = saleFloorSale(options.catalog, buyer, ids);
      await transaction(async (client) => {
        for (const step of sale.writeAhead.lookups) {
          if ((await run(client, step)).rowCount !== 0)
            throw new Error(`a bench buyer is not new (${step[0]})`);
        }
        for (const step of sale.writeAhead.writes) await run(client, step);
      });
      await transaction(async (client) => {
        for (const step of sale.answer()) await run(client, step);
      });
    },
    close: () => pool.end(),
  };
}
