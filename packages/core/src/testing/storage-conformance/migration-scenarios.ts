import { expect } from "vitest";
import type { StorageScenario } from "./storage-scenario";

/** `migrate()`: idempotent, and harmless to data already there. */
export const migrationScenarios = {
  migrateTwice: {
    title: "migrates an up-to-date database again, even twice at once, without touching its data",
    async run({ storage, fixtures }) {
      const organization = fixtures.organization();
      await storage.migrate();
      await storage.organizations.insert(organization);
      await storage.migrate();
      await Promise.all([storage.migrate(), storage.migrate()]);
      expect(await storage.organizations.findById(organization.id)).toEqual(organization);
    },
  },
} satisfies Record<string, StorageScenario>;
