import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runStorageConformance } from "@tessera/core/testing";
import BetterSqlite3 from "better-sqlite3";
import { createSqliteStorage } from "./sqlite-storage";
import { openWorkerConnection } from "./testing/worker-connection";

const identifier = /^[a-z_]+$/;

/** Raw rows through a separate better-sqlite3 connection: the suite's independent path. */
function readRows(raw: BetterSqlite3.Database, table: string, where: Record<string, unknown> = {}) {
  const columns = Object.keys(where);
  if (![table, ...columns].every((name) => identifier.exec(name) !== null))
    throw new Error(`bad identifier in ${table}`);
  const conditions = columns.map((column) =>
    where[column] === null ? `"${column}" is null` : `"${column}" = ?`,
  );
  const values = columns.map((column) => where[column]).filter((value) => value !== null);
  const sql = `select * from "${table}"${conditions.length ? ` where ${conditions.join(" and ")}` : ""}`;
  return raw.prepare(sql).all(...values) as Record<string, unknown>[];
}

// A file in a fresh directory per scenario, so a second connection (a worker thread) can open it.
runStorageConformance({
  name: "sqlite (file, WAL)",
  async createStorage() {
    const directory = await mkdtemp(join(tmpdir(), "tessera-sqlite-"));
    const filename = join(directory, "tessera.db");
    const storage = await createSqliteStorage({ filename });
    const raw = new BetterSqlite3(filename, { readonly: true });
    return {
      storage,
      readRows: async (table, where) => readRows(raw, table, where),
      openSecondConnection: () => openWorkerConnection(filename),
      async cleanup() {
        raw.close();
        await storage.close();
        await rm(directory, { recursive: true, force: true });
      },
    };
  },
});
