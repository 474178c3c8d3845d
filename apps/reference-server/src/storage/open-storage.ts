import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { isTesseraError, type Storage, TesseraError } from "@tessera/core";
import { createPostgresStorage, formatPostgresTarget, postgresTarget } from "@tessera/storage-postgres";
import { createSqliteStorage } from "@tessera/storage-sqlite";
import type { DatabaseConfig } from "../config/server-config";

/**
 * Opens the storage the configuration names, its schema brought up to date. SQLite: the
 * file's directory is created first. PostgreSQL: the pool is opened and the database
 * probed now, so a wrong or unreachable DATABASE_URL stops the start with a message that
 * names the variable, the host and what to check — never the URL, which holds the password.
 */
export async function openStorage(database: DatabaseConfig): Promise<Storage> {
  switch (database.kind) {
    case "sqlite": {
      await mkdir(dirname(database.filename), { recursive: true });
      return createSqliteStorage({ filename: database.filename });
    }
    case "postgres":
      try {
        return await createPostgresStorage({
          url: database.url,
          poolSize: database.poolSize,
          applicationName: "tessera-server",
        });
      } catch (error) {
        throw databaseUrlFailure(error, database.url);
      }
  }
}

/** A start-up failure of PostgreSQL, restated as the setting the operator must fix. */
function databaseUrlFailure(error: unknown, url: string): unknown {
  if (!isTesseraError(error, "storage_failure") || typeof error.details["reason"] !== "string") return error;
  const target = postgresTarget(url);
  const where = target ? ` to ${formatPostgresTarget(target)}` : "";
  const advice = typeof error.details["advice"] === "string" ? ` — ${error.details["advice"]}` : "";
  const reason = error.details["reason"];
  return new TesseraError(
    "configuration_invalid",
    `DATABASE_URL: cannot connect${where} (${reason})${advice}`,
    {
      details: {
        origin: "postgres",
        issues: [
          {
            path: ["DATABASE_URL"],
            code: "database_unreachable",
            message: `cannot connect${where} (${reason})`,
          },
        ],
      },
      cause: error,
    },
  );
}
