import { describe, it } from "vitest";
import { createFixtures } from "./fixtures";
import type { StorageScenario } from "./storage-scenario";
import { type StorageScenarioId, storageScenarios } from "./storage-scenarios";
import type { StorageUnderTest } from "./storage-under-test";

export interface StorageConformanceOptions {
  /** Shown in the test names: `sqlite (file)`, `postgres 15`. */
  name: string;
  /** A fresh, migrated, empty storage; called once per scenario. */
  createStorage(): Promise<StorageUnderTest>;
  /**
   * Scenarios this storage cannot run, each with the reason — type-checked, so a renamed
   * scenario breaks the build instead of silently running nothing.
   */
  skip?: Partial<Record<StorageScenarioId, string>>;
}

/**
 * The storage conformance suite: every rule of the storage port (`ports/storage.ts`),
 * proven through the storage and checked through raw rows. A storage package's test file
 * is a few lines:
 *
 * @example
 * ```ts
 * import { runStorageConformance } from "@tessera/core/testing";
 *
 * runStorageConformance({
 *   name: "sqlite",
 *   async createStorage() {
 *     const filename = join(await mkdtemp(join(tmpdir(), "tessera-")), "db.sqlite");
 *     const storage = await createSqliteStorage({ filename });
 *     const raw = new Database(filename, { readonly: true });
 *     return {
 *       storage,
 *       readRows: async (table, where = {}) => selectRows(raw, table, where),
 *       cleanup: async () => { raw.close(); await storage.close(); },
 *     };
 *   },
 * });
 * ```
 */
export function runStorageConformance(options: StorageConformanceOptions): void {
  describe(`storage conformance: ${options.name}`, () => {
    for (const [group, scenarios] of Object.entries(storageScenarios)) {
      describe(group, () => {
        for (const [id, scenario] of Object.entries(scenarios as Record<string, StorageScenario>)) {
          const reason = options.skip?.[id as StorageScenarioId];
          if (reason) {
            it.skip(`${scenario.title} — skipped: ${reason}`, () => {});
            continue;
          }
          it(
            scenario.title,
            async () => {
              const underTest = await options.createStorage();
              try {
                await scenario.run({
                  storage: underTest.storage,
                  readRows: (table, where) => underTest.readRows(table, where),
                  openSecondConnection: underTest.openSecondConnection?.bind(underTest),
                  fixtures: createFixtures(),
                });
              } finally {
                await underTest.cleanup();
              }
            },
            scenario.timeoutMs,
          );
        }
      });
    }
  });
}
