import { type Storage, TesseraError } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { withMigrationRetry } from "./migration-retry";

function failingStorage(failures: unknown[]): { storage: Storage; calls: () => number } {
  let calls = 0;
  const storage = {
    async migrate() {
      const failure = failures[calls++];
      if (failure) throw failure;
    },
  } as unknown as Storage;
  return { storage, calls: () => calls };
}

const droppedSchema = () =>
  new TesseraError("storage_failure", "Migrating the postgres database failed.", {
    cause: Object.assign(new Error('schema "zz_other" does not exist'), { code: "3F000" }),
  });

describe("withMigrationRetry", () => {
  it("retries a migration failed by another session's schema drop during the table scan", async () => {
    const { storage, calls } = failingStorage([droppedSchema(), droppedSchema()]);
    await withMigrationRetry(storage).migrate();
    expect(calls()).toBe(3);
  });

  it("gives up after five such failures, and never retries any other failure", async () => {
    const always = failingStorage(Array.from({ length: 9 }, droppedSchema));
    await expect(withMigrationRetry(always.storage).migrate()).rejects.toThrow(/Migrating/);
    expect(always.calls()).toBe(5);
    const other = failingStorage([new TesseraError("storage_failure", "disk full")]);
    await expect(withMigrationRetry(other.storage).migrate()).rejects.toThrow(/disk full/);
    expect(other.calls()).toBe(1);
  });
});
