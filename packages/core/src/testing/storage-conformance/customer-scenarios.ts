import { expect } from "vitest";
import { blocksCustomer } from "../../contracts/blocks-customer";
import { contractLifecycle } from "../../contracts/contract-status";
import type { Customer } from "../../customers/customer";
import { documentKey } from "../../customers/tax-document";
import type { NewCustomer } from "../../ports/storage";
import { expectTesseraError } from "./expect-tessera-error";
import { fixtureNow, seedWorld } from "./fixtures";
import { rawNumber } from "./raw-values";
import type { StorageScenario } from "./storage-scenario";

const active = (customer: NewCustomer): Customer => ({ ...customer, status: "active" });
const blocked = (customer: NewCustomer): Customer => ({ ...customer, status: "blocked" });

/** Customers, their unique documents, and their derived status. */
export const customerScenarios = {
  customerRoundTrip: {
    title: "stores a customer exactly and finds it by id and by document key; status is not a stored column",
    async run({ storage, readRows, fixtures }) {
      const organization = fixtures.organization();
      await storage.organizations.insert(organization);
      const customer = fixtures.customer(organization.id, {
        document: { kind: "cpf", value: "52998224725" },
      });
      await storage.customers.insert(customer);
      expect(await storage.customers.findById(customer.id)).toEqual(active(customer));
      expect(await storage.customers.findByDocument(organization.id, "cpf:52998224725")).toEqual(
        active(customer),
      );
      expect(await storage.customers.findByDocument(organization.id, "cpf:11144477735")).toBeNull();
      expect(await storage.customers.findById(fixtures.ids("customer"))).toBeNull();
      const [row] = await readRows("customers", { id: customer.id });
      expect(row).toBeDefined();
      expect(row).not.toHaveProperty("status");
    },
  },

  customerNullsRoundTrip: {
    title: "keeps a customer's absent document, phone, address and password as null",
    async run({ storage, fixtures }) {
      const organization = fixtures.organization();
      await storage.organizations.insert(organization);
      const customer = fixtures.customer(organization.id, {
        document: null,
        phone: null,
        address: null,
        passwordHash: null,
        attachments: [],
        extraFields: {},
        source: "staff",
      });
      await storage.customers.insert(customer);
      expect(await storage.customers.findById(customer.id)).toEqual(active(customer));
    },
  },

  customerDocumentUnique: {
    title:
      "refuses a second customer with the same document in an organization; other organizations and undocumented customers are free",
    async run({ storage, readRows, fixtures }) {
      const organization = fixtures.organization();
      const other = fixtures.organization();
      await storage.organizations.insert(organization);
      await storage.organizations.insert(other);
      const document = { kind: "cpf" as const, value: "52998224725" };
      await storage.customers.insert(fixtures.customer(organization.id, { document }));
      const duplicate = fixtures.customer(organization.id, { document });
      const error = await expectTesseraError(storage.customers.insert(duplicate), "conflict");
      expect(error.details.entity).toBe("customer");
      expect(await readRows("customers", { id: duplicate.id })).toEqual([]);
      await storage.customers.insert(fixtures.customer(other.id, { document }));
      await storage.customers.insert(fixtures.customer(organization.id, { document: null }));
      await storage.customers.insert(fixtures.customer(organization.id, { document: null }));
      expect(await readRows("customers", { organization_id: organization.id })).toHaveLength(3);
    },
  },

  customerInsertIfNewDocument: {
    title:
      "inserts a customer whose document the organization does not know, and writes nothing, answering false, for one it knows",
    async run({ storage, readRows, fixtures }) {
      const organization = fixtures.organization();
      const other = fixtures.organization();
      await storage.organizations.insert(organization);
      await storage.organizations.insert(other);
      const document = { kind: "cpf" as const, value: "52998224725" };
      const first = fixtures.customer(organization.id, { document });
      expect(await storage.customers.insertIfNewDocument(first)).toBe(true);
      expect(await storage.customers.findById(first.id)).toEqual(active(first));

      const again = fixtures.customer(organization.id, { document, name: "Someone Else" });
      expect(await storage.customers.insertIfNewDocument(again)).toBe(false);
      expect(await readRows("customers", { id: again.id })).toEqual([]);
      const [row] = await readRows("customers", { id: first.id });
      expect(row?.name).toBe(first.name);

      // The same document in another organization, and customers without one, are new.
      expect(await storage.customers.insertIfNewDocument(fixtures.customer(other.id, { document }))).toBe(
        true,
      );
      for (const undocumented of [
        fixtures.customer(organization.id, { document: null }),
        fixtures.customer(organization.id, { document: null }),
      ]) {
        expect(await storage.customers.insertIfNewDocument(undocumented)).toBe(true);
      }
      expect(await readRows("customers", { organization_id: organization.id })).toHaveLength(3);
      // Another unique key still refuses: the same id twice is a conflict, not a "known document".
      const sameId = { ...fixtures.customer(organization.id), id: first.id };
      expect(
        (await expectTesseraError(storage.customers.insertIfNewDocument(sameId), "conflict")).details.entity,
      ).toBe("customer");
    },
  },

  customerStatusAsBlocksCustomer: {
    title:
      "derives blocked exactly when core's blocksCustomer says a contract blocks, in every status, with and without a payment issue",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const issue = {
        paymentId: fixtures.ids("payment"),
        code: "card_declined",
        message: "",
        at: fixtureNow,
      };
      let contract = world.contract;
      for (const status of contractLifecycle.statuses) {
        for (const paymentIssue of [null, issue]) {
          contract = await storage.contracts.update({ ...contract, status, paymentIssue });
          const expected = blocksCustomer(contract) ? "blocked" : "active";
          expect({
            status,
            paymentIssue,
            derived: (await storage.customers.findById(world.customer.id))?.status,
          }).toEqual({
            status,
            paymentIssue,
            derived: expected,
          });
        }
      }
    },
  },

  customerUpdateCompareAndSet: {
    title:
      "updates a customer only from its current version; a stale write is a conflict and changes nothing",
    async run({ storage, readRows, fixtures }) {
      const organization = fixtures.organization();
      await storage.organizations.insert(organization);
      const customer = fixtures.customer(organization.id);
      await storage.customers.insert(customer);
      const updated = await storage.customers.update({ ...active(customer), phone: "+55 21 98888-1111" });
      expect(updated).toEqual({ ...active(customer), phone: "+55 21 98888-1111", version: 2 });
      await expectTesseraError(storage.customers.update({ ...customer, name: "Stale" }), "conflict");
      const [row] = await readRows("customers", { id: customer.id });
      expect(row?.name).toBe(customer.name);
      expect(rawNumber(row?.version)).toBe(2);
    },
  },

  customerStatusDerived: {
    title:
      "derives blocked from a pending contract with a payment issue or a past-due contract, and lifts it by itself",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const { customer, contract } = world;
      expect((await storage.customers.findById(customer.id))?.status).toBe("active");

      const issue = {
        paymentId: fixtures.ids("payment"),
        code: "card_declined",
        message: "Não autorizada",
        at: contract.createdAt,
      };
      const pending = await storage.contracts.update({
        ...contract,
        status: "pending_payment",
        paymentIssue: issue,
      });
      expect(await storage.customers.findById(customer.id)).toEqual(blocked(customer));
      const key = documentKey(customer.document ?? { kind: "foreign", value: "none" });
      expect(await storage.customers.findByDocument(customer.organizationId, key)).toEqual(blocked(customer));

      const cleared = await storage.contracts.update({ ...pending, paymentIssue: null });
      expect(await storage.customers.findById(customer.id)).toEqual(active(customer));

      const activated = await storage.contracts.update({ ...cleared, status: "active" });
      const pastDue = await storage.contracts.update({ ...activated, status: "past_due" });
      expect((await storage.customers.findById(customer.id))?.status).toBe("blocked");

      await storage.contracts.update({ ...pastDue, status: "canceled", paymentIssue: issue });
      expect((await storage.customers.findById(customer.id))?.status).toBe("active");
    },
  },

  customerListFiltersAndPages: {
    title: "lists an organization's customers in id order, by derived status and search, page by page",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const { organization, unit, plan } = world;
      const others = [
        fixtures.customer(organization.id, { name: "Ana Souza", email: "ana@example.com" }),
        fixtures.customer(organization.id, { name: "Bruno 100%_Lima", email: "bruno@example.com" }),
        fixtures.customer(organization.id, { name: "Carla Dias", email: "CARLA@EXAMPLE.COM" }),
      ];
      for (const customer of others) await storage.customers.insert(customer);
      const [ana, bruno, carla] = others as [NewCustomer, NewCustomer, NewCustomer];
      await storage.contracts.insert(
        fixtures.contract({ unitId: unit.id, customerId: bruno.id, planId: plan.id }, { status: "past_due" }),
      );
      const everyone = [world.customer, ana, bruno, carla];

      const all = await storage.customers.list(organization.id);
      expect(all.items.map((c) => c.id)).toEqual(everyone.map((c) => c.id));
      expect(all.nextCursor).toBeNull();

      const firstPage = await storage.customers.list(organization.id, { limit: 3 });
      expect(firstPage.items.map((c) => c.id)).toEqual(everyone.slice(0, 3).map((c) => c.id));
      expect(firstPage.nextCursor).not.toBeNull();
      const secondPage = await storage.customers.list(organization.id, {
        limit: 3,
        after: firstPage.nextCursor ?? undefined,
      });
      expect(secondPage.items.map((c) => c.id)).toEqual([carla.id]);
      expect(secondPage.nextCursor).toBeNull();

      const blockedOnly = await storage.customers.list(organization.id, { status: "blocked" });
      expect(blockedOnly.items).toEqual([blocked(bruno)]);
      const activeOnly = await storage.customers.list(organization.id, { status: "active" });
      expect(activeOnly.items.map((c) => c.id)).toEqual([world.customer.id, ana.id, carla.id]);

      expect((await storage.customers.list(organization.id, { search: "carla@example" })).items).toEqual([
        active(carla),
      ]);
      expect((await storage.customers.list(organization.id, { search: "souza" })).items).toEqual([
        active(ana),
      ]);
      // Wildcards in a search are literal characters, not patterns.
      expect(
        (await storage.customers.list(organization.id, { search: "0%_" })).items.map((c) => c.id),
      ).toEqual([bruno.id]);
      expect((await storage.customers.list(organization.id, { search: "%" })).items.map((c) => c.id)).toEqual(
        [bruno.id],
      );
    },
  },
} satisfies Record<string, StorageScenario>;
