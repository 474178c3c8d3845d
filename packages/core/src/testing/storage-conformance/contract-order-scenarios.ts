import { expect } from "vitest";
import type { Id } from "../../ids/id";
import type { InstallmentStatus } from "../../installments/installment-status";
import type { PaymentStatus } from "../../payments/payment-status";
import type { Page, StoredOrderFilter } from "../../ports/storage";
import { expectTesseraError } from "./expect-tessera-error";
import { fixtureNow, type InstallmentOwner, seedSiblingUnit, seedWorld } from "./fixtures";
import { rawJson, rawNumber } from "./raw-values";
import type { StorageScenario } from "./storage-scenario";

/** The ids of every page of a listing, page by page, following `nextCursor` until it is null. */
async function pagesOfIds(list: (after: string | undefined) => Promise<Page<{ id: string }>>) {
  const pages: string[][] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 20; guard++) {
    const page = await list(after);
    pages.push(page.items.map((item) => item.id));
    if (page.nextCursor === null) return pages;
    after = page.nextCursor;
  }
  throw new Error("the cursor never ended");
}

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

  ordersList: {
    title:
      "lists a unit's orders by status, customer, creation instant (from inclusive, before exclusive) and latest payment status, newest first, page by page, never another unit's",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const { sibling } = await seedSiblingUnit(storage, fixtures, world);
      const second = fixtures.customer(world.organization.id);
      await storage.customers.insert(second);
      const mine = { unitId: world.unit.id, customerId: world.customer.id };
      const theirs = { unitId: world.unit.id, customerId: second.id };
      const o1 = fixtures.order(mine, { createdAt: "2026-03-01T09:00:00.000Z" });
      const o2 = fixtures.order(mine, { status: "paid", createdAt: "2026-03-01T10:00:00.000Z" });
      const o3 = fixtures.order(theirs, { createdAt: "2026-03-01T11:00:00.000Z" });
      const o4 = fixtures.order(mine, { status: "canceled", createdAt: "2026-03-01T12:00:00.000Z" });
      const o5 = fixtures.order(theirs, { createdAt: "2026-03-02T08:00:00.000Z" });
      const elsewhere = fixtures.order({ unitId: sibling.id, customerId: world.customer.id });
      for (const order of [o4, elsewhere, o1, o5, o3, o2]) await storage.orders.insert(order);

      // An installment, then one payment per attempt covering it, each newer than the one before.
      const installment = async (
        owner: InstallmentOwner,
        status: InstallmentStatus,
        attempts: PaymentStatus[],
      ) => {
        const made = fixtures.installment(owner, {
          kind: owner.orderId ? "fee" : "period",
          status,
          confirmedAt: status === "confirmed" ? fixtureNow : null,
        });
        await storage.installments.insertMany([made]);
        const payer = { unitId: owner.unitId, customerId: owner.customerId };
        for (const attempt of attempts)
          await storage.payments.insert(
            fixtures.payment(payer, { status: attempt, installmentIds: [made.id] }),
          );
      };
      await installment({ ...mine, orderId: o1.id }, "awaiting", ["failed", "pending"]);
      // A failure on an installment already paid is no error.
      await installment({ ...mine, orderId: o2.id }, "confirmed", ["failed", "succeeded"]);
      await installment({ ...theirs, orderId: o3.id }, "denied", ["failed"]);
      // A canceled attempt after a failure is neither pending nor an error.
      await installment({ ...mine, orderId: o4.id }, "awaiting", ["failed", "canceled"]);
      // Each installment is judged by its own latest attempt: o5 is both pending and in error.
      await installment({ ...theirs, orderId: o5.id }, "awaiting", ["pending", "failed"]);
      await installment({ ...theirs, orderId: o5.id }, "awaiting", ["requires_action"]);
      // A contract's open installment makes no order pending; the sibling unit's order is its own.
      await installment({ ...mine, contractId: world.contract.id }, "awaiting", ["pending"]);
      await installment(
        { unitId: sibling.id, customerId: world.customer.id, orderId: elsewhere.id },
        "awaiting",
        ["unknown"],
      );

      const ids = async (filter: StoredOrderFilter, unitId: Id<"unit"> = world.unit.id) =>
        (await storage.orders.list(unitId, { ...filter, limit: 100 })).items.map((order) => order.id);
      expect(await ids({})).toEqual([o1.id, o2.id, o3.id, o4.id, o5.id]);
      expect(await ids({ newestFirst: true })).toEqual([o5.id, o4.id, o3.id, o2.id, o1.id]);
      expect(await ids({}, sibling.id)).toEqual([elsewhere.id]);
      expect(await ids({}, fixtures.ids("unit"))).toEqual([]);

      expect(await ids({ status: "open" })).toEqual([o1.id, o3.id, o5.id]);
      expect(await ids({ status: "paid" })).toEqual([o2.id]);
      expect(await ids({ status: "canceled" })).toEqual([o4.id]);
      expect(await ids({ status: "refunded" })).toEqual([]);
      expect(await ids({ customerId: second.id })).toEqual([o3.id, o5.id]);
      expect(await ids({ customerId: world.customer.id, status: "open" })).toEqual([o1.id]);
      expect(await ids({ customerId: world.customer.id }, sibling.id)).toEqual([elsewhere.id]);

      expect(await ids({ createdFrom: o2.createdAt, createdBefore: o4.createdAt })).toEqual([o2.id, o3.id]);
      expect(await ids({ createdFrom: o4.createdAt })).toEqual([o4.id, o5.id]);
      expect(await ids({ createdBefore: o2.createdAt })).toEqual([o1.id]);
      expect(
        await ids({ createdFrom: "2026-03-01T10:00:00.001Z", createdBefore: "2026-03-01T12:00:00.001Z" }),
      ).toEqual([o3.id, o4.id]);
      expect(await ids({ createdFrom: o5.createdAt, createdBefore: o5.createdAt })).toEqual([]);

      expect(await ids({ paymentStatus: "pending" })).toEqual([o1.id, o5.id]);
      expect(await ids({ paymentStatus: "error" })).toEqual([o3.id, o5.id]);
      expect(await ids({ paymentStatus: "error", newestFirst: true })).toEqual([o5.id, o3.id]);
      expect(await ids({ paymentStatus: "error", customerId: world.customer.id })).toEqual([]);
      expect(await ids({ paymentStatus: "pending" }, sibling.id)).toEqual([elsewhere.id]);
      expect(await ids({ paymentStatus: "error" }, sibling.id)).toEqual([]);

      const first = await storage.orders.list(world.unit.id, { limit: 2 });
      expect(first).toEqual({ items: [o1, o2], nextCursor: o2.id });
      const ascending = (limit: number) =>
        pagesOfIds((after) => storage.orders.list(world.unit.id, { limit, after }));
      const newest = (limit: number, filter: StoredOrderFilter = {}) =>
        pagesOfIds((after) =>
          storage.orders.list(world.unit.id, { ...filter, limit, after, newestFirst: true }),
        );
      expect(await ascending(2)).toEqual([[o1.id, o2.id], [o3.id, o4.id], [o5.id]]);
      // A last page exactly full has no cursor: there is nothing after it.
      expect(await ascending(5)).toEqual([[o1.id, o2.id, o3.id, o4.id, o5.id]]);
      expect(await newest(2)).toEqual([[o5.id, o4.id], [o3.id, o2.id], [o1.id]]);
      expect(await newest(3)).toEqual([
        [o5.id, o4.id, o3.id],
        [o2.id, o1.id],
      ]);
      expect(await newest(1, { status: "open" })).toEqual([[o5.id], [o3.id], [o1.id]]);
      expect(await newest(1, { paymentStatus: "pending" })).toEqual([[o5.id], [o1.id]]);
    },
  },
} satisfies Record<string, StorageScenario>;
