import { runStorageConformance } from "@tessera/core/testing";
import { afterAll } from "vitest";
import { openTestDatabase } from "./testing/test-database";

// One schema per scenario, randomly named, dropped after it: runs never see each other.
const database = await openTestDatabase();
afterAll(() => database.close());

runStorageConformance({
  name: database.name,
  async createStorage() {
    const under = await database.freshStorage();
    return {
      storage: under.storage,
      readRows: under.readRows,
      ...(under.openSecondStorage ? { openSecondConnection: under.openSecondStorage } : {}),
      cleanup: under.cleanup,
    };
  },
});
