import type { Instant } from "@tessera/core";
import type { StorageDialect } from "@tessera/storage-kysely";

/** better-sqlite3's codes for a write that broke a UNIQUE or PRIMARY KEY constraint. */
const uniqueViolationCodes = new Set(["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"]);

/**
 * SQLite as `@tessera/storage-kysely` needs to know it: no boolean, JSON or timestamp types
 * (integers and text, which sort the same way), and one writer at a time — so claims need
 * no row locks.
 */
export const sqliteStorageDialect: StorageDialect = {
  name: "sqlite",
  columnTypes: { instant: "text", json: "text", bigint: "integer", boolean: "integer" },
  encodeBoolean: (value) => (value ? 1 : 0),
  decodeBoolean: (raw) => raw === 1 || raw === 1n || raw === true,
  decodeJson: (raw) => (typeof raw === "string" ? JSON.parse(raw) : raw),
  decodeBigint: (raw) => Number(raw),
  decodeInstant: (raw) => (raw instanceof Date ? raw.toISOString() : String(raw)) as Instant,
  skipLockedClaims: false,
  isUniqueViolation: (error) =>
    typeof error === "object" &&
    error !== null &&
    uniqueViolationCodes.has(String((error as { code?: unknown }).code)),
};
