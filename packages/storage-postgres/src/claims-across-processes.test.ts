import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runClaimWorkers } from "./testing/claim-workers";
import { seedDueInstallments } from "./testing/seed-due-installments";
import { openTestDatabase, testDatabaseUrl } from "./testing/test-database";

const database = await openTestDatabase();
afterAll(() => database.close());

/**
 * Sized by items, not by time: `npm test` runs 4,000, `npm run test:soak` (`TESSERA_SOAK=1`)
 * 20,000. A run takes a few ms an item idle and about 11 at load 14 on 2 cores; the limits
 * allow 100, so only a hang crosses them.
 */
const itemCount = process.env["TESSERA_SOAK"] === "1" ? 20_000 : 4_000;
const workersTimeoutMs = 30_000 + itemCount * 100;
/** The workers' run, plus seeding the items and reading them back. */
const testTimeoutMs = workersTimeoutMs + 30_000;
const items = itemCount.toLocaleString("en-US");

vi.setConfig({ testTimeout: testTimeoutMs });

/** Every installment's final row, read straight from the table. */
async function finalRows(schema: string) {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{
      id: string;
      status: string;
      version: number;
      lease_owner: string | null;
      lease_version: number;
    }>(`select id, status, version, lease_owner, lease_version from "${schema}".installments`);
    return rows;
  } finally {
    await client.end();
  }
}

// Separate processes, each with its own pool, are what "several instances" means; PGlite
// lives inside one process and cannot be shared, so these rules need the server.
describe.skipIf(database.kind !== "server")("claims across 4 worker processes on PostgreSQL", () => {
  let schema: string;
  let cleanup: () => Promise<void>;
  let seeder: pg.Client;

  beforeAll(async () => {
    seeder = new pg.Client({ connectionString: testDatabaseUrl });
    await seeder.connect();
  });
  afterAll(() => seeder.end());

  async function seed() {
    const under = await database.freshStorage();
    schema = under.schema;
    cleanup = under.cleanup;
    await seedDueInstallments(seeder, schema, itemCount);
  }

  it(`processes each of ${items} due items exactly once`, async () => {
    await seed();
    try {
      const reports = await runClaimWorkers({
        url: testDatabaseUrl,
        schema,
        workers: 4,
        leaseMs: 30_000,
        batchSize: 50,
        itemDelayMs: 0,
        concurrency: 50,
        timeoutMs: workersTimeoutMs,
      });
      const done = reports.flatMap((report) => report.done);
      expect(done).toHaveLength(itemCount);
      expect(new Set(done).size).toBe(itemCount);
      // Each worker took part: the claims were shared, not serialized behind one.
      for (const report of reports) expect(report.done.length).toBeGreaterThan(0);
      // The database agrees: every row confirmed by exactly one accepted write (version 0 → 1).
      const rows = await finalRows(schema);
      expect(rows).toHaveLength(itemCount);
      expect(rows.filter((row) => row.status !== "confirmed" || row.version !== 1)).toEqual([]);
      expect(rows.filter((row) => row.lease_owner !== null)).toEqual([]);
    } finally {
      await cleanup();
    }
  });

  it("lets the other workers take over the expired leases of a worker killed mid-run, still completing each item once", async () => {
    await seed();
    try {
      const reports = await runClaimWorkers({
        url: testDatabaseUrl,
        schema,
        workers: 4,
        // Short, so the takeover waits seconds; the rules below hold however often a busy
        // machine lets a live worker's lease run out too.
        leaseMs: 3_000,
        batchSize: 50,
        // One item after another, a few ms each; worker-0 kills itself once it has completed
        // 75 (1½ batches), at a completion that leaves items of its batch unfinished: it
        // dies holding leases on items it has not completed.
        itemDelayMs: 2,
        concurrency: 1,
        killFirstAfter: 75,
        timeoutMs: workersTimeoutMs,
      });
      const [killed, ...survivors] = reports;
      expect(killed?.killed).toBe(true);
      expect(killed?.finishedAt).toBeNull();
      expect(killed?.held.length).toBeGreaterThan(0);

      const rows = await finalRows(schema);
      // No completion lost, none doubled: every row went from version 0 to 1 exactly once,
      // and each completion the database accepted was reported once.
      expect(rows.filter((row) => row.status !== "confirmed" || row.version !== 1)).toEqual([]);
      const done = reports.flatMap((report) => report.done);
      expect(done).toHaveLength(itemCount);
      expect(new Set(done).size).toBe(itemCount);
      // The items the killed worker died holding were claimed again (their lease version
      // moved past 1) and completed by the survivors.
      const leaseVersion = new Map(rows.map((row) => [row.id, row.lease_version]));
      const bySurvivors = new Set(survivors.flatMap((report) => report.done));
      const notTakenOver = killed!.held.filter(
        (id) => !bySurvivors.has(id) || (leaseVersion.get(id) ?? 0) <= 1,
      );
      expect(notTakenOver).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});
