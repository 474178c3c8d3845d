import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { type Storage, TesseraError } from "@tessera/core";
import { createSqliteStorage } from "@tessera/storage-sqlite";
import type { DatabaseConfig } from "../config/server-config";

/**
 * Opens the storage the configuration names, its schema brought up to date. SQLite: the
 * file's directory is created first. PostgreSQL is refused until @tessera/storage-postgres
 * is wired in here — this is the one place it plugs into.
 */
export async function openStorage(database: DatabaseConfig): Promise<Storage> {
  switch (database.kind) {
    case "sqlite": {
      await mkdir(dirname(database.filename), { recursive: true });
      return createSqliteStorage({ filename: database.filename });
    }
    case "postgres":
      throw new TesseraError(
        "configuration_invalid",
        "DATABASE_URL names a PostgreSQL database, but this server has no PostgreSQL storage yet: PostgreSQL support is configured via @tessera/storage-postgres. Leave DATABASE_URL empty (or use a file: URL) to run on SQLite.",
        {
          details: {
            issues: [
              {
                path: ["DATABASE_URL"],
                code: "unsupported_database",
                message: "PostgreSQL is configured via @tessera/storage-postgres",
              },
            ],
          },
        },
      );
  }
}
