/**
 * Completed sales through the library (`tessera.sales.start`, a new buyer, an approved card
 * token) on a SQLite file in WAL mode with the sandbox provider, against floors measured in
 * the same run:
 * 1. zero provider latency, one sale at a time, as a ratio to the floor of the same sale: a
 *    hand-written better-sqlite3 program writing the same rows in the same two transactions
 *    (sale-floor-rows.ts) on the same schema and pragmas, the two measured in turns
 *    (`runInTurns`, 3 windows of 1 s each) so a load that comes and goes on the machine meets
 *    both. Printed beside it: statements per sale (counted at better-sqlite3's statement
 *    methods, statement-trace.ts), the pages each commit appends to the write-ahead log (read
 *    from the log, wal-frames.ts), the share of the sale spent inside the sandbox provider, and
 *    proof that both wrote the same rows (sale-row-census.ts);
 * 2. the same figure over the old baseline, raw transactions of 5 small inserts;
 * 3. 200 ms of provider latency at concurrency 50, as a ratio to what the run could reach at
 *    best: min(50 ÷ 0.2 s, the zero-latency rate of 1.) — waiting on the provider cannot make
 *    the library faster than it is with none.
 * Inputs (buyers, card tokens) are made before each clock starts; each run is bounded in time
 * and begins with a warm-up; temp files are removed at the end. `--details` prints the
 * statements of one sale.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSqliteStorage } from "@tessera/storage-sqlite";
import BetterSqlite3 from "better-sqlite3";
import { buyerSequence } from "./bench-buyers";
import type { Benchmark, BenchResult } from "./bench-result";
import { openLibrarySales } from "./library-sales";
import { rawFiveRowTransactionsPerSecond } from "./raw-transactions";
import { censusDifferences, perSale, type RowCensus, rowsPerSale, takeRowCensus } from "./sale-row-census";
import { inputsFor, runInTurns, runSales, type SalesRate } from "./sales-run";
import { openSqliteSaleFloor } from "./sqlite-sale-floor";
import {
  countStatements,
  describeStatements,
  type StatementCounts,
  type TracedStatement,
  traceSqliteStatements,
} from "./statement-trace";
import { readWalFrames, truncateWal, type WalFrames } from "./wal-frames";

const warmUpMs = 1_000;
const measureMs = 3_000;
/** The zero-latency library and floor run in turns: this many windows each, of this length. */
const rounds = 3;
const turnWarmUpMs = 300;
const turnMs = 1_000;
const latencyMs = 200;
const concurrency = 50;
/** Sales per probe: few enough that their commits stay under SQLite's 1000-page auto-checkpoint. */
const probeSales = 8;
/** Sales before a probe: caches filled, statements prepared. */
const probeWarmUpSales = 20;

/** What a few sales did to the database: their statements, their WAL pages, their rows. */
interface Probe {
  statements: TracedStatement[];
  counts: StatementCounts;
  wal: WalFrames;
  census: RowCensus;
}

/**
 * Runs `sell` (which makes `probeSales` sales) with the WAL emptied first and the statements
 * traced, reading the log and the rows through a connection of the probe's own.
 */
