import Database from "better-sqlite3";
import type { ServerConfig } from "../config/server-config";

/**
 * Test support for scrubbing tests: every row of every table of the server's SQLite file
 * (read apart from the server, as JSON text) and every log line, and which of `secrets`
 * appear in them. A PEM key is given as its body lines, so any of them kept is found.
 */
export function scanForSecrets(
  server: { config: ServerConfig; log: { lines: string[] } },
  secrets: readonly string[],
): { rows: number; logLines: number; inRows: string[]; inLogs: string[] } {
  if (server.config.database.kind !== "sqlite") throw new Error("the scan reads a SQLite file");
  const database = new Database(server.config.database.filename, { readonly: true });
  const rows: string[] = [];
  try {
    const tables = database.prepare("select name from sqlite_master where type = 'table'").all() as {
      name: string;
    }[];
    for (const { name } of tables) {
      for (const row of database.prepare(`select * from "${name}"`).all()) rows.push(JSON.stringify(row));
    }
  } finally {
    database.close();
  }
  const logs = server.log.lines;
  const wanted = secrets.filter((secret) => secret.length >= 8);
  return {
    rows: rows.length,
    logLines: logs.length,
    inRows: wanted.filter((secret) => rows.some((row) => row.includes(secret))),
    inLogs: wanted.filter((secret) => logs.some((line) => line.includes(secret))),
  };
}

/** A PEM's base64 body lines: each is the secret, not the armour around it. */
export function pemBodyLines(pem: string): string[] {
  return pem.split("\n").filter((line) => line.length > 40 && !line.startsWith("-----"));
}
