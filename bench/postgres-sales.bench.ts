/**
 * Completed sales through the library on PostgreSQL (`@tessera/storage-postgres`, a pool of
 * 10 connections, 10 sales at once, zero-latency sandbox) as a ratio to the floor of the same
 * sale on the same server: raw `pg`, a pool of 10, 10 at once, writing the same rows in the
 * same two transactions (sale-floor-rows.ts) with named statements, on a schema the library
 * migrated (same tables and indexes). Beside it, the statements — each one a round trip to
 * the server — of one sale of each. The two are measured in turns (`runInTurns`, 3 windows of
 * 1 s each), so a load that comes and goes on the machine meets both. Every world has a fresh
 * schema of its own, dropped at the end; with no server answering, the benchmark is skipped
 * and says why.
 */
import { randomBytes } from "node:crypto";
import { createPostgresStorage } from "@tessera/storage-postgres";
import { testDatabaseUrl } from "@tessera/storage-postgres/testing";
import pg from "pg";
import { buyerSequence } from "./bench-buyers";
import type { Benchmark, BenchResult } from "./bench-result";
import { type LibrarySales, openLibrarySales } from "./library-sales";
import { openPostgresSaleFloor } from "./postgres-sale-floor";
import { postgresUnreachable } from "./postgres-server";
import { inputsFor, runInTurns, runSales, type SalesRate } from "./sales-run";
import {
  countStatements,
  describeStatements,
  type TracedStatement,
  tracePostgresStatements,
} from "./statement-trace";

/** Each window starts with a warm-up, so every window is the steady rate, full with 10 in flight. */
const warmUpMs = 300;
const measureMs = 1_000;
const rounds = 3;
const poolSize = 10;
const concurrency = 10;
const probeSales = 8;
/** Sales before a probe: connections open, statements cached. */
const probeWarmUpSales = 20;
const name = `sales through the library, PostgreSQL, pool ${poolSize}, concurrency ${concurrency}, zero-latency sandbox`;

const run = { workers: concurrency, warmUpMs, measureMs };

/** Sales/s at `concurrency` over `inputs`, with neither warm-up nor deadline: to size a real run by. */
async function pilotRate<T>(inputs: readonly T[], sell: (input: T) => Promise<void>): Promise<number> {
  return (await runSales({ inputs, workers: concurrency, warmUpMs: 0, measureMs: 600_000, sell })).perSecond;
}

