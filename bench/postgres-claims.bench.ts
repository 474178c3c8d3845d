/**
 * Claim throughput on PostgreSQL, 4 worker processes against 1, on a latency-bound run:
 * every item "takes" 50 ms (a provider call) before its fenced completion, and each worker
 * works its batch of 10 concurrently, as the billing run's bounded pool does. The ratio
 * is 4-worker items/s ÷ 1-worker items/s from the same run (ideal 4); the duplicate count
 * — items completed more than once, from the workers' reports — must be 0.
 */
import {
  openTestDatabase,
  runClaimWorkers,
  seedDueInstallments,
  testDatabaseUrl,
} from "@tessera/storage-postgres/testing";
import pg from "pg";
import type { Benchmark, BenchResult } from "./bench-result";
import { postgresUnreachable } from "./postgres-server";

const itemDelayMs = 50;
const batchSize = 10;
/** About 3 s of work per worker: bounded, yet long against start-up noise. */
const itemsPerWorker = 600;

interface Measured {
  itemsPerSecond: number;
  duplicates: number;
  items: number;
}

async function measure(workers: number): Promise<Measured> {
  const database = await openTestDatabase();
  if (database.kind !== "server")
    throw new Error("the PostgreSQL claims benchmark needs a PostgreSQL server");
  const under = await database.freshStorage();
  const seeder = new pg.Client({ connectionString: testDatabaseUrl });
  await seeder.connect();
  try {
    const items = itemsPerWorker * workers;
    await seedDueInstallments(seeder, under.schema, items);
    const reports = await runClaimWorkers({
      url: testDatabaseUrl,
      schema: under.schema,
      workers,
      leaseMs: 60_000,
      batchSize,
      itemDelayMs,
      concurrency: batchSize,
      timeoutMs: 60_000,
    });
    const done = reports.flatMap((report) => report.done);
    const start = Math.min(...reports.map((report) => report.startedAt ?? Number.POSITIVE_INFINITY));
    const end = Math.max(...reports.map((report) => report.finishedAt ?? 0));
    return {
      itemsPerSecond: done.length / ((end - start) / 1000),
      duplicates: done.length - new Set(done).size,
      items,
    };
  } finally {
    await seeder.end();
    await under.cleanup();
    await database.close();
  }
}

const name = "postgres claims, 4 workers vs 1 (50 ms per item)";

const benchmark: Benchmark = async () => {
  // Worker processes need a server; PGlite (the tests' fallback) is one process's alone.
  const reason = await postgresUnreachable(testDatabaseUrl);
  if (reason) return [{ name, skipped: reason }];
  const one = await measure(1);
  const four = await measure(4);
  const result: BenchResult = {
    name,
    ratio: four.itemsPerSecond / one.itemsPerSecond,
    ratioMeaning: "4-worker items/s ÷ 1-worker items/s (ideal 4)",
    measured: { value: four.itemsPerSecond, unit: "items/s (4 workers)" },
    baseline: { name: "1 worker", value: one.itemsPerSecond, unit: "items/s" },
    notes: {
      duplicates: one.duplicates + four.duplicates,
      items: `${one.items}+${four.items}`,
      batch: batchSize,
      itemDelayMs,
    },
  };
  return [result];
};

export default benchmark;
