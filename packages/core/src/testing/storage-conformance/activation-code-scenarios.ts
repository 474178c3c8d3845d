import { expect } from "vitest";
import { expectTesseraError } from "./expect-tessera-error";
import { seedWorld } from "./fixtures";
import { rawNumber } from "./raw-values";
import type { StorageScenario } from "./storage-scenario";

const attachment = (customerId: `cus_${string}`) => ({
  customerId,
  validFrom: "2026-03-02",
  validUntil: "2026-04-01",
  attachedAt: "2026-03-02T10:00:00.000Z",
});

/** Activation codes of passes bought online. */
export const activationCodeScenarios = {
  activationCodeRoundTrip: {
    title: "stores an activation code and finds it by code and by contract; lists a unit's codes by status",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, contractId: world.contract.id };
      const code = fixtures.activationCode(owner);
      const revoked = fixtures.activationCode(owner, { status: "revoked" });
      await storage.activationCodes.insert(code);
      await storage.activationCodes.insert(revoked);
      expect(await storage.activationCodes.findByCode(world.unit.id, code.code)).toEqual(code);
      expect(await storage.activationCodes.findByCode(world.unit.id, "NONE-0000")).toBeNull();
      expect(await storage.activationCodes.findByContract(world.contract.id)).toEqual(code);
      expect(await storage.activationCodes.listByUnit(world.unit.id)).toEqual([code, revoked]);
      expect(await storage.activationCodes.listByUnit(world.unit.id, { status: "revoked" })).toEqual([
        revoked,
      ]);
    },
  },

  activationCodeUniquePerUnit: {
    title: "refuses a code already used in the unit with conflict; another unit may use it",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const otherUnit = fixtures.unit(world.organization.id);
      await storage.units.insert(otherUnit);
      await storage.activationCodes.insert(
        fixtures.activationCode(
          { unitId: world.unit.id, contractId: world.contract.id },
          { code: "K7RM-4QX9" },
        ),
      );
      const error = await expectTesseraError(
        storage.activationCodes.insert(
          fixtures.activationCode(
            { unitId: world.unit.id, contractId: world.contract.id },
            { code: "K7RM-4QX9" },
          ),
        ),
        "conflict",
      );
      expect(error.details.entity).toBe("activationCode");
      const elsewhere = fixtures.activationCode(
        { unitId: otherUnit.id, contractId: world.contract.id },
        { code: "K7RM-4QX9" },
      );
      await storage.activationCodes.insert(elsewhere);
      expect(await storage.activationCodes.findByCode(otherUnit.id, "K7RM-4QX9")).toEqual(elsewhere);
    },
  },

  activationCodeAttachOnce: {
    title:
      "attaches an unattached code once: concurrent attaches have exactly one winner, the others get null",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const code = fixtures.activationCode({ unitId: world.unit.id, contractId: world.contract.id });
      await storage.activationCodes.insert(code);
      const results = await Promise.all(
        [1, 2, 3].map(() => storage.activationCodes.attach(code.id, attachment(world.customer.id))),
      );
      const winners = results.filter((r) => r !== null);
      expect(winners).toEqual([
        {
          ...code,
          status: "attached",
          attachedCustomerId: world.customer.id,
          validFrom: "2026-03-02",
          validUntil: "2026-04-01",
          attachedAt: "2026-03-02T10:00:00.000Z",
          version: 2,
        },
      ]);
      expect(await storage.activationCodes.attach(code.id, attachment(world.customer.id))).toBeNull();
      const [row] = await readRows("activation_codes", { id: code.id });
      expect(row?.status).toBe("attached");
      expect(rawNumber(row?.version)).toBe(2);
      const revoked = fixtures.activationCode(
        { unitId: world.unit.id, contractId: world.contract.id },
        { status: "revoked" },
      );
      await storage.activationCodes.insert(revoked);
      expect(await storage.activationCodes.attach(revoked.id, attachment(world.customer.id))).toBeNull();
    },
  },

  activationCodeRevoke: {
    title:
      "revokes an unattached or attached code once, ending an attached pass on the day given but never later than it did",
    async run({ storage, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, contractId: world.contract.id };
      const unattached = fixtures.activationCode(owner);
      const longPass = fixtures.activationCode(owner);
      const shortPass = fixtures.activationCode(owner);
      for (const code of [unattached, longPass, shortPass]) await storage.activationCodes.insert(code);
      await storage.activationCodes.attach(longPass.id, attachment(world.customer.id));
      await storage.activationCodes.attach(shortPass.id, {
        ...attachment(world.customer.id),
        validUntil: "2026-03-05",
      });
      const endsOn = "2026-03-10";
      expect(await storage.activationCodes.revoke(unattached.id, { endsOn })).toEqual({
        ...unattached,
        status: "revoked",
        version: 2,
      });
      expect(await storage.activationCodes.revoke(longPass.id, { endsOn })).toMatchObject({
        status: "revoked",
        validUntil: endsOn,
        attachedCustomerId: world.customer.id,
        version: 3,
      });
      expect((await storage.activationCodes.revoke(shortPass.id, { endsOn }))?.validUntil).toBe("2026-03-05");
      const twice = await Promise.all(
        [1, 2].map(() => storage.activationCodes.revoke(longPass.id, { endsOn })),
      );
      expect(twice).toEqual([null, null]);
      expect(await storage.activationCodes.attach(unattached.id, attachment(world.customer.id))).toBeNull();
    },
  },
} satisfies Record<string, StorageScenario>;