async function probe(file: string, sell: () => Promise<void>): Promise<Probe> {
  const side = new BetterSqlite3(file);
  try {
    truncateWal(side);
    const before = takeRowCensus(side);
    const { statements } = await traceSqliteStatements(sell);
    const wal = readWalFrames(file);
    const counts = countStatements(statements, probeSales);
    if (wal.commits !== counts.transactions * probeSales) {
      throw new Error(
        `the WAL holds ${wal.commits} commits for ${counts.transactions * probeSales} transactions: it was checkpointed mid-probe`,
      );
    }
    return { statements, counts, wal, census: perSale(before, takeRowCensus(side), probeSales) };
  } finally {
    side.close();
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The notes a zero-latency result carries: where the library's sale stands against the floor's. */
function comparisonNotes(library: Probe, floor: Probe): Record<string, string | number> {
  const differences = censusDifferences(library.census, floor.census);
  const l = library.counts;
  const f = floor.counts;
  // Per commit, and per commit of each of the sale's transactions in order (tx1 / tx2 …).
  const pagesPerCommit = (p: Probe) => {
    const perSale = p.counts.transactions;
    const byTransaction = Array.from({ length: perSale }, (_, t) => {
      const pages = p.wal.pagesPerCommit.filter((_, i) => i % perSale === t);
      return round(pages.reduce((a, b) => a + b, 0) / pages.length);
    });
    return `${round(p.wal.frames / p.wal.commits)} [${byTransaction.join(" / ")}]`;
  };
  const kibPerSale = (p: Probe) => round((p.wal.frames * (p.wal.pageSize + 24)) / 1024 / probeSales);
  return {
    // Reads and writes, as the sale-statements test counts them (budget 16); begin/commit apart.
    statementsPerSale: `${l.reads + l.writes} (floor ${f.reads + f.writes})`,
    controlPerSale: `${l.control} begin/commit (floor ${f.control})`,
    readsPerSale: `${l.reads} (floor ${f.reads})`,
    writesPerSale: `${l.writes} (floor ${f.writes})`,
    transactionsPerSale: `${l.transactions} (floor ${f.transactions})`,
    walPagesPerCommit: `${pagesPerCommit(library)} (floor ${pagesPerCommit(floor)})`,
    walKiBPerSale: `${kibPerSale(library)} (floor ${kibPerSale(floor)})`,
    rowsPerSale: `${rowsPerSale(library.census)} (floor ${rowsPerSale(floor.census)})`,
    sameRows: differences.length === 0 ? "yes" : `NO: ${differences.join(", ")}`,
  };
}

const turn = { workers: 1, warmUpMs: turnWarmUpMs, measureMs: turnMs };

/** The floor, open on a file the library set up: its probe, and a timed window one sale at a time. */
async function openFloor(directory: string) {
  const file = join(directory, "floor.db");
  // Migrated and given the catalog by the library, then closed: the floor opens it raw.
  const setup = await openLibrarySales(await createSqliteStorage({ filename: file }), {
    latencyMs: 0,
    sales: 1,
  });
  await setup.close();
  const floor = openSqliteSaleFloor(file, setup.catalog);
  const buyers = buyerSequence();
  // After as many sales as the library's probe follows, so both B-trees are alike.
  for (const buyer of buyers(probeWarmUpSales)) floor.sell(buyer);
  const probed = buyers(probeSales);
  const floorProbe = await probe(file, async () => {
    for (const buyer of probed) floor.sell(buyer);
  });
  const pilot = buyers(200);
  const start = performance.now();
  for (const buyer of pilot) floor.sell(buyer);
  const perSecond = pilot.length / ((performance.now() - start) / 1000);
  return {
    probe: floorProbe,
    window: () => runSales({ ...turn, inputs: buyers(inputsFor(perSecond, turn)), sell: floor.sell }),
    close: async () => floor.close(),
  };
}

/**
 * The zero-latency library world, one sale at a time, sized for all its windows: a timed
 * window, and the share of the sale spent inside the provider so far.
 */
async function openFastLibrary(file: string, expectedPerSecond: number) {
  const sales = inputsFor(expectedPerSecond, turn);
  const world = await openLibrarySales(await createSqliteStorage({ filename: file }), {
    latencyMs: 0,
    sales: sales * rounds,
  });
  let busyMs = 0;
  return {
    async window() {
      const rate = await runSales({ ...turn, inputs: await world.prepare(sales), sell: world.sell });
      busyMs += rate.completed * (1000 / rate.perSecond);
      return rate;
    },
    /** Meaningful one sale at a time: the provider's time is then its own work. */
    providerShare: () => world.providerMs() / busyMs,
    close: () => world.close(),
  };
}

/** A small first library world: one sale's statements, pages and rows, and a rate to size the real run by. */
async function probeLibrary(directory: string): Promise<{ probe: Probe; perSecond: number }> {
  const file = join(directory, "pilot.db");
  const pilot = await openLibrarySales(await createSqliteStorage({ filename: file }), {
    latencyMs: 0,
    sales: 200,
  });
  try {
    for (const input of await pilot.prepare(probeWarmUpSales)) await pilot.sell(input);
    const probed = await pilot.prepare(probeSales);
    const libraryProbe = await probe(file, async () => {
      for (const input of probed) await pilot.sell(input);
    });
    const timed = await pilot.prepare(150);
    const start = performance.now();
    for (const input of timed) await pilot.sell(input);
    return { probe: libraryProbe, perSecond: timed.length / ((performance.now() - start) / 1000) };
  } finally {
    await pilot.close();
  }
}

/**
 * Library sales/s on a fresh file, `workers` at once, with inputs for about twice
 * `expectedPerSecond`; also the share of each sale's time spent inside the provider.
 */
async function measureLibrary(
  file: string,
  options: { latencyMs: number; workers: number; expectedPerSecond: number },
): Promise<{ rate: SalesRate; providerShare: number }> {
  const run = { workers: options.workers, warmUpMs, measureMs };
  const sales = inputsFor(options.expectedPerSecond, run);
  const world = await openLibrarySales(await createSqliteStorage({ filename: file }), {
    latencyMs: options.latencyMs,
    sales,
  });
  try {
    const rate = await runSales({ ...run, inputs: await world.prepare(sales), sell: world.sell });
    // Meaningful one sale at a time with no latency: the provider's time is then its own work.
    const providerShare = world.providerMs() / rate.completed / (1000 / rate.perSecond);
    return { rate, providerShare };
  } finally {
    await world.close();
  }
}

const measuredNotes = (rate: SalesRate) => ({
  sales: rate.counted,
  measuredMs: Math.round(rate.windowMs),
  warmUpMs,
});

const benchmark: Benchmark = async () => {
  const directory = await mkdtemp(join(tmpdir(), "tessera-sales-bench-"));
  const open: { close(): Promise<void> }[] = [];
  try {
    const fiveRowPerSecond = rawFiveRowTransactionsPerSecond(join(directory, "raw.db"), {
      warmUpMs,
      measureMs: measureMs - 1_000,
    });
    const floorWorld = await openFloor(directory);
    open.push(floorWorld);
    const pilot = await probeLibrary(directory);
    const fastWorld = await openFastLibrary(join(directory, "fast.db"), pilot.perSecond);
    open.push(fastWorld);
    const [floorRate, fastRate] = (await runInTurns(rounds, [floorWorld.window, fastWorld.window])) as [
      SalesRate,
      SalesRate,
    ];
    const floor = { probe: floorWorld.probe, rate: floorRate };
    const fast = { rate: fastRate, providerShare: fastWorld.providerShare() };
    const ideal = concurrency / (latencyMs / 1000);
    // Waiting on a provider never makes the library faster than it is with none.
    const reachable = Math.min(ideal, fast.rate.perSecond);
    const slow = await measureLibrary(join(directory, "slow.db"), {
      latencyMs,
      workers: concurrency,
      expectedPerSecond: reachable,
    });

    const oneSale = (p: Probe) => p.statements.slice(0, p.statements.length / probeSales);
    const zeroLatency: BenchResult = {
      name: "sales through the library, SQLite, zero-latency sandbox",
      ratio: fast.rate.perSecond / floor.rate.perSecond,
      ratioMeaning: "completed sales/s ÷ hand-written better-sqlite3 sales/s writing the same rows",
      measured: { value: fast.rate.perSecond, unit: "sales/s" },
      baseline: {
        name: "floor (raw better-sqlite3, same schema and rows)",
        value: floor.rate.perSecond,
        unit: "sales/s",
      },
      notes: {
        ...comparisonNotes(pilot.probe, floor.probe),
        providerShare: `${Math.round(fast.providerShare * 100)}%`,
        sales: fast.rate.counted,
        measuredMs: Math.round(fast.rate.windowMs),
        floorSales: floor.rate.counted,
        inTurns: `${rounds} × (${turnWarmUpMs} ms warm-up + ${turnMs} ms)`,
      },
      details: [
        `statements of one library sale (${pilot.probe.counts.total}):`,
        ...describeStatements(oneSale(pilot.probe)),
        `statements of one floor sale (${floor.probe.counts.total}):`,
        ...describeStatements(oneSale(floor.probe)),
      ],
    };
    const overFiveRows: BenchResult = {
      name: "sales through the library, SQLite, zero-latency sandbox (old baseline)",
      ratio: fast.rate.perSecond / fiveRowPerSecond,
      ratioMeaning: "completed sales/s ÷ raw better-sqlite3 5-row transactions/s",
      measured: { value: fast.rate.perSecond, unit: "sales/s" },
      baseline: {
        name: "raw 5-row transactions (WAL, synchronous NORMAL)",
        value: fiveRowPerSecond,
        unit: "tx/s",
      },
    };
    const withLatency: BenchResult = {
      name: `sales through the library, SQLite, ${latencyMs} ms provider latency, concurrency ${concurrency}`,
      ratio: slow.rate.perSecond / reachable,
      ratioMeaning: `completed sales/s ÷ min(${concurrency} ÷ ${latencyMs / 1000} s, zero-latency sales/s)`,
      measured: { value: slow.rate.perSecond, unit: "sales/s" },
      baseline: {
        name:
          reachable < ideal
            ? `zero-latency rate (below ${ideal}/s)`
            : `${concurrency} ÷ ${latencyMs / 1000} s`,
        value: reachable,
        unit: "sales/s",
      },
      notes: measuredNotes(slow.rate),
    };
    return [zeroLatency, overFiveRows, withLatency];
  } finally {
    for (const world of open) await world.close();
    await rm(directory, { recursive: true, force: true });
  }
};

export default benchmark;
