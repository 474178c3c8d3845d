import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseConfig } from "./server-config";

/** Why a DATABASE_URL was refused; the caller names the variable or field it came from. */
export interface DatabaseUrlProblem {
  problem: string;
}

/**
 * Reads a DATABASE_URL. Empty means the SQLite file `tessera.db` in the data directory;
 * `file:` URLs name another SQLite file (relative paths are resolved against `baseDir`);
 * `postgres://` and `postgresql://` select PostgreSQL (`@tessera/storage-postgres`).
 */
export function parseDatabaseUrl(
  url: string,
  context: { dataDir: string; baseDir: string; poolSize: number },
): DatabaseConfig | DatabaseUrlProblem {
  if (url === "") return { kind: "sqlite", filename: join(context.dataDir, "tessera.db") };
  if (/^postgres(ql)?:\/\//i.test(url)) {
    // Checked here so a typo fails the start with the variable's name; the URL itself is never
    // echoed (it holds the password).
    if (!URL.canParse(url)) {
      return {
        problem: "is not a valid postgres:// URL; write it as postgres://user:password@host:5432/database",
      };
    }
    return { kind: "postgres", url, poolSize: context.poolSize };
  }
  if (/^file:/i.test(url)) {
    const rest = url.slice("file:".length);
    let path: string;
    try {
      path = rest.startsWith("//") ? fileURLToPath(url) : rest;
    } catch {
      return { problem: "must be a file: URL of a local file, such as file:./data/tessera.db" };
    }
    if (path === "" || path === ":memory:") {
      return { problem: "must name a database file, such as file:./data/tessera.db" };
    }
    return { kind: "sqlite", filename: isAbsolute(path) ? path : resolve(context.baseDir, path) };
  }
  return {
    problem:
      "must be empty (SQLite in the data directory), a file: URL such as file:./data/tessera.db, or a postgres:// URL",
  };
}
