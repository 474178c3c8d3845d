import { PGlite } from "@electric-sql/pglite";
import type { Storage } from "@tessera/core";
import { createPostgresStorage } from "../postgres-storage";
import { pglitePool } from "./pglite-pool";
import { readRawRows } from "./raw-rows";
import { randomSchemaName, type TestDatabase } from "./test-schema";

/**
 * The fallback: one PGlite per test file, a fresh schema per storage as on the server. Its
 * one session means no second connection; the suites then race on one storage, as they
 * do on SQLite.
 */
export async function pgliteDatabase(): Promise<TestDatabase> {
  const pglite = await PGlite.create();
  return {
    kind: "pglite",
    name: "postgres (PGlite in-process)",
    async freshStorage() {
      const schema = randomSchemaName();
      const storage: Storage = await createPostgresStorage({ pool: pglitePool(pglite), schema });
      return {
        storage,
        schema,
        // PGlite's own query API: not Kysely, not the storage.
        readRows: (table, where) => readRawRows(pglite, schema, table, where),
        async cleanup() {
          await storage.close();
          await pglite.query(`drop schema if exists "${schema}" cascade`);
        },
      };
    },
    close: () => pglite.close(),
  };
}
