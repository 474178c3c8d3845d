import { type Id, isTesseraError, type Organization } from "@tessera/core";
import { rejection } from "@tessera/core/testing";
import { tesseraMigrations } from "@tessera/storage-kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresStorage } from "./postgres-storage";
import { postgresStorageDialect } from "./postgres-storage-dialect";
import { openTestDatabase, testDatabaseUrl } from "./testing/test-database";
import { randomSchemaName } from "./testing/test-schema";

const database = await openTestDatabase();
afterAll(() => database.close());

async function withRawClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe("createPostgresStorage", () => {
  it("refuses a schema name that is not a plain identifier, before connecting", async () => {
    const error = await rejection(
      createPostgresStorage({ url: testDatabaseUrl, schema: 'x"; drop table y; --' }),
    );
    expect(error.code).toBe("configuration_invalid");
    expect(error.details.issues?.[0]?.path).toEqual(["schema"]);
  });

  it("refuses to start without a url or a pool", async () => {
    expect((await rejection(createPostgresStorage({}))).code).toBe("configuration_invalid");
    expect((await rejection(createPostgresStorage({ url: "not a url" }))).code).toBe("configuration_invalid");
  });

  it("fails at start when nothing listens, naming host and port and what to check, never the password", async () => {
    const error = await rejection(
      createPostgresStorage({ url: "postgres://tessera:s3cr3t-pw@127.0.0.1:5999/studio", schema: "tessera" }),
    );
    expect(error.code).toBe("storage_failure");
    expect(error.message).toContain(
      "Cannot connect to PostgreSQL at 127.0.0.1:5999/studio (connection refused) — is PostgreSQL running and the URL right?",
    );
    expect(JSON.stringify(error.details)).not.toContain("s3cr3t-pw");
    expect(String(error.cause)).not.toContain("s3cr3t-pw");
    expect(error.details).toMatchObject({
      host: "127.0.0.1",
      port: 5999,
      database: "studio",
      user: "tessera",
    });
  });
});

// The rules below need a real server: several pools, a database that can be missing.
describe.skipIf(database.kind !== "server")("createPostgresStorage on the PostgreSQL server", () => {
  it("names a database that does not exist and how to create it", async () => {
    const url = new URL(testDatabaseUrl);
    url.pathname = "/tessera_no_such_database";
    const error = await rejection(createPostgresStorage({ url: url.href }));
    expect(error.message).toContain('(database "tessera_no_such_database" does not exist)');
    expect(error.message).toContain("createdb tessera_no_such_database");
  });

  it("migrates an empty schema exactly once when two instances start at the same moment", async () => {
    const schema = randomSchemaName();
    try {
      const [a, b] = await Promise.all([
        createPostgresStorage({ url: testDatabaseUrl, schema, poolSize: 2 }),
        createPostgresStorage({ url: testDatabaseUrl, schema, poolSize: 2 }),
      ]);
      await Promise.all([a.close(), b.close()]);
      const expected = Object.keys(await tesseraMigrations(postgresStorageDialect).getMigrations());
      const { rows } = await withRawClient((client) =>
        client.query<{ name: string; runs: string }>(
          `select name, count(*) as runs from "${schema}".tessera_migration group by name order by name`,
        ),
      );
      expect(rows.map((row) => [row.name, Number(row.runs)])).toEqual(expected.map((name) => [name, 1]));
    } finally {
      await withRawClient((client) => client.query(`drop schema if exists "${schema}" cascade`));
    }
  });

  it("keeps two Tessera schemas of one database apart: each is migrated and sees only its own rows", async () => {
    const first = await database.freshStorage();
    const second = await database.freshStorage();
    try {
      const organization: Organization = {
        id: "org_only_in_first" as Id<"organization">,
        name: "First",
        createdAt: "2026-03-01T00:00:00.000Z",
      };
      await first.storage.organizations.insert(organization);
      expect(await second.storage.organizations.findById(organization.id)).toBeNull();
      const migrations = Object.keys(await tesseraMigrations(postgresStorageDialect).getMigrations());
      expect((await second.readRows("tessera_migration")).map((row) => row["name"]).sort()).toEqual(
        migrations.sort(),
      );
    } finally {
      await first.cleanup();
      await second.cleanup();
    }
  });

  it("borrows a pool it is given: close() leaves it open for the application", async () => {
    const schema = randomSchemaName();
    const pool = new pg.Pool({ connectionString: testDatabaseUrl, max: 2 });
    try {
      const storage = await createPostgresStorage({ pool, schema });
      await storage.close();
      const { rows } = await pool.query<{ one: number }>("select 1 as one");
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.query(`drop schema if exists "${schema}" cascade`);
      await pool.end();
    }
  });

  it("reports a refused write as the port's conflict, from SQLSTATE 23505", async () => {
    const under = await database.freshStorage();
    try {
      const organization: Organization = {
        id: "org_twice" as Id<"organization">,
        name: "Twice",
        createdAt: "2026-03-01T00:00:00.000Z",
      };
      await under.storage.organizations.insert(organization);
      const error = await under.storage.organizations.insert(organization).catch((e: unknown) => e);
      expect(isTesseraError(error, "conflict")).toBe(true);
    } finally {
      await under.cleanup();
    }
  });
});
