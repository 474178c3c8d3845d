import type { Instant } from "@tessera/core";
import type { StorageDialect } from "@tessera/storage-kysely";

/** SQLSTATE `unique_violation`: a write broke a UNIQUE or PRIMARY KEY constraint. */
const uniqueViolation = "23505";

/**
 * PostgreSQL as `@tessera/storage-kysely` needs to know it: real `timestamptz`, `jsonb`,
 * `bigint` and `boolean` columns, and many writers at once — so claimers skip the rows
 * another transaction has locked (`FOR UPDATE SKIP LOCKED`) instead of queueing on them.
 *
 * The decoders follow what `pg` returns with its default type parsers: `int8` as a string
 * (it will not round a value past 2^53 silently; our minor units never get there),
 * `timestamptz` as a `Date`, `jsonb` already parsed.
 */
export const postgresStorageDialect: StorageDialect = {
  name: "postgres",
  columnTypes: { instant: "timestamptz", json: "jsonb", bigint: "bigint", boolean: "boolean" },
  encodeBoolean: (value) => value,
  decodeBoolean: (raw) => raw === true,
  decodeJson: (raw) => raw,
  decodeBigint: (raw) => Number(raw),
  decodeInstant: (raw) => new Date(raw as Date | string).toISOString() as Instant,
  skipLockedClaims: true,
  isUniqueViolation: (error) =>
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === uniqueViolation,
};
