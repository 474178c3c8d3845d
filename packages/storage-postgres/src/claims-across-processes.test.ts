import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runClaimWorkers } from "./testing/claim-workers";
import { seedDueInstallments } from "./testing/seed-due-installments";
import { openTestDatabase, testDatabaseUrl } from "./testing/test-database";

const database = await openTestDatabase();
afterAll(() => database.close());

const itemCount = 10_000;

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

  it("processes each of 10,000 due items exactly once", async () => {
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
        timeoutMs: 50_000,
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
  }, 60_000);

  it("lets the other workers take over the expired leases of a worker killed mid-run, still completing each item once", async () => {
    await seed();
    try {
      const reports = await runClaimWorkers({
        url: testDatabaseUrl,
        schema,
        workers: 4,
        leaseMs: 1_500,
        batchSize: 50,
        // One item after another, a few ms each, and killed mid-batch (325 = 6½ batches):
        // worker-0 dies holding leases on items it has not completed.
        itemDelayMs: 2,
        concurrency: 1,
        killFirstAfter: 325,
        timeoutMs: 50_000,
      });
      const [killed, ...survivors] = reports;
      expect(killed?.killed).toBe(true);
      expect(killed?.finishedAt).toBeNull();

      const rows = await finalRows(schema);
      // No completion lost, none doubled: every row went from version 0 to 1 exactly once.
      expect(rows.filter((row) => row.status !== "confirmed" || row.version !== 1)).toEqual([]);
      const done = reports.flatMap((report) => report.done);
      expect(new Set(done).size).toBe(done.length);
      // The killed worker's in-flight items were completed by the survivors, after its
      // leases expired: they were claimed again, so their lease version moved past 1.
      const takenOver = rows.filter((row) => row.lease_version > 1).map((row) => row.id);
      expect(takenOver.length).toBeGreaterThan(0);
      const bySurvivors = new Set(survivors.flatMap((report) => report.done));
      expect(takenOver.every((id) => bySurvivors.has(id))).toBe(true);
      // Everything the killed worker did not report, the survivors did (at most the line
      // it was killed before printing is missing from the reports; the rows hold it).
      expect(done.length).toBeGreaterThanOrEqual(itemCount - 1);
    } finally {
      await cleanup();
    }
  }, 60_000);
});
