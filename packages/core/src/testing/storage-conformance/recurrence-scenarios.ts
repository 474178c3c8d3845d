import { expect } from "vitest";
import type { Recurrence } from "../../recurrence/recurrence";
import { expectTesseraError } from "./expect-tessera-error";
import { type Fixtures, fixtureNow, seedWorld, type World } from "./fixtures";
import { rawJson, rawNumber } from "./raw-values";
import type { ScenarioContext, StorageScenario } from "./storage-scenario";

async function withFirstPayment({ storage, fixtures }: ScenarioContext) {
  const world = await seedWorld(storage, fixtures);
  const owner = { unitId: world.unit.id, customerId: world.customer.id };
  const first = fixtures.payment(owner, { method: "card", status: "succeeded", providerReference: "pay-1" });
  const second = fixtures.payment(owner, { method: "card", status: "succeeded", providerReference: "pay-2" });
  await storage.payments.insert(first);
  await storage.payments.insert(second);
  return { world, first, second };
}

export function recurrenceOf(
  fixtures: Fixtures,
  world: World,
  firstPaymentId: Recurrence["firstPaymentId"],
  overrides: Partial<Recurrence> = {},
): Recurrence {
  return {
    id: fixtures.ids("recurrence"),
    unitId: world.unit.id,
    customerId: world.customer.id,
    contractId: world.contract.id,
    gatewayId: "cielo",
    method: "card",
    firstPaymentId,
    providerReference: "61e5bd30-ec11-44b3-ba0a-56fbbc8274c5",
    status: "active",
    terms: {
      interval: { unit: "month", count: 1 },
      charges: null,
      amount: { amount: 14_990, currency: "BRL" },
      secondChargeOn: "2026-04-01",
    },
    lastSequence: 1,
    endedAt: null,
    createdAt: fixtureNow,
    updatedAt: fixtureNow,
    version: 1,
    ...overrides,
  };
}

/** Recurrences the provider runs: found by the provider's id, one per first payment. */
export const recurrenceScenarios = {
  recurrenceRoundTrip: {
    title:
      "stores a recurrence exactly, finds it by id, provider reference and contract, and updates it by version",
    async run(context) {
      const { storage, fixtures, readRows } = context;
      const { world, first } = await withFirstPayment(context);
      const recurrence = recurrenceOf(fixtures, world, first.id);
      await storage.recurrences.insert(recurrence);
      expect(await storage.recurrences.findById(recurrence.id)).toEqual(recurrence);
      expect(
        await storage.recurrences.findByProviderReference("cielo", recurrence.providerReference),
      ).toEqual(recurrence);
      expect(
        await storage.recurrences.findByProviderReference("pagolivre", recurrence.providerReference),
      ).toBeNull();
      expect(await storage.recurrences.listByContract(world.contract.id)).toEqual([recurrence]);
      const ended = await storage.recurrences.update({
        ...recurrence,
        status: "ended",
        lastSequence: 12,
        endedAt: "2027-02-01T03:00:00.000Z",
      });
      expect(ended).toEqual({
        ...recurrence,
        status: "ended",
        lastSequence: 12,
        endedAt: "2027-02-01T03:00:00.000Z",
        version: 2,
      });
      await expectTesseraError(storage.recurrences.update(recurrence), "conflict");
      const [row] = await readRows("recurrences", { id: recurrence.id });
      expect(rawNumber(row?.last_sequence)).toBe(12);
      expect(rawJson(row?.terms)).toEqual(recurrence.terms);
    },
  },

  recurrenceUniquePerProviderReferenceAndFirstPayment: {
    title:
      "refuses a second recurrence with the gateway's same provider reference, or started by the same payment, with conflict",
    async run(context) {
      const { storage, fixtures } = context;
      const { world, first, second } = await withFirstPayment(context);
      await storage.recurrences.insert(recurrenceOf(fixtures, world, first.id));
      const sameReference = await expectTesseraError(
        storage.recurrences.insert(recurrenceOf(fixtures, world, second.id)),
        "conflict",
      );
      expect(sameReference.details.entity).toBe("recurrence");
      await expectTesseraError(
        storage.recurrences.insert(recurrenceOf(fixtures, world, first.id, { providerReference: "another" })),
        "conflict",
      );
      // Another gateway may use the same id for a recurrence of its own.
      await storage.recurrences.insert(recurrenceOf(fixtures, world, second.id, { gatewayId: "pagolivre" }));
      expect(await storage.recurrences.listByContract(world.contract.id)).toHaveLength(2);
    },
  },
} satisfies Record<string, StorageScenario>;
