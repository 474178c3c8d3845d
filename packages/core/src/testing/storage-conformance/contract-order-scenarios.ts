import { expect } from "vitest";
import { expectTesseraError } from "./expect-tessera-error";
import { seedWorld } from "./fixtures";
import { rawJson, rawNumber } from "./raw-values";
import type { StorageScenario } from "./storage-scenario";

/** Contracts and one-off orders. */
export const contractOrderScenarios = {
  contractRoundTrip: {
    title: "stores a contract exactly — its terms snapshot, payment issue and renewal link — and lists it",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, customerId: world.customer.id, planId: world.plan.id };
      const renewal = fixtures.contract(owner, {
        status: "pending_payment",
        startDate: "2027-03-01",
        endDate: "2028-02-29",
        billingDay: 31,
        origin: "renewal",
        renewsContractId: world.contract.id,
        terms: {
          ...world.contract.terms,
          enrollmentFee: { amount: 5_000, currency: "BRL" },
          installmentCount: 12,
          quotas: [{ name: "aulas", quantity: 8 }],
          clientFeeBasisPoints: 350,
        },
        paymentIssue: {
          paymentId: fixtures.ids("payment"),
          code: "insufficient_funds",
          message: "Saldo insuficiente",
          at: "2027-03-01T10:00:00.000Z",
        },
      });
      await storage.contracts.insert(renewal);
      expect(await storage.contracts.findById(world.contract.id)).toEqual(world.contract);
      expect(await storage.contracts.findById(renewal.id)).toEqual(renewal);
      expect(await storage.contracts.findById(fixtures.ids("contract"))).toBeNull();
      expect(await storage.contracts.listByCustomer(world.customer.id)).toEqual([world.contract, renewal]);
      const [row] = await readRows("contracts", { id: renewal.id });
      expect(rawJson(row?.terms)).toEqual(renewal.terms);
    },
  },

  contractsNeedingNextPeriod: {
    title: "lists active contracts whose next period is due, earliest first, page by page, and nothing else",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, customerId: world.customer.id, planId: world.plan.id };
      const dueOn = (nextPeriodOn: string | null, status: "active" | "canceled" | "past_due" = "active") =>
        fixtures.contract(owner, { nextPeriodOn, status });
      const [late, soon, sameDay, future, none, canceled, pastDue] = [
        dueOn("2026-04-01"),
        dueOn("2026-04-10"),
        dueOn("2026-04-10"),
        dueOn("2026-04-11"),
        dueOn(null),
        dueOn("2026-04-01", "canceled"),
        dueOn("2026-04-01", "past_due"),
      ];
      for (const contract of [future, none, canceled, pastDue, sameDay, soon, late])
        await storage.contracts.insert(contract!);
      const byId = [soon!, sameDay!].sort((a, b) => (a.id < b.id ? -1 : 1));
      const all = await storage.contracts.listNeedingNextPeriod({ onOrBefore: "2026-04-10", limit: 10 });
      expect(all).toEqual([late, ...byId]);
      const first = await storage.contracts.listNeedingNextPeriod({ onOrBefore: "2026-04-10", limit: 2 });
      expect(first).toEqual([late, byId[0]]);
      const cursor = { nextPeriodOn: "2026-04-10", id: byId[0]!.id };
      expect(
        await storage.contracts.listNeedingNextPeriod({ onOrBefore: "2026-04-10", limit: 2, after: cursor }),
      ).toEqual([byId[1]]);
      expect(
        await storage.contracts.listNeedingNextPeriod({
          onOrBefore: "2026-04-10",
          limit: 10,
          unitId: fixtures.ids("unit"),
        }),
      ).toEqual([]);
    },
  },

  contractListByUnit: {
    title: "lists a unit's contracts in id order, by status, page by page",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, customerId: world.customer.id, planId: world.plan.id };
      const more = [
        fixtures.contract(owner, { status: "canceled" }),
        fixtures.contract(owner),
        fixtures.contract(owner, { status: "canceled" }),
      ];
      for (const contract of more) await storage.contracts.insert(contract);
      const all = [world.contract, ...more];
      const first = await storage.contracts.list(world.unit.id, { limit: 2 });
      expect(first.items).toEqual(all.slice(0, 2));
      const second = await storage.contracts.list(world.unit.id, {
        limit: 2,
        after: first.nextCursor ?? undefined,
      });
      expect(second.items).toEqual(all.slice(2));
      expect(second.nextCursor).toBeNull();
      const canceled = await storage.contracts.list(world.unit.id, { status: "canceled" });
      expect(canceled.items.map((c) => c.id)).toEqual([more[0]?.id, more[2]?.id]);
    },
  },

  contractUpdateCompareAndSet: {
    title: "updates a contract only from its current version; a stale write is a conflict",
    async run({ storage, readRows, fixtures }) {
      const { contract } = await seedWorld(storage, fixtures);
      const updated = await storage.contracts.update({
        ...contract,
        status: "past_due",
        updatedAt: "2026-04-01T00:00:00.000Z",
      });
      expect(updated).toEqual({
        ...contract,
        status: "past_due",
        updatedAt: "2026-04-01T00:00:00.000Z",
        version: 2,
      });
      const error = await expectTesseraError(
        storage.contracts.update({ ...contract, status: "canceled" }),
        "conflict",
      );
      expect(error.details.entity).toBe("contract");
      const [row] = await readRows("contracts", { id: contract.id });
      expect(row?.status).toBe("past_due");
      expect(rawNumber(row?.version)).toBe(2);
    },
  },

  contractUpdateFromPrevious: {
    title:
      "updates a contract given as it was at its version (previous) to exactly what a full write stores; a stale previous is a conflict",
    async run({ storage, readRows, fixtures }) {
      const { contract } = await seedWorld(storage, fixtures);
      const issue = {
        paymentId: fixtures.ids("payment"),
        code: "card_declined",
        message: "Não autorizada",
        at: contract.createdAt,
      };
      const failed = { ...contract, status: "pending_payment" as const, paymentIssue: issue };
      expect(await storage.contracts.update(failed, contract)).toEqual({ ...failed, version: 2 });
      const stored = { ...failed, version: 2 };
      const active = {
        ...stored,
        status: "active" as const,
        paymentIssue: null,
        updatedAt: "2026-04-01T00:00:00.000Z",
      };
      expect(await storage.contracts.update(active, stored)).toEqual({ ...active, version: 3 });
      expect(await storage.contracts.findById(contract.id)).toEqual({ ...active, version: 3 });
      await expectTesseraError(
        storage.contracts.update({ ...stored, status: "canceled" }, stored),
        "conflict",
      );
      const [row] = await readRows("contracts", { id: contract.id });
      expect(row?.status).toBe("active");
      expect(row?.payment_issue).toBeNull();
    },
  },

  orderRoundTrip: {
    title: "stores an order exactly, updates it by compare-and-set and lists a customer's orders",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, customerId: world.customer.id };
      const order = fixtures.order(owner);
      const paid = fixtures.order(owner, { status: "paid", paidFromBalance: true, installmentCount: 1 });
      await storage.orders.insert(order);
      await storage.orders.insert(paid);
      expect(await storage.orders.findById(order.id)).toEqual(order);
      expect(await storage.orders.findById(paid.id)).toEqual(paid);
      expect(await storage.orders.listByCustomer(world.customer.id)).toEqual([order, paid]);
      const canceled = await storage.orders.update({ ...order, status: "canceled" });
      expect(canceled).toEqual({ ...order, status: "canceled", version: 2 });
      await expectTesseraError(storage.orders.update(order), "conflict");
      const [row] = await readRows("orders", { id: order.id });
      expect(rawNumber(row?.total_amount)).toBe(12_480);
      expect(row?.total_currency).toBe("BRL");
    },
  },
} satisfies Record<string, StorageScenario>;
