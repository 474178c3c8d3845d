import { expect } from "vitest";
import type { Installment } from "../../installments/installment";
import type { Payment } from "../../payments/payment";
import type { Storage } from "../../ports/storage";
import type { RecurringCreditCursor, RecurringCreditStoredRow } from "../../reports/report-queries";
import { seedSiblingUnit, seedWorld } from "./fixtures";
import { recurrenceOf } from "./recurrence-scenarios";
import type { StorageScenario } from "./storage-scenario";

/** Every batch of the recurring-credit report, following the keyset cursor. */
async function allRecurringCredit(
  storage: Storage,
  query: Omit<Parameters<Storage["reports"]["recurringCreditBatch"]>[0], "after" | "limit">,
  limit: number,
): Promise<RecurringCreditStoredRow[][]> {
  const batches: RecurringCreditStoredRow[][] = [];
  let after: RecurringCreditCursor | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const batch = await storage.reports.recurringCreditBatch({ ...query, after, limit });
    batches.push(batch);
    const last = batch[batch.length - 1];
    if (!last || batch.length < limit) return batches;
    after = { dueDate: last.dueDate, installmentId: last.installmentId };
  }
  throw new Error("the cursor never ended");
}

/** The reports' keyset reads (`tessera.reports`). */
export const reportScenarios = {
  recurringCreditRowsAndBatches: {
    title:
      "lists contract installments collected by credit in the period with their latest attempt, by due day in keyset batches, never pix ones, orders' or another unit's",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const { sibling, siblingPlan } = await seedSiblingUnit(storage, fixtures, world);
      const siblingContract = fixtures.contract({
        unitId: sibling.id,
        customerId: world.customer.id,
        planId: siblingPlan.id,
      });
      await storage.contracts.insert(siblingContract);
      const order = fixtures.order({ unitId: world.unit.id, customerId: world.customer.id });
      await storage.orders.insert(order);
      const recurring = fixtures.contract({
        unitId: world.unit.id,
        customerId: world.customer.id,
        planId: world.plan.id,
      });
      await storage.contracts.insert(recurring);

      const owner = { unitId: world.unit.id, customerId: world.customer.id, contractId: world.contract.id };
      const retried = fixtures.installment(owner, {
        dueDate: "2026-03-02",
        status: "confirmed",
        confirmedAt: "2026-03-02T12:00:00.000Z",
      });
      const declined = fixtures.installment(owner, { dueDate: "2026-03-02", sequence: 2 });
      const byPix = fixtures.installment(owner, { dueDate: "2026-03-01", sequence: 3 });
      const notTried = fixtures.installment(owner, { dueDate: "2026-03-03", sequence: 4 });
      const later = fixtures.installment(owner, { dueDate: "2026-04-10", sequence: 5 });
      const ofRecurrence = fixtures.installment(
        { ...owner, contractId: recurring.id },
        { dueDate: "2026-03-20", sequence: 2 },
      );
      const ofOrder = fixtures.installment(
        { unitId: world.unit.id, customerId: world.customer.id, orderId: order.id },
        { dueDate: "2026-03-04" },
      );
      const ofSibling = fixtures.installment(
        { unitId: sibling.id, customerId: world.customer.id, contractId: siblingContract.id },
        { dueDate: "2026-03-01" },
      );
      const all: Installment[] = [
        retried,
        declined,
        byPix,
        notTried,
        later,
        ofRecurrence,
        ofOrder,
        ofSibling,
      ];
      await storage.installments.insertMany(all);
      const pay = (installment: Installment, overrides: Partial<Payment>) =>
        fixtures.payment(
          { unitId: installment.unitId, customerId: world.customer.id },
          { installmentIds: [installment.id], method: "card", action: null, ...overrides },
        );
      const payments: Payment[] = [
        pay(retried, {
          status: "failed",
          failureCode: "insufficient_funds",
          failureMessage: "Saldo insuficiente",
        }),
        pay(retried, { status: "succeeded", attempt: 2 }),
        pay(declined, { status: "failed", failureCode: "card_declined", failureMessage: "Negada" }),
        pay(byPix, { method: "pix" }),
        pay(later, { status: "succeeded" }),
        pay(ofOrder, { status: "succeeded" }),
        pay(ofSibling, { status: "succeeded", gatewayId: "other" }),
      ];
      for (const payment of payments) await storage.payments.insert(payment);
      const firstOfRecurrence = pay(ofRecurrence, { status: "succeeded" });
      await storage.payments.insert({ ...firstOfRecurrence, installmentIds: [] });
      await storage.recurrences.insert({
        ...recurrenceOf(fixtures, world, firstOfRecurrence.id),
        contractId: recurring.id,
      });

      const query = { unitIds: [world.unit.id], from: "2026-03-01", to: "2026-03-31" };
      const [single] = await allRecurringCredit(storage, query, 100);
      expect(single!.map((row) => row.installmentId)).toEqual(
        // By due day, then by id: the two of March 2nd in the order they were made.
        [retried.id, declined.id, ofRecurrence.id].sort((a, b) => {
          const day = (id: string) => all.find((i) => i.id === id)!.dueDate;
          return day(a) === day(b) ? (a < b ? -1 : 1) : day(a) < day(b) ? -1 : 1;
        }),
      );
      const byId = new Map(single!.map((row) => [row.installmentId, row]));
      expect(byId.get(retried.id)).toEqual({
        installmentId: retried.id,
        unitId: world.unit.id,
        contractId: world.contract.id,
        customerId: world.customer.id,
        customerName: world.customer.name,
        planName: world.contract.terms.planName,
        sequence: 1,
        kind: "period",
        amount: { amount: 12_990, currency: "BRL" },
        dueDate: "2026-03-02",
        installmentStatus: "confirmed",
        confirmedAt: "2026-03-02T12:00:00.000Z",
        paymentId: payments[1]!.id,
        paymentStatus: "succeeded",
        method: "card",
        gatewayId: "sandbox",
        failureCode: null,
        failureMessage: null,
      });
      expect(byId.get(declined.id)).toMatchObject({
        paymentStatus: "failed",
        failureCode: "card_declined",
        failureMessage: "Negada",
      });
      expect(byId.get(ofRecurrence.id)).toMatchObject({ paymentId: null, paymentStatus: null, method: null });

      for (const limit of [1, 2]) {
        const batches = await allRecurringCredit(storage, query, limit);
        expect(batches.flat(), `batches of ${limit}`).toEqual(single);
        expect(batches.every((batch) => batch.length <= limit)).toBe(true);
      }
      const both = (
        await allRecurringCredit(storage, { ...query, unitIds: [world.unit.id, sibling.id] }, 2)
      ).flat();
      expect(both.map((row) => row.installmentId)).toContain(ofSibling.id);
      expect(both[0]!.installmentId).toBe(ofSibling.id);
      const other = await seedWorld(storage, fixtures);
      expect(
        (await allRecurringCredit(storage, { ...query, customerId: other.customer.id }, 10)).flat(),
      ).toEqual([]);
      const name = world.customer.name.split(" ")[0]!.toUpperCase();
      expect((await allRecurringCredit(storage, { ...query, customerSearch: name }, 10)).flat()).toEqual(
        single,
      );
      expect(
        await storage.reports.recurringCreditBatch({ ...query, unitIds: [], after: null, limit: 10 }),
      ).toEqual([]);
    },
  },

  onlineSignUpRowsAndBatches: {
    title:
      "lists the units' online contracts contracted in the period, by id in keyset batches, never staff-made ones",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, customerId: world.customer.id, planId: world.plan.id };
      const inPeriod = fixtures.contract(owner, { startDate: "2026-03-15", status: "pending_payment" });
      const byStaff = fixtures.contract(owner, { startDate: "2026-03-15", origin: "staff" });
      const outside = fixtures.contract(owner, { startDate: "2026-04-01" });
      for (const contract of [inPeriod, byStaff, outside]) await storage.contracts.insert(contract);
      const query = { unitIds: [world.unit.id], from: world.contract.startDate, to: "2026-03-31" };
      const rows = await storage.reports.onlineSignUpBatch({ ...query, after: null, limit: 10 });
      expect(rows.map((row) => row.contractId)).toEqual([world.contract.id, inPeriod.id]);
      expect(rows[1]).toEqual({
        contractId: inPeriod.id,
        unitId: world.unit.id,
        customerId: world.customer.id,
        customerName: world.customer.name,
        customerEmail: world.customer.email,
        planName: inPeriod.terms.planName,
        price: inPeriod.terms.price,
        enrollmentFee: inPeriod.terms.enrollmentFee,
        status: "pending_payment",
        startDate: "2026-03-15",
        createdAt: inPeriod.createdAt,
      });
      const first = await storage.reports.onlineSignUpBatch({ ...query, after: null, limit: 1 });
      const second = await storage.reports.onlineSignUpBatch({
        ...query,
        after: { contractId: first[0]!.contractId },
        limit: 1,
      });
      expect([...first, ...second]).toEqual(rows);
    },
  },
} satisfies Record<string, StorageScenario>;
