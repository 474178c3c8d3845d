import { expect } from "vitest";
import type { ProviderAccountRecord } from "../../provider-accounts/provider-account";
import { addMilliseconds } from "../../time/instant";
import { expectTesseraError } from "./expect-tessera-error";
import { fixtureNow, seedSiblingUnit, seedWorld, type World } from "./fixtures";
import { rawInstant, rawNumber } from "./raw-values";
import type { StorageScenario } from "./storage-scenario";

function accountOf(
  world: World,
  id: string,
  overrides: Partial<ProviderAccountRecord> = {},
): ProviderAccountRecord {
  return {
    id,
    organizationId: world.organization.id,
    unitId: world.unit.id,
    kind: "sandbox",
    label: "Sandbox — Centro ✓",
    sealedOptions: `v1.k0123456789ab.${"A".repeat(16)}.${"Zm9v".repeat(20)}`,
    createdAt: fixtureNow,
    updatedAt: fixtureNow,
    version: 1,
    ...overrides,
  };
}

/** Units' provider accounts: sealed settings kept byte for byte, ids unique, writes compare-and-set. */
export const providerAccountScenarios = {
  providerAccountRoundTrip: {
    title: "keeps a provider account exactly, lists a unit's by id and refuses a second with the same id",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const { sibling } = await seedSiblingUnit(storage, fixtures, world);
      const second = accountOf(world, "sandbox-b");
      const first = accountOf(world, "sandbox-a");
      const theirs = accountOf(world, "inter-sul", { unitId: sibling.id, kind: "inter" });
      for (const account of [second, theirs, first]) await storage.providerAccounts.insert(account);

      expect(await storage.providerAccounts.findById("sandbox-a")).toEqual(first);
      expect(await storage.providerAccounts.findById("nope")).toBeNull();
      expect(await storage.providerAccounts.listByUnit(world.unit.id)).toEqual([first, second]);
      expect(await storage.providerAccounts.listByUnit(sibling.id)).toEqual([theirs]);

      const [row] = await readRows("provider_accounts", { id: "sandbox-a" });
      expect(row?.["sealed_options"]).toBe(first.sealedOptions);
      expect(row?.["unit_id"]).toBe(world.unit.id);
      expect(rawInstant(row?.["created_at"])).toBe(fixtureNow);
      expect(rawNumber(row?.["version"])).toBe(1);

      const clash = await expectTesseraError(
        storage.providerAccounts.insert(accountOf(world, "sandbox-a", { unitId: sibling.id })),
        "conflict",
      );
      expect(clash.details.entity).toBe("providerAccount");
    },
  },

  providerAccountCompareAndSet: {
    title: "updates a provider account only at its version, bumping it, and deletes only at its version",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const account = accountOf(world, "sandbox-a");
      await storage.providerAccounts.insert(account);
      const later = addMilliseconds(fixtureNow, 60_000);
      const written = await storage.providerAccounts.update({
        ...account,
        label: "Novo nome",
        sealedOptions: "v1.k0123456789ab.BBBB.CCCC",
        updatedAt: later,
      });
      expect(written).toEqual({
        ...account,
        label: "Novo nome",
        sealedOptions: "v1.k0123456789ab.BBBB.CCCC",
        updatedAt: later,
        version: 2,
      });
      const [row] = await readRows("provider_accounts", { id: "sandbox-a" });
      expect(row).toMatchObject({ label: "Novo nome", sealed_options: "v1.k0123456789ab.BBBB.CCCC" });
      expect(rawNumber(row?.["version"])).toBe(2);

      await expectTesseraError(storage.providerAccounts.update({ ...account, label: "stale" }), "conflict");
      await expectTesseraError(storage.providerAccounts.update(accountOf(world, "gone")), "not_found");
      expect(await storage.providerAccounts.delete("sandbox-a", 1)).toBe(false);
      expect(await storage.providerAccounts.delete("sandbox-a", 2)).toBe(true);
      expect(await readRows("provider_accounts", { id: "sandbox-a" })).toEqual([]);
      expect(await storage.providerAccounts.delete("sandbox-a", 2)).toBe(false);
    },
  },

  providerAccountsPagedAcrossUnits: {
    title: "pages every provider account of the installation by id, across organizations",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const other = await seedWorld(storage, fixtures);
      const ids = ["a-one", "b-two", "c-three", "d-four", "e-five"];
      for (const [index, id] of ids.entries()) {
        await storage.providerAccounts.insert(accountOf(index % 2 ? other : world, id));
      }
      const first = await storage.providerAccounts.list({ limit: 2 });
      expect(first.items.map((account) => account.id)).toEqual(["a-one", "b-two"]);
      expect(first.nextCursor).toBe("b-two");
      const second = await storage.providerAccounts.list({ limit: 2, after: "b-two" });
      expect(second.items.map((account) => account.id)).toEqual(["c-three", "d-four"]);
      const last = await storage.providerAccounts.list({ limit: 2, after: second.nextCursor! });
      expect(last.items.map((account) => account.id)).toEqual(["e-five"]);
      expect(last.nextCursor).toBeNull();
      expect(last.items[0]?.organizationId).toBe(world.organization.id);
    },
  },
} satisfies Record<string, StorageScenario>;
