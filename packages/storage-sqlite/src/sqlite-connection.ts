import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";

/** True for the names SQLite gives databases that live in no file. */
export function isInMemory(filename: string): boolean {
  return filename === "" || filename === ":memory:" || filename.startsWith("file::memory:");
}

/**
 * Opens a better-sqlite3 connection set up the way Tessera relies on:
 * - `journal_mode = WAL` (files only): readers never block the writer, or it them;
 * - `foreign_keys = ON`: SQLite leaves references unchecked unless asked, per connection;
 * - `busy_timeout = 5000`: another process's write makes us wait, not fail;
 * - `synchronous = NORMAL`: with WAL, durable across application crashes; a power cut may
 *   lose the last commits but never corrupts the file (the SQLite documentation's advice).
 * The file's directory is created when missing.
 */
export function openSqliteConnection(filename: string): BetterSqlite3.Database {
  if (!isInMemory(filename)) mkdirSync(dirname(filename), { recursive: true });
  const connection = new BetterSqlite3(filename);
  if (!isInMemory(filename)) connection.pragma("journal_mode = WAL");
  connection.pragma("foreign_keys = ON");
  connection.pragma("busy_timeout = 5000");
  connection.pragma("synchronous = NORMAL");
  return connection;
}
