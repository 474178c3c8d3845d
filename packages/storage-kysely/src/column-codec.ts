import type { Instant } from "@tessera/core";
import type { StorageDialect } from "./storage-dialect";

/**
 * Row values in and out, through the dialect: row mappers call these so they never ask
 * which database they run on.
 */
export interface ColumnCodec {
  json(value: unknown): string;
  nullableJson(value: unknown): string | null;
  readJson<T>(raw: unknown): T;
  readNullableJson<T>(raw: unknown): T | null;
  boolean(value: boolean): boolean | number;
  readBoolean(raw: unknown): boolean;
  readBigint(raw: unknown): number;
  readNullableBigint(raw: unknown): number | null;
  readInstant(raw: unknown): Instant;
  readNullableInstant(raw: unknown): Instant | null;
}

export function createColumnCodec(dialect: StorageDialect): ColumnCodec {
  return {
    json: (value) => JSON.stringify(value),
    // SQL NULL, not the JSON text `null`, so `IS NULL` tests (the derived customer status) hold.
    nullableJson: (value) => (value === null || value === undefined ? null : JSON.stringify(value)),
    readJson: <T>(raw: unknown) => dialect.decodeJson(raw) as T,
    readNullableJson: <T>(raw: unknown) =>
      raw === null || raw === undefined ? null : (dialect.decodeJson(raw) as T),
    boolean: (value) => dialect.encodeBoolean(value),
    readBoolean: (raw) => dialect.decodeBoolean(raw),
    readBigint: (raw) => dialect.decodeBigint(raw),
    readNullableBigint: (raw) => (raw === null || raw === undefined ? null : dialect.decodeBigint(raw)),
    readInstant: (raw) => dialect.decodeInstant(raw),
    readNullableInstant: (raw) => (raw === null || raw === undefined ? null : dialect.decodeInstant(raw)),
  };
}
