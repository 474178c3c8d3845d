import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTesseraScenarios } from "@tessera/core/testing";
import { createSqliteStorage } from "./sqlite-storage";

// The library-level scenarios (catalog, sale, recovery, webhooks, activation, plugins) on a WAL file.
runTesseraScenarios({
  name: "sqlite",
  async createStorage() {
    const directory = await mkdtemp(join(tmpdir(), "tessera-scenarios-"));
    const storage = await createSqliteStorage({ filename: join(directory, "tessera.db") });
    return {
      storage,
      async cleanup() {
        await storage.close();
        await rm(directory, { recursive: true, force: true });
      },
    };
  },
});
