import { expect } from "vitest";
import type { Id } from "../../ids/id";
import { expectTesseraError } from "./expect-tessera-error";
import { rawNumber } from "./raw-values";
import type { StorageScenario } from "./storage-scenario";

/** Organizations, units and plans. */
export const catalogScenarios = {
  organizationRoundTrip: {
    title: "stores an organization and finds it by id; an unknown id is null",
    async run({ storage, readRows, fixtures }) {
      const organization = fixtures.organization();
      await storage.organizations.insert(organization);
      expect(await storage.organizations.findById(organization.id)).toEqual(organization);
      expect(await storage.organizations.findById(fixtures.ids("organization"))).toBeNull();
      const rows = await readRows("organizations", { id: organization.id });
      expect(rows).toHaveLength(1);
      expect(rows[0]?.name).toBe("Estúdio Ágil");
    },
  },

  unitRoundTrip: {
    title: "stores a unit exactly, finds it by id and slug, lists an organization's units in id order",
    async run({ storage, fixtures }) {
      const organization = fixtures.organization();
      const other = fixtures.organization();
      await storage.organizations.insert(organization);
      await storage.organizations.insert(other);
      const first = fixtures.unit(organization.id);
      const second = fixtures.unit(organization.id, {
        notificationEmails: [],
        checkoutFields: [],
        paymentMethods: [],
      });
      const elsewhere = fixtures.unit(other.id);
      for (const unit of [second, elsewhere, first]) await storage.units.insert(unit);
      expect(await storage.units.findById(first.id)).toEqual(first);
      expect(await storage.units.findBySlug(second.slug)).toEqual(second);
      expect(await storage.units.findBySlug("no-such-unit")).toBeNull();
      expect(await storage.units.listByOrganization(organization.id)).toEqual([first, second]);
      const everyUnit = [first, second, elsewhere].sort((a, b) => (a.id < b.id ? -1 : 1));
      const page = await storage.units.list({ limit: 2 });
      expect(page.items).toEqual(everyUnit.slice(0, 2));
      expect(await storage.units.list({ limit: 2, after: page.nextCursor ?? undefined })).toEqual({
        items: everyUnit.slice(2),
        nextCursor: null,
      });
    },
  },

  unitUpdate: {
    title: "overwrites a unit's settings",
    async run({ storage, fixtures }) {
      const organization = fixtures.organization();
      await storage.organizations.insert(organization);
      const unit = fixtures.unit(organization.id);
      await storage.units.insert(unit);
      const changed = {
        ...unit,
        name: "Unidade Centro",
        clientFeeBasisPoints: 0,
        paymentMethods: [{ method: "boleto" as const, gatewayId: "inter", mode: "manual" as const }],
        updatedAt: "2026-03-02T08:30:00.000Z",
      };
      await storage.units.update(changed);
      expect(await storage.units.findById(unit.id)).toEqual(changed);
    },
  },

  unitSlugUnique: {
    title: "refuses a second unit with the same slug with conflict",
    async run({ storage, fixtures }) {
      const organization = fixtures.organization();
      await storage.organizations.insert(organization);
      const unit = fixtures.unit(organization.id, { slug: "centro" });
      await storage.units.insert(unit);
      const error = await expectTesseraError(
        storage.units.insert(fixtures.unit(organization.id, { slug: "centro" })),
        "conflict",
      );
      expect(error.details.entity).toBe("unit");
    },
  },

  planRoundTrip: {
    title: "stores a plan exactly — money, quotas, button design, nulls — and finds it by online slug",
    async run({ storage, readRows, fixtures }) {
      const organization = fixtures.organization();
      await storage.organizations.insert(organization);
      const unit = fixtures.unit(organization.id);
      await storage.units.insert(unit);
      const plan = fixtures.plan(unit.id, { price: { amount: 9_007_199_254_740, currency: "BRL" } });
      const pass = fixtures.plan(unit.id, {
        kind: "pass",
        installmentCount: null,
        enrollmentFee: null,
        autoRenew: false,
        quotas: [],
        activationMode: "staff_code",
      });
      await storage.plans.insert(plan);
      await storage.plans.insert(pass);
      expect(await storage.plans.findById(plan.id)).toEqual(plan);
      expect(await storage.plans.findById(pass.id)).toEqual(pass);
      expect(await storage.plans.findByOnlineSlug(unit.id, pass.onlineSale.slug)).toEqual(pass);
      expect(await storage.plans.findByOnlineSlug(unit.id, "missing")).toBeNull();
      const [row] = await readRows("plans", { id: plan.id });
      expect(rawNumber(row?.price_amount)).toBe(9_007_199_254_740);
      expect(row?.price_currency).toBe("BRL");
    },
  },

  planFoundInItsUnit: {
    title: "finds a plan with its unit in one read, and nothing for a plan of another unit or no unit",
    async run({ storage, fixtures }) {
      const organization = fixtures.organization();
      await storage.organizations.insert(organization);
      const unit = fixtures.unit(organization.id, {
        slug: "centro",
        checkoutFields: [],
        notificationEmails: ["recepcao@example.com"],
      });
      const other = fixtures.unit(organization.id, { slug: "bairro" });
      await storage.units.insert(unit);
      await storage.units.insert(other);
      const plan = fixtures.plan(unit.id);
      await storage.plans.insert(plan);
      // Both decoded whole, as their own reads decode them: the join hides no column of either.
      expect(await storage.plans.findInUnit(unit.id, plan.id)).toEqual({
        plan: await storage.plans.findById(plan.id),
        unit: await storage.units.findById(unit.id),
      });
      expect(await storage.plans.findInUnit(unit.id, plan.id)).toEqual({ plan, unit });
      expect(await storage.plans.findInUnit(other.id, plan.id)).toBeNull();
      expect(await storage.plans.findInUnit("unit_missing" as Id<"unit">, plan.id)).toBeNull();
      expect(await storage.plans.findInUnit(unit.id, "plan_missing" as Id<"plan">)).toBeNull();
    },
  },

  planUpdateCompareAndSet: {
    title:
      "updates a plan only from its current version, returning the next one; a stale write is a conflict",
    async run({ storage, readRows, fixtures }) {
      const organization = fixtures.organization();
      await storage.organizations.insert(organization);
      const unit = fixtures.unit(organization.id);
      await storage.units.insert(unit);
      const plan = fixtures.plan(unit.id);
      await storage.plans.insert(plan);
      const updated = await storage.plans.update({ ...plan, name: "Plano Anual", status: "archived" });
      expect(updated).toEqual({ ...plan, name: "Plano Anual", status: "archived", version: 2 });
      const error = await expectTesseraError(storage.plans.update({ ...plan, name: "Stale" }), "conflict");
      expect(error.details.entity).toBe("plan");
      const [row] = await readRows("plans", { id: plan.id });
      expect(row?.name).toBe("Plano Anual");
      expect(rawNumber(row?.version)).toBe(2);
    },
  },

  planListFilters: {
    title: "lists a unit's plans: active by default, archived on request, online-only on request",
    async run({ storage, fixtures }) {
      const organization = fixtures.organization();
      await storage.organizations.insert(organization);
      const unit = fixtures.unit(organization.id);
      await storage.units.insert(unit);
      const online = fixtures.plan(unit.id);
      const offline = fixtures.plan(unit.id);
      offline.onlineSale = { ...offline.onlineSale, enabled: false };
      const archived = fixtures.plan(unit.id, { status: "archived" });
      for (const plan of [archived, offline, online]) await storage.plans.insert(plan);
      expect(await storage.plans.listByUnit(unit.id)).toEqual([online, offline]);
      expect(await storage.plans.listByUnit(unit.id, { includeArchived: true })).toEqual([
        online,
        offline,
        archived,
      ]);
      expect(await storage.plans.listByUnit(unit.id, { onlineOnly: true })).toEqual([online]);
    },
  },

  planOnlineSlugUnique: {
    title: "refuses a second plan with the same online slug in a unit; another unit may reuse it",
    async run({ storage, fixtures }) {
      const organization = fixtures.organization();
      await storage.organizations.insert(organization);
      const unit = fixtures.unit(organization.id);
      const otherUnit = fixtures.unit(organization.id);
      await storage.units.insert(unit);
      await storage.units.insert(otherUnit);
      const plan = fixtures.plan(unit.id);
      await storage.plans.insert(plan);
      const twin = fixtures.plan(unit.id);
      twin.onlineSale = { ...twin.onlineSale, slug: plan.onlineSale.slug };
      const error = await expectTesseraError(storage.plans.insert(twin), "conflict");
      expect(error.details.entity).toBe("plan");
      await storage.plans.insert({ ...twin, unitId: otherUnit.id });
      expect(await storage.plans.findByOnlineSlug(otherUnit.id, plan.onlineSale.slug)).toEqual({
        ...twin,
        unitId: otherUnit.id,
      });
    },
  },
} satisfies Record<string, StorageScenario>;
