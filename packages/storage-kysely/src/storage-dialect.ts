import type { Instant } from "@tessera/core";
import type { ColumnDataType } from "kysely";

/**
 * What differs between the databases `@tessera/storage-kysely` runs on — and nothing else.
 * Every query is written once against Kysely; a dialect package (`@tessera/storage-sqlite`,
 * `@tessera/storage-postgres`) hands one of these to `createKyselyStorage` together with its
 * `Kysely` instance.
 *
 * Migration locking is not here on purpose: Kysely's `Migrator` already takes the lock its
 * adapter knows (an advisory lock on PostgreSQL; on SQLite the migration transaction, which
 * the SQLite package begins `IMMEDIATE`, is the lock).
 *
 * @example
 * ```ts
 * const postgresDialect: StorageDialect = {
 *   name: "postgres",
 *   columnTypes: { instant: "timestamptz", json: "jsonb", bigint: "bigint", boolean: "boolean" },
 *   encodeBoolean: (value) => value,
 *   decodeBoolean: (raw) => raw === true,
 *   decodeJson: (raw) => raw, // pg parses jsonb itself
 *   decodeBigint: (raw) => Number(raw), // pg returns int8 as a string
 *   decodeInstant: (raw) => (raw as Date).toISOString(),
 *   skipLockedClaims: true,
 *   isUniqueViolation: (error) => (error as { code?: string }).code === "23505",
 * };
 * ```
 */
export interface StorageDialect {
  /** `sqlite`, `postgres`: becomes `storage.dialect` and the `origin` of storage errors. */
  readonly name: string;
  /** Column types the migrations use for the four kinds of value whose type differs. */
  readonly columnTypes: {
    /** A moment in time (SQLite `text` holding ISO-8601; PostgreSQL `timestamptz`). */
    readonly instant: ColumnDataType;
    /** A JSON document (SQLite `text`; PostgreSQL `jsonb`). */
    readonly json: ColumnDataType;
    /** Money amounts and balances: minor units can exceed 2^31. */
    readonly bigint: ColumnDataType;
    readonly boolean: ColumnDataType;
  };
  /** How a boolean is written (SQLite has no boolean: 0/1). */
  encodeBoolean(value: boolean): boolean | number;
  decodeBoolean(raw: unknown): boolean;
  /**
   * How a JSON column comes back. Writes are always `JSON.stringify` text, which every
   * database casts to its JSON type; reads differ (SQLite returns the text, pg the value).
   */
  decodeJson(raw: unknown): unknown;
  /** How a `bigint` column comes back (pg returns int8 as a string to avoid precision loss). */
  decodeBigint(raw: unknown): number;
  /** How an instant column comes back, as an ISO-8601 UTC string with milliseconds. */
  decodeInstant(raw: unknown): Instant;
  /**
   * True where concurrent claimers must skip rows another transaction has locked
   * (`FOR UPDATE SKIP LOCKED`, PostgreSQL). False where a single writer already serializes
   * claims (SQLite). Either way the claim's `UPDATE` re-checks the lease, so correctness
   * never rests on this flag alone; it keeps PostgreSQL claimers from queueing on each other.
   */
  readonly skipLockedClaims: boolean;
  /** True when `error` is the database refusing a write that breaks a unique constraint. */
  isUniqueViolation(error: unknown): boolean;
}
