import { rejection } from "@tessera/core/testing";
import { tesseraMigrations } from "@tessera/storage-kysely";
import { postgresStorageDialect } from "@tessera/storage-postgres";
import { randomSchemaName, testDatabaseUrl } from "@tessera/storage-postgres/testing";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openStorage } from "./open-storage";

async function serverAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

// In CI the server must be there (DESIGN.md §7): a missing one fails instead of skipping.
const onServer = (await serverAnswers()) || process.env["CI"] === "true";

describe("openStorage with DATABASE_URL=postgres://…", () => {
  it("fails at start naming DATABASE_URL, the host and what to check, and never the password", async () => {
    const error = await rejection(
      openStorage({ kind: "postgres", url: "postgres://studio:hunter2@127.0.0.1:5999/tessera", poolSize: 2 }),
    );
    expect(error.code).toBe("configuration_invalid");
    expect(error.message).toContain(
      "DATABASE_URL: cannot connect to 127.0.0.1:5999/tessera (connection refused) — is PostgreSQL running and the URL right?",
    );
    expect(error.message).not.toContain("hunter2");
    expect(JSON.stringify(error.details)).not.toContain("hunter2");
    expect(error.details.issues?.[0]?.path).toEqual(["DATABASE_URL"]);
  });

  it.skipIf(!onServer)(
    "opens and migrates PostgreSQL in the schema the URL's search_path names",
    async () => {
      const schema = randomSchemaName();
      const admin = new pg.Client({ connectionString: testDatabaseUrl });
      await admin.connect();
      try {
        await admin.query(`create schema "${schema}"`);
        const url = new URL(testDatabaseUrl);
        url.searchParams.set("options", `-c search_path=${schema}`);
        const storage = await openStorage({ kind: "postgres", url: url.href, poolSize: 2 });
        expect(storage.dialect).toBe("postgres");
        await storage.close();
        const { rows } = await admin.query<{ name: string }>(
          `select name from "${schema}".tessera_migration`,
        );
        // Every migration the storage declares, applied in that schema (not a list copied here,
        // which went stale with the first migration after the initial one).
        const declared = Object.keys(await tesseraMigrations(postgresStorageDialect).getMigrations());
        expect(declared).toContain("0001_initial_schema");
        expect(rows.map((row) => row.name).sort()).toEqual(declared.sort());
      } finally {
        await admin.query(`drop schema if exists "${schema}" cascade`);
        await admin.end();
      }
    },
  );
});
