import type { Storage } from "@tessera/core";
import pg from "pg";
import { createPostgresStorage } from "../postgres-storage";
import { type RawQuerier, readRawRows } from "./raw-rows";
import { randomSchemaName, type TestDatabase } from "./test-schema";

/** The server every machine of this project has (DESIGN.md §7); override for another one. */
export const testDatabaseUrl =
  process.env["TESSERA_TEST_DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * As long as the storage's own connect timeout: a busy machine can take seconds to answer,
 * and giving up sooner would quietly test PGlite and skip the multi-process tests. A
 * missing server costs nothing here — a closed port refuses at once.
 */
const probeTimeoutMs = 10_000;

async function serverReachable(
  url: string,
): Promise<{ ok: true; version: string } | { ok: false; error: unknown }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: probeTimeoutMs });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>("show server_version");
    return { ok: true, version: rows[0]?.server_version ?? "?" };
  } catch (error) {
    return { ok: false, error };
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The database for this test file. The PostgreSQL server at `testDatabaseUrl` when it
 * answers; otherwise PGlite, announced once with `console.warn` — except in CI (`CI=true`),
 * where a missing server fails the run instead of quietly testing something else.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const probe = await serverReachable(testDatabaseUrl);
  if (probe.ok) return serverDatabase(testDatabaseUrl, probe.version);
  const reason = probe.error instanceof Error ? probe.error.message : String(probe.error);
  if (process.env["CI"] === "true") {
    throw new Error(
      `PostgreSQL is not reachable at ${new URL(testDatabaseUrl).host} (${reason}), and CI=true: start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) — CI never falls back to PGlite.`,
    );
  }
  console.warn(
    `[storage-postgres] PostgreSQL is not reachable at ${new URL(testDatabaseUrl).host} (${reason}); running on PGlite in-process instead. The multi-process tests need a server and are skipped.`,
  );
  const { pgliteDatabase } = await import("./pglite-database");
  return pgliteDatabase();
}

function serverDatabase(url: string, version: string): TestDatabase {
  return {
    kind: "server",
    name: `postgres ${version.split(" ")[0]} (${new URL(url).host})`,
    async freshStorage() {
      const schema = randomSchemaName();
      const raw = new pg.Client({ connectionString: url });
      await raw.connect();
      let storage: Storage;
      try {
        storage = await createPostgresStorage({ url, schema, poolSize: 4, applicationName: "tessera-test" });
      } catch (error) {
        await raw.end();
        throw error;
      }
      return {
        storage,
        schema,
        readRows: (table, where) => readRawRows(raw as RawQuerier, schema, table, where),
        openSecondStorage: () =>
          createPostgresStorage({
            url,
            schema,
            poolSize: 4,
            migrate: false,
            applicationName: "tessera-test-2",
          }),
        async cleanup() {
          try {
            await storage.close();
            await raw.query(`drop schema if exists "${schema}" cascade`);
          } finally {
            await raw.end();
          }
        },
      };
    },
    async close() {},
  };
}
