import { randomBytes } from "node:crypto";
import type { Storage } from "@tessera/core";

/** One migrated storage in a schema of its own, an independent way to read it, and its disposal. */
export interface SchemaStorage {
  storage: Storage;
  schema: string;
  readRows(table: string, where?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  /** A second storage on the same schema through a pool of its own (absent on PGlite: one session). */
  openSecondStorage?(): Promise<Storage>;
  /** Closes the storage and drops its schema. */
  cleanup(): Promise<void>;
}

/** Where the package's tests run: the real server, or PGlite in-process when none is reachable. */
export interface TestDatabase {
  kind: "server" | "pglite";
  /** For test names: `postgres 15 (127.0.0.1:5432)`, `postgres (PGlite in-process)`. */
  name: string;
  /** A fresh, randomly named schema with a migrated storage on it. */
  freshStorage(): Promise<SchemaStorage>;
  close(): Promise<void>;
}

/** `tessera_test_<12 hex>`: unique per call, so parallel runs and files never collide. */
export function randomSchemaName(): string {
  return `tessera_test_${randomBytes(6).toString("hex")}`;
}
