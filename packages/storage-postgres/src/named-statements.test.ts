import type { Id, Organization } from "@tessera/core";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresStorage } from "./postgres-storage";
import { openTestDatabase, testDatabaseUrl } from "./testing/test-database";
import { randomSchemaName } from "./testing/test-schema";

const database = await openTestDatabase();
afterAll(() => database.close());

const organization = (n: number): Organization => ({
  id: `org_prepared_${n}` as Id<"organization">,
  name: `Studio ${n}`,
  createdAt: "2026-03-01T00:00:00.000Z",
});

/**
 * A storage on a pool of one connection, so `pg_prepared_statements` read through that pool
 * shows the storage's own session; `work` runs on it, the prepared statements come back.
 */
async function preparedBy(
  preparedStatements: boolean,
  work: (storage: Awaited<ReturnType<typeof createPostgresStorage>>) => Promise<void>,
): Promise<{ name: string; statement: string }[]> {
  const schema = randomSchemaName();
  const pool = new pg.Pool({ connectionString: testDatabaseUrl, max: 1 });
  try {
    const storage = await createPostgresStorage({ pool, schema, preparedStatements });
    await work(storage);
    await storage.close();
    const { rows } = await pool.query<{ name: string; statement: string }>(
      "select name, statement from pg_prepared_statements order by statement",
    );
    return rows;
  } finally {
    await pool.query(`drop schema if exists "${schema}" cascade`);
    await pool.end();
  }
}

// pg_prepared_statements and named statements need a real server's sessions.
describe.skipIf(database.kind !== "server")("named statements on PostgreSQL", () => {
  it("prepares a statement seen twice once on the connection, and runs it again by name", async () => {
    const prepared = await preparedBy(true, async (storage) => {
      for (const n of [1, 2, 3]) await storage.organizations.insert(organization(n));
    });
    const inserts = prepared.filter((p) => p.statement.startsWith('insert into "organizations"'));
    expect(inserts).toHaveLength(1);
    expect(inserts[0]?.name).toMatch(/^tessera_[0-9a-f]{24}$/);
  });

  it("never prepares a `select *`, whose result a later migration may widen", async () => {
    const prepared = await preparedBy(true, async (storage) => {
      await storage.organizations.insert(organization(1));
      for (let i = 0; i < 3; i++) await storage.organizations.findById(organization(1).id);
    });
    expect(prepared.map((p) => p.statement).filter((s) => s.includes("*"))).toEqual([]);
  });

  it("prepares nothing when told not to", async () => {
    const prepared = await preparedBy(false, async (storage) => {
      for (const n of [1, 2, 3]) await storage.organizations.insert(organization(n));
    });
    expect(prepared.filter((p) => p.name.startsWith("tessera_"))).toEqual([]);
  });
});
