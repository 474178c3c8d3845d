import { expect } from "vitest";
import type { Contract } from "../../contracts/contract";
import { customerSearchText } from "../../customers/customer-search";
import type { Page, Storage } from "../../ports/storage";
import { seedSiblingUnit, seedWorld } from "./fixtures";
import type { StorageScenario } from "./storage-scenario";

/** Every page of a listing, following the cursor: proves no row twice and none skipped. */
async function allPages<T extends { id: string }>(
  list: (after: string | undefined) => Promise<Page<T>>,
): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await list(after);
    pages.push(page.items.map((item) => item.id));
    if (page.nextCursor === null) return pages;
    after = page.nextCursor;
  }
  throw new Error("the cursor never ended");
}

/** The ids of `list`'s one page (asked with a limit above what there is). */
const idsOf = async (page: Promise<Page<{ id: string }>>) => (await page).items.map((item) => item.id);

/** What the back office's customer and contract lists filter by. */
export const backOfficeQueryScenarios = {
  contractListFiltersAndCursor: {
    title:
      "filters a unit's contracts by status, origin, customer and contracted day, newest first, page by page with no row twice or skipped, never another unit's",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const { sibling, siblingPlan } = await seedSiblingUnit(storage, fixtures, world);
      // Another organization with a unit, plan and customer, for "never another unit's rows".
      const other = await seedWorld(storage, fixtures);
      const second = fixtures.customer(world.organization.id);
      await storage.customers.insert(second);
      const owner = { unitId: world.unit.id, customerId: world.customer.id, planId: world.plan.id };
      const made: Contract[] = [
        fixtures.contract(owner, { startDate: "2026-02-27", origin: "staff" }),
        fixtures.contract(owner, { startDate: "2026-02-28", status: "canceled" }),
        fixtures.contract({ ...owner, customerId: second.id }, { startDate: "2026-03-01" }),
        fixtures.contract(owner, { startDate: "2026-03-02", status: "pending_payment", origin: "api" }),
        fixtures.contract(
          { ...owner, customerId: second.id },
          { startDate: "2026-03-31", origin: "renewal" },
        ),
      ];
      for (const contract of made) await storage.contracts.insert(contract);
      await storage.contracts.insert(
        fixtures.contract({ unitId: sibling.id, customerId: second.id, planId: siblingPlan.id }),
      );
      const mine = [world.contract, ...made].map((contract) => contract.id);
      const newest = [...mine].reverse();

      for (const limit of [1, 2, 4]) {
        const pages = await allPages((after) =>
          storage.contracts.list(world.unit.id, { limit, after, newestFirst: true }),
        );
        expect(pages.flat(), `pages of ${limit}`).toEqual(newest);
        expect(pages.every((page) => page.length <= limit)).toBe(true);
      }
      expect(
        (await allPages((after) => storage.contracts.list(world.unit.id, { limit: 4, after }))).flat(),
      ).toEqual(mine);

      const list = (filter: Parameters<Storage["contracts"]["list"]>[1]) =>
        idsOf(storage.contracts.list(world.unit.id, { ...filter, newestFirst: true }));
      expect(await list({ origin: "online" })).toEqual([made[2]!.id, made[1]!.id, world.contract.id]);
      expect(await list({ origin: "staff" })).toEqual([made[0]!.id]);
      expect(await list({ status: "active", origin: "online" })).toEqual([made[2]!.id, world.contract.id]);
      expect(await list({ customerId: second.id })).toEqual([made[4]!.id, made[2]!.id]);
      // Newest first is by id (when contracted), not by the contracted day.
      expect(await list({ startedFrom: "2026-02-28", startedTo: "2026-03-01" })).toEqual([
        made[2]!.id,
        made[1]!.id,
        world.contract.id,
      ]);
      expect(await list({ startedFrom: "2026-03-02" })).toEqual([made[4]!.id, made[3]!.id]);
      expect(await list({ startedTo: "2026-02-27" })).toEqual([made[0]!.id]);
      expect(await list({ status: "pending_payment", origin: "api", customerId: world.customer.id })).toEqual(
        [made[3]!.id],
      );
      const filteredPages = await allPages((after) =>
        storage.contracts.list(world.unit.id, { limit: 1, after, origin: "online", newestFirst: true }),
      );
      expect(filteredPages.flat()).toEqual([made[2]!.id, made[1]!.id, world.contract.id]);
      // Another organization's unit, and a sibling unit, keep their own.
      expect(await idsOf(storage.contracts.list(other.unit.id))).toEqual([other.contract.id]);
      expect(await idsOf(storage.contracts.list(sibling.id, { customerId: world.customer.id }))).toEqual([]);
    },
  },

  contractListByLatestPaymentStatus: {
    title:
      "finds contracts whose unpaid installment's latest attempt is open (pending) or failed (error), judging only the latest attempt",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, customerId: world.customer.id, planId: world.plan.id };
      const payer = { unitId: world.unit.id, customerId: world.customer.id };
      const scenario = async (
        attempts: (
          | "pending"
          | "processing"
          | "requires_action"
          | "unknown"
          | "failed"
          | "canceled"
          | "succeeded"
        )[],
        installmentStatus: "awaiting" | "denied" | "confirmed" = "awaiting",
      ) => {
        const contract = fixtures.contract(owner, { status: "pending_payment" });
        await storage.contracts.insert(contract);
        const installment = fixtures.installment(
          { ...payer, contractId: contract.id },
          {
            status: installmentStatus,
            confirmedAt: installmentStatus === "confirmed" ? contract.createdAt : null,
          },
        );
        await storage.installments.insertMany([installment]);
        for (const status of attempts) {
          await storage.payments.insert(
            fixtures.payment(payer, { status, installmentIds: [installment.id] }),
          );
        }
        return contract.id;
      };
      const open = await scenario(["pending"]);
      const processing = await scenario(["processing"]);
      const waitsOnPayer = await scenario(["requires_action"]);
      const undecided = await scenario(["unknown"]);
      const failed = await scenario(["failed"], "denied");
      const failedThenOpen = await scenario(["failed", "pending"]);
      const openThenFailed = await scenario(["pending", "failed"]);
      const canceledAfterFailure = await scenario(["failed", "canceled"]);
      await scenario(["succeeded"], "confirmed");
      await scenario([]);
      // A failure on an installment no longer to be paid is no pending error.
      await scenario(["failed"], "confirmed");

      const byStatus = (paymentStatus: "pending" | "error") =>
        idsOf(storage.contracts.list(world.unit.id, { paymentStatus }));
      expect(await byStatus("pending")).toEqual([open, processing, waitsOnPayer, undecided, failedThenOpen]);
      expect(await byStatus("error")).toEqual([failed, openThenFailed]);
      expect(canceledAfterFailure).toBeDefined();
      const pages = await allPages((after) =>
        storage.contracts.list(world.unit.id, {
          paymentStatus: "pending",
          limit: 2,
          after,
          newestFirst: true,
        }),
      );
      expect(pages.flat()).toEqual([failedThenOpen, undecided, waitsOnPayer, processing, open]);
      const other = await seedWorld(storage, fixtures);
      expect(await idsOf(storage.contracts.list(other.unit.id, { paymentStatus: "pending" }))).toEqual([]);
    },
  },

  customerListSearchFoldsAndDigits: {
    title:
      "finds customers by a part of the name ignoring case and accents, by CPF or phone with or without punctuation, by unit, newest first page by page",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const { sibling, siblingPlan } = await seedSiblingUnit(storage, fixtures, world);
      const joao = fixtures.customer(world.organization.id, {
        name: "João Conceição",
        document: { kind: "cpf", value: "52998224725" },
        phone: "+55 (11) 98765-4321",
      });
      const marcia = fixtures.customer(world.organization.id, {
        name: "MÁRCIA Gonçalves",
        document: { kind: "cnpj", value: "11222333000181" },
        phone: "21 3333-4444",
      });
      const nobody = fixtures.customer(world.organization.id, {
        name: "Sem Contrato",
        phone: null,
        document: null,
      });
      for (const customer of [joao, marcia, nobody]) await storage.customers.insert(customer);
      await storage.contracts.insert(
        fixtures.contract({ unitId: world.unit.id, customerId: joao.id, planId: world.plan.id }),
      );
      await storage.contracts.insert(
        fixtures.contract({ unitId: sibling.id, customerId: marcia.id, planId: siblingPlan.id }),
      );
      const other = await seedWorld(storage, fixtures);
      const twin = fixtures.customer(other.organization.id, {
        name: "João Conceição",
        document: { kind: "cpf", value: "52998224725" },
      });
      await storage.customers.insert(twin);

      const [row] = await readRows("customers", { id: joao.id });
      expect(row?.["search_key"]).toBe(customerSearchText(joao));

      const search = (text: string, unitId?: typeof world.unit.id) =>
        idsOf(storage.customers.list(world.organization.id, { search: text, ...(unitId ? { unitId } : {}) }));
      expect(await search("joao")).toEqual([joao.id]);
      expect(await search("CONCEIÇÃO")).toEqual([joao.id]);
      expect(await search("marcia gonc")).toEqual([marcia.id]);
      expect(await search("529.982.247-25")).toEqual([joao.id]);
      expect(await search("52998224725")).toEqual([joao.id]);
      expect(await search("11.222.333/0001-81")).toEqual([marcia.id]);
      expect(await search("(11) 98765-4321")).toEqual([joao.id]);
      expect(await search("3333-4444")).toEqual([marcia.id]);
      expect(await search("   ")).toEqual([world.customer.id, joao.id, marcia.id, nobody.id].map((id) => id));
      expect(await search("joao", sibling.id)).toEqual([]);
      expect(await search("", sibling.id)).toEqual([marcia.id]);
      expect(await search("", world.unit.id)).toEqual([world.customer.id, joao.id]);

      const everyone = [world.customer.id, joao.id, marcia.id, nobody.id].reverse();
      for (const limit of [1, 3]) {
        const pages = await allPages((after) =>
          storage.customers.list(world.organization.id, { limit, after, newestFirst: true }),
        );
        expect(pages.flat(), `pages of ${limit}`).toEqual(everyone);
      }
      const unitPages = await allPages((after) =>
        storage.customers.list(world.organization.id, {
          limit: 1,
          after,
          unitId: world.unit.id,
          newestFirst: true,
        }),
      );
      expect(unitPages.flat()).toEqual([joao.id, world.customer.id]);
      expect(await idsOf(storage.customers.list(other.organization.id, { search: "joao" }))).toEqual([
        twin.id,
      ]);
    },
  },
} satisfies Record<string, StorageScenario>;