/** The schemas one run creates, each fresh, all dropped at its end. */
function createSchemas() {
  const names: string[] = [];
  return {
    fresh() {
      const schema = `tessera_bench_${randomBytes(6).toString("hex")}`;
      names.push(schema);
      return schema;
    },
    async dropAll() {
      const client = new pg.Client({ connectionString: testDatabaseUrl });
      await client.connect();
      try {
        for (const schema of names) await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

type Schemas = ReturnType<typeof createSchemas>;

async function openLibrary(schema: string, sales: number, pool = poolSize): Promise<LibrarySales> {
  const storage = await createPostgresStorage({
    url: testDatabaseUrl,
    schema,
    poolSize: pool,
    applicationName: "tessera-bench",
  });
  return openLibrarySales(storage, { latencyMs: 0, sales });
}

/**
 * The floor, open on a schema the library set up: one sale's statements, its pilot rate,
 * and a timed window to run in turns with the library's.
 */
async function openFloor(schemas: Schemas) {
  // Migrated and given the catalog by the library, then closed: the floor opens it raw.
  const schema = schemas.fresh();
  const setup = await openLibrary(schema, 1, 1);
  await setup.close();
  const floor = openPostgresSaleFloor({
    url: testDatabaseUrl,
    schema,
    poolSize,
    catalog: setup.catalog,
  });
  const buyers = buyerSequence();
  for (const buyer of buyers(probeWarmUpSales)) await floor.sell(buyer);
  const probed = buyers(probeSales);
  const { statements } = await tracePostgresStatements(async () => {
    for (const buyer of probed) await floor.sell(buyer);
  });
  const perSecond = await pilotRate(buyers(200), floor.sell);
  return {
    statements,
    window: () => runSales({ ...run, inputs: buyers(inputsFor(perSecond, run)), sell: floor.sell }),
    close: () => floor.close(),
  };
}

/** A first library world: one sale's statements, and the rate that sizes the measured world. */
async function probeLibrary(schemas: Schemas): Promise<{ statements: TracedStatement[]; perSecond: number }> {
  const pilot = await openLibrary(schemas.fresh(), 300);
  try {
    for (const input of await pilot.prepare(probeWarmUpSales)) await pilot.sell(input);
    const probed = await pilot.prepare(probeSales);
    const { statements } = await tracePostgresStatements(async () => {
      for (const input of probed) await pilot.sell(input);
    });
    return { statements, perSecond: await pilotRate(await pilot.prepare(200), pilot.sell) };
  } finally {
    await pilot.close();
  }
}

/** The measured library world, sized for all its windows, and one timed window. */
async function openMeasuredLibrary(schemas: Schemas, expectedPerSecond: number) {
  const sales = inputsFor(expectedPerSecond, run);
  const library = await openLibrary(schemas.fresh(), sales * rounds);
  return {
    window: async () => runSales({ ...run, inputs: await library.prepare(sales), sell: library.sell }),
    close: () => library.close(),
  };
}

const benchmark: Benchmark = async () => {
  const reason = await postgresUnreachable(testDatabaseUrl);
  if (reason) return [{ name, skipped: reason }];
  const schemas = createSchemas();
  const open: { close(): Promise<void> }[] = [];
  try {
    const floorWorld = await openFloor(schemas);
    open.push(floorWorld);
    const pilot = await probeLibrary(schemas);
    const libraryWorld = await openMeasuredLibrary(schemas, pilot.perSecond);
    open.push(libraryWorld);
    const [floorRate, library] = (await runInTurns(rounds, [floorWorld.window, libraryWorld.window])) as [
      SalesRate,
      SalesRate,
    ];
    const floor = { statements: floorWorld.statements, rate: floorRate };

    const l = countStatements(pilot.statements, probeSales);
    const f = countStatements(floor.statements, probeSales);
    const oneSale = (statements: TracedStatement[]) => statements.slice(0, statements.length / probeSales);
    const result: BenchResult = {
      name,
      ratio: library.perSecond / floor.rate.perSecond,
      ratioMeaning: `completed sales/s ÷ raw pg sales/s writing the same rows (pool ${poolSize}, ${concurrency} at once)`,
      measured: { value: library.perSecond, unit: "sales/s" },
      baseline: {
        name: "floor (raw pg, named statements, same schema and rows)",
        value: floor.rate.perSecond,
        unit: "sales/s",
      },
      notes: {
        // Reads and writes, as the sale-statements test counts them (budget 16); begin/commit apart.
        statementsPerSale: `${l.reads + l.writes} (floor ${f.reads + f.writes})`,
        controlPerSale: `${l.control} begin/commit (floor ${f.control})`,
        readsPerSale: `${l.reads} (floor ${f.reads})`,
        writesPerSale: `${l.writes} (floor ${f.writes})`,
        transactionsPerSale: `${l.transactions} (floor ${f.transactions})`,
        sales: library.counted,
        floorSales: floor.rate.counted,
        measuredMs: Math.round(library.windowMs),
        inTurns: `${rounds} × (${warmUpMs} ms warm-up + ${measureMs} ms)`,
      },
      details: [
        `statements of one library sale (${l.total}), each a round trip:`,
        ...describeStatements(oneSale(pilot.statements)),
        `statements of one floor sale (${f.total}):`,
        ...describeStatements(oneSale(floor.statements)),
      ],
    };
    return [result];
  } finally {
    for (const world of open) await world.close();
    await schemas.dropAll();
  }
};

export default benchmark;
