import { describe, expect, it } from "vitest";
import type { FileStore } from "../ports/file-store";
import {
  type FileStoreScenarioId,
  fileStoreScenarios,
  runFileStoreConformance,
} from "./file-store-conformance";
import { createMemoryFileStore } from "./memory-file-store";

runFileStoreConformance({
  name: "memory",
  createFileStore: async () => ({ store: createMemoryFileStore(), cleanup: async () => undefined }),
});

/** Runs one scenario against `store`. */
const runScenario = (id: FileStoreScenarioId, store: FileStore) => fileStoreScenarios[id].run({ store });

// The suite is only worth running if it fails for the stores it exists to catch.
describe("the file store conformance scenarios", () => {
  it("catch a store that keeps the caller's buffer instead of a copy", async () => {
    const files = new Map<string, { data: Uint8Array; contentType: string }>();
    const sharing: FileStore = {
      put: async (key, data, contentType) => void files.set(key, { data, contentType }),
      get: async (key) => files.get(key) ?? null,
      delete: async (key) => void files.delete(key),
    };
    await expect(runScenario("ownBuffers", sharing)).rejects.toThrow(/bytes under/);
  });

  it("catch a store whose delete of a missing key fails", async () => {
    const memory = createMemoryFileStore();
    const strict: FileStore = {
      ...memory,
      async delete(key) {
        if (!(await memory.get(key))) throw new Error(`ENOENT: ${key}`);
        await memory.delete(key);
      },
    };
    await expect(runScenario("deleteIdempotent", strict)).rejects.toThrow(/ENOENT/);
  });

  it("catch a store that forgets the content type", async () => {
    const memory = createMemoryFileStore();
    const untyped: FileStore = {
      ...memory,
      put: (key, data) => memory.put(key, data, "application/octet-stream"),
    };
    await expect(runScenario("roundTrip", untyped)).rejects.toThrow(/application\/pdf/);
  });

  it("catch a store that writes a file in parts a reader can see", async () => {
    const memory = createMemoryFileStore();
    const torn: FileStore = {
      ...memory,
      // The first half, a pause, then the whole: what writing in place without a rename does.
      async put(key, data, contentType) {
        await memory.put(key, data.slice(0, data.length / 2), contentType);
        await new Promise((resolve) => setTimeout(resolve, 5));
        await memory.put(key, data, contentType);
      },
    };
    await expect(runScenario("concurrentPuts", torn)).rejects.toThrow(/part of a file/);
  });
});
