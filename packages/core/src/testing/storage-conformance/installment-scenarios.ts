import { expect } from "vitest";
import type { Installment } from "../../installments/installment";
import { addMilliseconds } from "../../time/instant";
import { expectTesseraError } from "./expect-tessera-error";
import { seedWorld } from "./fixtures";
import { rawInstant, rawNumber } from "./raw-values";
import type { StorageScenario } from "./storage-scenario";

const now = "2026-03-10T09:00:00.000Z";
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Installments: round trips, compare-and-set, and the billing run's leased claims. */
export const installmentScenarios = {
  installmentRoundTrip: {
    title: "stores installments exactly and lists them by contract and by order in sequence order",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const order = fixtures.order({ unitId: world.unit.id, customerId: world.customer.id });
      await storage.orders.insert(order);
      const owner = { unitId: world.unit.id, customerId: world.customer.id, contractId: world.contract.id };
      const second = fixtures.installment(owner, {
        sequence: 2,
        dueDate: "2026-04-01",
        periodStart: "2026-04-01",
        periodEnd: "2026-04-30",
      });
      const fee = fixtures.installment(owner, {
        kind: "enrollment_fee",
        amount: { amount: 5_000, currency: "BRL" },
        periodStart: null,
        periodEnd: null,
        status: "confirmed",
        confirmedAt: "2026-03-01T12:00:05.123Z",
      });
      const first = fixtures.installment(owner, {
        status: "denied",
        failedAttempts: 2,
        nextAttemptOn: "2026-03-04",
      });
      const ofOrder = fixtures.installment(
        { unitId: world.unit.id, customerId: world.customer.id, orderId: order.id },
        { sequence: 1, kind: "fee", periodStart: null, periodEnd: null },
      );
      await storage.installments.insertMany([second, fee, first, ofOrder]);
      await storage.installments.insertMany([]);
      expect(await storage.installments.findById(fee.id)).toEqual(fee);
      expect(await storage.installments.findById(fixtures.ids("installment"))).toBeNull();
      expect(await storage.installments.findByIds([first.id, ofOrder.id])).toEqual(
        [first, ofOrder].sort(byId),
      );
      expect(await storage.installments.findByIds([])).toEqual([]);
      expect(await storage.installments.listByContract(world.contract.id)).toEqual([fee, first, second]);
      expect(await storage.installments.listByOrder(order.id)).toEqual([ofOrder]);
      const [row] = await readRows("installments", { id: fee.id });
      expect(rawNumber(row?.amount)).toBe(5_000);
      expect(rawInstant(row?.confirmed_at)).toBe("2026-03-01T12:00:05.123Z");
    },
  },

  installmentUpdateCompareAndSet: {
    title: "updates an installment only from its current version; a stale write is a conflict",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const installment = fixtures.installment({
        unitId: world.unit.id,
        customerId: world.customer.id,
        contractId: world.contract.id,
      });
      await storage.installments.insertMany([installment]);
      const confirmed = await storage.installments.update({
        ...installment,
        status: "confirmed",
        confirmedAt: now,
      });
      expect(confirmed).toEqual({ ...installment, status: "confirmed", confirmedAt: now, version: 2 });
      const error = await expectTesseraError(
        storage.installments.update({ ...installment, status: "canceled" }),
        "conflict",
      );
      expect(error.details.entity).toBe("installment");
      const [row] = await readRows("installments", { id: installment.id });
      expect(row?.status).toBe("confirmed");
    },
  },

  installmentUpdateFromPrevious: {
    title:
      "updates an installment given as it was at its version (previous) to exactly what a full write stores; a stale previous is a conflict",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, customerId: world.customer.id, contractId: world.contract.id };
      const installment = fixtures.installment(owner, {
        status: "denied",
        failedAttempts: 1,
        nextAttemptOn: "2026-03-04",
      });
      await storage.installments.insertMany([installment]);
      const confirmed = {
        ...installment,
        status: "confirmed" as const,
        confirmedAt: now,
        nextAttemptOn: null,
        updatedAt: now,
      };
      expect(await storage.installments.update(confirmed, installment)).toEqual({ ...confirmed, version: 2 });
      expect(await storage.installments.findById(installment.id)).toEqual({ ...confirmed, version: 2 });
      const [row] = await readRows("installments", { id: installment.id });
      expect(row?.next_attempt_on).toBeNull();
      expect(rawNumber(row?.failed_attempts)).toBe(1);
      await expectTesseraError(
        storage.installments.update({ ...installment, status: "canceled" }, installment),
        "conflict",
      );
      expect((await readRows("installments", { id: installment.id }))[0]?.status).toBe("confirmed");
    },
  },

  installmentUpdateMany: {
    title:
      "updates several installments in one call, each from its own version; one stale among them writes none of them",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, customerId: world.customer.id, contractId: world.contract.id };
      const [fee, first, second] = [
        fixtures.installment(owner, { kind: "enrollment_fee", periodStart: null, periodEnd: null }),
        fixtures.installment(owner),
        fixtures.installment(owner, { sequence: 2, dueDate: "2026-04-01" }),
      ] as [Installment, Installment, Installment];
      await storage.installments.insertMany([fee, first, second]);
      const laterSecond = await storage.installments.update({ ...second, failedAttempts: 1 });
      const confirm = (i: Installment) => ({
        ...i,
        status: "confirmed" as const,
        confirmedAt: now,
        updatedAt: now,
      });
      // Alike from one version (fee, first), and a third from another version with other changes.
      const changes = [
        { installment: confirm(first), previous: first },
        {
          installment: { ...laterSecond, status: "canceled" as const, updatedAt: now },
          previous: laterSecond,
        },
        { installment: confirm(fee), previous: fee },
      ];
      const stored = await storage.installments.updateMany(changes);
      expect(stored).toEqual(changes.map((c) => ({ ...c.installment, version: c.previous.version + 1 })));
      expect((await storage.installments.findByIds([fee.id, first.id, second.id])).sort(byId)).toEqual(
        [...stored].sort(byId),
      );
      expect(await storage.installments.updateMany([])).toEqual([]);

      // The fee moved on to version 2: a batch starting from its version 1 is refused whole.
      const [storedFirst] = stored as [Installment];
      const error = await expectTesseraError(
        storage.installments.updateMany([
          { installment: { ...storedFirst, failedAttempts: 3 }, previous: storedFirst },
          { installment: { ...fee, failedAttempts: 3 }, previous: fee },
        ]),
        "conflict",
      );
      expect(error.details).toMatchObject({ entity: "installment", id: fee.id });
      const rows = await readRows("installments", { contract_id: world.contract.id });
      expect(rows.map((row) => rawNumber(row.failed_attempts)).sort()).toEqual([0, 0, 1]);
    },
  },

  claimDueSelectsCollectable: {
    title:
      "claims only awaiting or denied installments that are due and whose retry day has come, by due date then id",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, customerId: world.customer.id, contractId: world.contract.id };
      const dueToday = fixtures.installment(owner, { dueDate: "2026-03-10" });
      const deniedEarlier = fixtures.installment(owner, {
        dueDate: "2026-03-05",
        status: "denied",
        failedAttempts: 1,
      });
      const retryCame = fixtures.installment(owner, {
        dueDate: "2026-03-01",
        status: "denied",
        nextAttemptOn: "2026-03-10",
      });
      const excluded = [
        fixtures.installment(owner, { dueDate: "2026-03-11" }),
        fixtures.installment(owner, { dueDate: "2026-03-01", status: "denied", nextAttemptOn: "2026-03-11" }),
        fixtures.installment(owner, { dueDate: "2026-03-01", status: "confirmed", confirmedAt: now }),
        fixtures.installment(owner, { dueDate: "2026-03-01", status: "canceled" }),
        fixtures.installment(owner, { dueDate: "2026-03-01", status: "refunded" }),
      ];
      await storage.installments.insertMany([dueToday, ...excluded, deniedEarlier, retryCame]);
      const claimed = await storage.installments.claimDue({
        dueOn: "2026-03-10",
        limit: 50,
        owner: "worker-a",
        leaseMs: 60_000,
        now,
      });
      expect(claimed.map((i) => i.id)).toEqual([retryCame.id, deniedEarlier.id, dueToday.id]);
      const lease = { owner: "worker-a", expiresAt: addMilliseconds(now, 60_000), version: 1 };
      expect(claimed[0]).toEqual({ ...retryCame, lease });
      for (const installment of claimed) {
        const [row] = await readRows("installments", { id: installment.id });
        expect(row?.lease_owner).toBe("worker-a");
        expect(rawInstant(row?.lease_expires_at)).toBe(lease.expiresAt);
        expect(rawNumber(row?.lease_version)).toBe(1);
      }
      for (const installment of excluded) {
        const [row] = await readRows("installments", { id: installment.id });
        expect(row?.lease_owner).toBeNull();
      }
    },
  },

  claimDueLimitAndLiveLeases: {
    title: "claims at most `limit`, never an item under a live lease, and only the unit asked for",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const otherUnit = fixtures.unit(world.organization.id);
      await storage.units.insert(otherUnit);
      const owner = { unitId: world.unit.id, customerId: world.customer.id, contractId: world.contract.id };
      const items = [1, 2, 3, 4, 5].map((day) => fixtures.installment(owner, { dueDate: `2026-03-0${day}` }));
      const elsewhere = fixtures.installment(
        { unitId: otherUnit.id, customerId: world.customer.id },
        { dueDate: "2026-03-01" },
      );
      await storage.installments.insertMany([...items, elsewhere]);
      const request = { dueOn: "2026-03-10", leaseMs: 60_000, now, unitId: world.unit.id };
      const a = await storage.installments.claimDue({ ...request, limit: 2, owner: "a" });
      const b = await storage.installments.claimDue({ ...request, limit: 2, owner: "b" });
      const c = await storage.installments.claimDue({ ...request, limit: 2, owner: "c" });
      const d = await storage.installments.claimDue({ ...request, limit: 2, owner: "d" });
      expect(a.map((i) => i.id)).toEqual([items[0]?.id, items[1]?.id]);
      expect(b.map((i) => i.id)).toEqual([items[2]?.id, items[3]?.id]);
      expect(c.map((i) => i.id)).toEqual([items[4]?.id]);
      expect(d).toEqual([]);
      const anyUnit = await storage.installments.claimDue({
        dueOn: "2026-03-10",
        leaseMs: 60_000,
        now,
        limit: 10,
        owner: "e",
      });
      expect(anyUnit.map((i) => i.id)).toEqual([elsewhere.id]);
    },
  },

  claimDueTakesOverExpiredLease: {
    title: "lets another worker take over an item once its lease has expired, with a higher lease version",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const item = fixtures.installment({
        unitId: world.unit.id,
        customerId: world.customer.id,
        contractId: world.contract.id,
      });
      await storage.installments.insertMany([item]);
      const request = { dueOn: "2026-03-10", limit: 10, leaseMs: 1_000 };
      const [first] = await storage.installments.claimDue({ ...request, owner: "a", now });
      expect(first?.lease?.version).toBe(1);
      expect(
        await storage.installments.claimDue({ ...request, owner: "b", now: addMilliseconds(now, 999) }),
      ).toEqual([]);
      const [taken] = await storage.installments.claimDue({
        ...request,
        owner: "b",
        now: addMilliseconds(now, 1_000),
      });
      expect(taken?.id).toBe(item.id);
      expect(taken?.lease).toEqual({ owner: "b", expiresAt: addMilliseconds(now, 2_000), version: 2 });
    },
  },

  claimFencing: {
    title: "refuses a late completeClaim after a takeover with lease_lost, writing nothing",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const item = fixtures.installment({
        unitId: world.unit.id,
        customerId: world.customer.id,
        contractId: world.contract.id,
      });
      await storage.installments.insertMany([item]);
      const request = { dueOn: "2026-03-10", limit: 1, leaseMs: 1_000 };
      const [byA] = (await storage.installments.claimDue({ ...request, owner: "a", now })) as [Installment];
      const [byB] = (await storage.installments.claimDue({
        ...request,
        owner: "b",
        now: addMilliseconds(now, 5_000),
      })) as [Installment];
      const lateA = { ...byA, status: "denied" as const, failedAttempts: 1 };
      const error = await expectTesseraError(
        storage.installments.completeClaim(lateA, { owner: "a", version: byA.lease?.version ?? 0 }),
        "lease_lost",
      );
      expect(error.details.id).toBe(item.id);
      await storage.installments.releaseClaim(item.id, { owner: "a", version: 1 });
      const [untouched] = await readRows("installments", { id: item.id });
      expect(untouched?.status).toBe("awaiting");
      expect(rawNumber(untouched?.failed_attempts)).toBe(0);
      expect(untouched?.lease_owner).toBe("b");
      expect(rawNumber(untouched?.version)).toBe(1);

      const done = await storage.installments.completeClaim(
        { ...byB, status: "confirmed", confirmedAt: now },
        { owner: "b", version: 2 },
      );
      expect(done).toEqual({ ...item, status: "confirmed", confirmedAt: now, lease: null, version: 2 });
      const [row] = await readRows("installments", { id: item.id });
      expect(row?.status).toBe("confirmed");
      expect(row?.lease_owner).toBeNull();
      await expectTesseraError(
        storage.installments.completeClaim(done, { owner: "b", version: 2 }),
        "lease_lost",
      );
    },
  },

  claimReleaseAndComplete: {
    title:
      "releaseClaim drops a lease so the item can be claimed again; completeClaim writes the outcome and drops it",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const item = fixtures.installment({
        unitId: world.unit.id,
        customerId: world.customer.id,
        contractId: world.contract.id,
      });
      await storage.installments.insertMany([item]);
      const request = { dueOn: "2026-03-10", limit: 1, leaseMs: 60_000, now };
      const [first] = (await storage.installments.claimDue({ ...request, owner: "a" })) as [Installment];
      await storage.installments.releaseClaim(item.id, { owner: "a", version: 1 });
      expect((await storage.installments.findById(item.id))?.lease).toBeNull();
      const [again] = (await storage.installments.claimDue({ ...request, owner: "b" })) as [Installment];
      expect(again.lease?.version).toBe(2);
      expect(first.lease?.version).toBe(1);
      const denied = await storage.installments.completeClaim(
        { ...again, status: "denied", failedAttempts: 1, nextAttemptOn: "2026-03-13" },
        { owner: "b", version: 2 },
      );
      expect(denied).toMatchObject({
        status: "denied",
        failedAttempts: 1,
        nextAttemptOn: "2026-03-13",
        lease: null,
        version: 2,
      });
      expect(await storage.installments.claimDue({ ...request, owner: "c" })).toEqual([]);
      const [retry] = await storage.installments.claimDue({ ...request, owner: "c", dueOn: "2026-03-13" });
      expect(retry?.lease?.version).toBe(3);
    },
  },

  completeClaimRespectsVersion: {
    title:
      "refuses completeClaim with conflict when the installment was updated meanwhile (a webhook confirmed it)",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const item = fixtures.installment({
        unitId: world.unit.id,
        customerId: world.customer.id,
        contractId: world.contract.id,
      });
      await storage.installments.insertMany([item]);
      const [claimed] = (await storage.installments.claimDue({
        dueOn: "2026-03-10",
        limit: 1,
        leaseMs: 60_000,
        now,
        owner: "a",
      })) as [Installment];
      await storage.installments.update({ ...claimed, status: "confirmed", confirmedAt: now });
      await expectTesseraError(
        storage.installments.completeClaim({ ...claimed, status: "denied" }, { owner: "a", version: 1 }),
        "conflict",
      );
      const [row] = await readRows("installments", { id: item.id });
      expect(row?.status).toBe("confirmed");
    },
  },

  concurrentClaimsNeverOverlap: {
    title:
      "hands every one of 500 due items to exactly one of 4 concurrent claimers (on separate connections when offered)",
    timeoutMs: 60_000,
    async run({ storage, readRows, openSecondConnection, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, customerId: world.customer.id, contractId: world.contract.id };
      const items = Array.from({ length: 500 }, (_, index) =>
        fixtures.installment(owner, { sequence: index + 1, dueDate: `2026-03-0${(index % 9) + 1}` }),
      );
      await storage.installments.insertMany(items);
      const second = openSecondConnection ? await openSecondConnection() : null;
      try {
        const claimers = [storage, second ?? storage, storage, second ?? storage];
        const claimed = await Promise.all(
          claimers.map(async (repositories, worker) => {
            const mine: string[] = [];
            for (;;) {
              const batch = await repositories.installments.claimDue({
                dueOn: "2026-03-10",
                limit: 7,
                owner: `worker-${worker}`,
                leaseMs: 600_000,
                now,
              });
              if (batch.length === 0) return mine;
              mine.push(...batch.map((i) => i.id));
              // Yield between batches, as a worker charging its batch would, so claimers interleave.
              await new Promise((resolve) => setTimeout(resolve, 0));
            }
          }),
        );
        // Every claimer's first claim starts before any can finish: each gets a share.
        expect(claimed.every((ids) => ids.length > 0)).toBe(true);
        const all = claimed.flat();
        expect(all).toHaveLength(500);
        expect(new Set(all).size).toBe(500);
        const rows = await readRows("installments", { contract_id: world.contract.id });
        expect(rows).toHaveLength(500);
        expect(rows.every((row) => rawNumber(row.lease_version) === 1)).toBe(true);
        for (const [worker, ids] of claimed.entries()) {
          for (const id of ids.slice(0, 3)) {
            expect(rows.find((row) => row.id === id)?.lease_owner).toBe(`worker-${worker}`);
          }
        }
      } finally {
        await second?.close();
      }
    },
  },

  installmentReminders: {
    title:
      "lists a unit's unpaid lines due in a window without a reminder of a kind, and records each reminder once",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, customerId: world.customer.id, contractId: world.contract.id };
      const line = (sequence: number, dueDate: string, status: Installment["status"] = "awaiting") =>
        fixtures.installment(owner, { sequence, dueDate, periodStart: dueDate, periodEnd: dueDate, status });
      const lines = [
        line(1, "2026-03-09"),
        line(2, "2026-03-10", "denied"),
        line(3, "2026-03-10"),
        line(4, "2026-03-11", "confirmed"),
        line(5, "2026-03-12", "canceled"),
        line(6, "2026-03-12"),
        line(7, "2026-03-13"),
      ];
      await storage.installments.insertMany(lines);
      const window = {
        unitId: world.unit.id,
        dueFrom: "2026-03-10",
        dueTo: "2026-03-12",
        limit: 10,
      } as const;
      const ids = (found: Installment[]) => found.map((found) => found.id);
      const sorted = [lines[1]!, lines[2]!].sort(byId);
      expect(ids(await storage.installments.listUnreminded({ ...window, kind: "before_due" }))).toEqual([
        ...ids(sorted),
        lines[5]!.id,
      ]);
      expect(await storage.installments.recordReminder(sorted[0]!.id, "before_due", now)).toBe(true);
      expect(await storage.installments.recordReminder(sorted[0]!.id, "before_due", now)).toBe(false);
      expect(ids(await storage.installments.listUnreminded({ ...window, kind: "before_due" }))).toEqual([
        sorted[1]!.id,
        lines[5]!.id,
      ]);
      // Another kind is its own: the line is still to be reminded that it is late.
      expect(ids(await storage.installments.listUnreminded({ ...window, kind: "overdue" }))).toHaveLength(3);
      expect(await storage.installments.recordReminder(sorted[0]!.id, "overdue", now)).toBe(true);
      // Paged by (due date, id), and kept to the unit.
      const first = await storage.installments.listUnreminded({ ...window, kind: "overdue", limit: 1 });
      expect(ids(first)).toEqual([sorted[1]!.id]);
      const rest = await storage.installments.listUnreminded({
        ...window,
        kind: "overdue",
        after: { dueDate: first[0]!.dueDate, id: first[0]!.id },
      });
      expect(ids(rest)).toEqual([lines[5]!.id]);
      const elsewhere = fixtures.unit(world.organization.id);
      await storage.units.insert(elsewhere);
      expect(
        await storage.installments.listUnreminded({ ...window, unitId: elsewhere.id, kind: "overdue" }),
      ).toEqual([]);
    },
  },
} satisfies Record<string, StorageScenario>;
