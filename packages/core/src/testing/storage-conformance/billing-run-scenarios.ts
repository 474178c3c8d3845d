import { expect } from "vitest";
import { emptyReport } from "../../billing/billing-report";
import type { BillingRunRecord } from "../../billing/billing-run-record";
import { seedSiblingUnit, seedWorld } from "./fixtures";
import type { StorageScenario } from "./storage-scenario";

/** The billing run's results per unit (`BillingRunRepository`). */
export const billingRunScenarios = {
  billingRunsNewestFirst: {
    title: "keeps each unit's billing run results exactly and lists them newest first, kept to the unit",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const { sibling } = await seedSiblingUnit(storage, fixtures, world);
      const record = (unitId: BillingRunRecord["unitId"], minute: number): BillingRunRecord => {
        const at = `2026-04-10T15:${String(minute).padStart(2, "0")}:00.000Z`;
        const report = {
          ...emptyReport(at),
          finishedAt: `2026-04-10T15:${String(minute).padStart(2, "0")}:30.250Z`,
          claimed: minute,
          renewed: 1,
          reminders: { beforeDue: 2, overdue: 0 },
          errors: [{ installmentId: fixtures.ids("installment"), message: "a bug" }],
        };
        report.outcomes.paid = minute;
        return {
          id: fixtures.ids("billingRun"),
          unitId,
          owner: `worker-${minute}`,
          startedAt: report.startedAt,
          finishedAt: report.finishedAt,
          report,
        };
      };
      const mine = [record(world.unit.id, 1), record(world.unit.id, 2), record(world.unit.id, 3)];
      const theirs = record(sibling.id, 4);
      for (const entry of [mine[0]!, theirs, mine[1]!, mine[2]!]) await storage.billingRuns.append(entry);
      expect(await storage.billingRuns.listByUnit(world.unit.id, 2)).toEqual([mine[2], mine[1]]);
      expect(await storage.billingRuns.listByUnit(world.unit.id, 10)).toEqual([...mine].reverse());
      expect(await storage.billingRuns.listByUnit(sibling.id, 10)).toEqual([theirs]);
    },
  },
} satisfies Record<string, StorageScenario>;
