import { expect } from "vitest";
import { expectTesseraError } from "./expect-tessera-error";
import { seedWorld } from "./fixtures";
import type { StorageScenario } from "./storage-scenario";

/** `transaction(fn)`: all or nothing, and never nested. */
export const transactionScenarios = {
  transactionCommits: {
    title: "commits everything fn wrote and returns fn's value; fn sees its own writes",
    async run({ storage, readRows, fixtures }) {
      const result = await storage.transaction(async (tx) => {
        const world = await seedWorld(tx, fixtures);
        expect(await tx.customers.findById(world.customer.id)).toMatchObject({
          id: world.customer.id,
          status: "active",
        });
        return world;
      });
      expect(await storage.contracts.findById(result.contract.id)).toEqual(result.contract);
      expect(await readRows("customers", { id: result.customer.id })).toHaveLength(1);
    },
  },

  transactionRollsBack: {
    title: "rolls back every write when fn throws, rethrowing fn's own error unchanged",
    async run({ storage, readRows, fixtures }) {
      const failure = new Error("checkout failed halfway");
      const written: { table: string; id: string }[] = [];
      const caught = await storage
        .transaction(async (tx) => {
          const world = await seedWorld(tx, fixtures);
          const owner = { unitId: world.unit.id, customerId: world.customer.id };
          const installment = fixtures.installment({ ...owner, contractId: world.contract.id });
          await tx.installments.insertMany([installment]);
          const payment = fixtures.payment(owner, { installmentIds: [installment.id] });
          await tx.payments.insert(payment);
          const entry = fixtures.walletEntry(owner, 2_000);
          await tx.wallet.append(entry);
          const event = fixtures.event(world.unit.id);
          await tx.outbox.append([event]);
          const inbox = fixtures.inboxEntry();
          await tx.inbox.record(inbox);
          written.push(
            { table: "organizations", id: world.organization.id },
            { table: "units", id: world.unit.id },
            { table: "plans", id: world.plan.id },
            { table: "customers", id: world.customer.id },
            { table: "contracts", id: world.contract.id },
            { table: "installments", id: installment.id },
            { table: "payments", id: payment.id },
            { table: "wallet_entries", id: entry.id },
            { table: "outbox", id: event.id },
            { table: "inbox", id: inbox.id },
          );
          throw failure;
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(caught).toBe(failure);
      expect(written).toHaveLength(10);
      for (const { table, id } of written) {
        expect(await readRows(table, { id }), `${table} ${id} survived the rollback`).toEqual([]);
      }
      const customerId = written.find((w) => w.table === "customers")?.id ?? "";
      expect(await readRows("wallet_entries", { customer_id: customerId })).toEqual([]);
    },
  },

  transactionRollsBackConflicts: {
    title: "rolls back earlier writes when a later one in the same transaction conflicts",
    async run({ storage, readRows, fixtures }) {
      const organization = fixtures.organization();
      await storage.organizations.insert(organization);
      const document = { kind: "cpf" as const, value: "52998224725" };
      await storage.customers.insert(fixtures.customer(organization.id, { document }));
      const unit = fixtures.unit(organization.id);
      await expectTesseraError(
        storage.transaction(async (tx) => {
          await tx.units.insert(unit);
          await tx.customers.insert(fixtures.customer(organization.id, { document }));
        }),
        "conflict",
      );
      expect(await readRows("units", { id: unit.id })).toEqual([]);
    },
  },

  transactionNesting: {
    title: "refuses a transaction started inside another with transaction_nesting",
    async run({ storage, readRows, fixtures }) {
      const organization = fixtures.organization();
      await expectTesseraError(
        storage.transaction(async (tx) => {
          await tx.organizations.insert(organization);
          await storage.transaction(async () => undefined);
        }),
        "transaction_nesting",
      );
      expect(await readRows("organizations", { id: organization.id })).toEqual([]);
    },
  },

  transactionsInParallel: {
    title: "runs concurrent transactions without losing or mixing their writes",
    async run({ storage, readRows, fixtures }) {
      const organizations = Array.from({ length: 8 }, () => fixtures.organization());
      const outcomes = await Promise.allSettled(
        organizations.map((organization, index) =>
          storage.transaction(async (tx) => {
            await tx.organizations.insert(organization);
            if (index % 2 === 1) throw new Error(`rollback ${index}`);
          }),
        ),
      );
      expect(outcomes.map((o) => o.status)).toEqual(
        organizations.map((_, i) => (i % 2 === 1 ? "rejected" : "fulfilled")),
      );
      for (const [index, organization] of organizations.entries()) {
        expect(await readRows("organizations", { id: organization.id })).toHaveLength(
          index % 2 === 1 ? 0 : 1,
        );
      }
    },
  },
} satisfies Record<string, StorageScenario>;
