import { describe, it } from "vitest";
import type { FileStore } from "../../ports/file-store";
import { type FileStoreScenarioId, fileStoreScenarios } from "./file-store-scenarios";

export interface FileStoreConformanceOptions {
  /** Shown in the test names: `disk`, `memory`. */
  name: string;
  /** A fresh, empty store, called once per scenario; `cleanup` removes what it kept. */
  createFileStore(): Promise<{ store: FileStore; cleanup(): Promise<void> }>;
  /** Scenarios this store cannot run, each with the reason — type-checked. */
  skip?: Partial<Record<FileStoreScenarioId, string>>;
}

/**
 * The file store conformance suite: every rule of the file store port
 * (`ports/file-store.ts`), each on a fresh store. An implementation's test file is a few lines:
 *
 * @example
 * ```ts
 * import { runFileStoreConformance } from "@tessera/core/testing";
 *
 * runFileStoreConformance({
 *   name: "disk",
 *   async createFileStore() {
 *     const directory = await mkdtemp(join(tmpdir(), "files-"));
 *     return {
 *       store: createDiskFileStore({ directory }),
 *       cleanup: () => rm(directory, { recursive: true, force: true }),
 *     };
 *   },
 * });
 * ```
 */
export function runFileStoreConformance(options: FileStoreConformanceOptions): void {
  describe(`file store conformance: ${options.name}`, () => {
    for (const [id, scenario] of Object.entries(fileStoreScenarios)) {
      const reason = options.skip?.[id as FileStoreScenarioId];
      if (reason) {
        it.skip(`${scenario.title} — skipped: ${reason}`, () => {});
        continue;
      }
      it(scenario.title, async () => {
        const { store, cleanup } = await options.createFileStore();
        try {
          await scenario.run({ store });
        } finally {
          await cleanup();
        }
      });
    }
  });
}
