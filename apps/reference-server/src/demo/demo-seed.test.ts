import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTessera } from "@tessera/core";
import { createSqliteStorage } from "@tessera/storage-sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { demoUnitSlug, seedDemo } from "./demo-seed";

describe("seedDemo", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("seeds Estúdio Aurora once: a second run, even from a new process's storage, changes nothing", async () => {
    dir = await mkdtemp(join(tmpdir(), "tessera-demo-"));
    const filename = join(dir, "tessera.db");

    const first = await createSqliteStorage({ filename });
    const created = await seedDemo(createTessera({ storage: first }));
    await first.close();
    expect(created.created).toBe(true);

    const second = await createSqliteStorage({ filename });
    try {
      const tessera = createTessera({ storage: second });
      const again = await seedDemo(tessera);
      expect(again).toEqual({ created: false, unit: created.unit });

      const unit = (await tessera.organizations.findUnitBySlug(demoUnitSlug))!;
      expect(await tessera.organizations.listUnits(unit.organizationId)).toHaveLength(1);
      expect((await tessera.organizations.getOrganization(unit.organizationId))?.name).toBe("Estúdio Aurora");
      // One organization.created event in the outbox: the second run created no organization.
      const events = (await second.outbox.listUndelivered(100)).map((e) => e.event.type);
      expect(events.filter((type) => type === "organization.created")).toHaveLength(1);
      expect(await tessera.plans.list(unit.id)).toHaveLength(4);
    } finally {
      await second.close();
    }
  });

  it("sets up the unit and plans the demo promises", async () => {
    dir = await mkdtemp(join(tmpdir(), "tessera-demo-"));
    const storage = await createSqliteStorage({ filename: join(dir, "tessera.db") });
    try {
      const result = await seedDemo(createTessera({ storage }));
      if (!result.created) throw new Error("expected the demo to be created");
      expect(result.unit).toMatchObject({
        slug: "aurora-centro",
        timeZone: "America/Sao_Paulo",
        currency: "BRL",
        locale: "pt-BR",
        notificationEmails: ["recepcao@aurora.example"],
        paymentMethods: [
          { method: "card", gatewayId: "sandbox" },
          { method: "pix", gatewayId: "sandbox" },
          { method: "boleto", gatewayId: "sandbox" },
        ],
      });
      const bySlug = Object.fromEntries(result.plans.map((p) => [p.onlineSale.slug, p]));
      expect(result.plans.every((p) => p.onlineSale.enabled)).toBe(true);
      expect(bySlug["mensal"]).toMatchObject({
        autoRenew: true,
        enrollmentFee: { amount: 5000, currency: "BRL" },
      });
      expect(bySlug["anual"]).toMatchObject({ installmentCount: 12 });
      expect(bySlug["day-pass"]).toMatchObject({ kind: "pass", activationMode: "staff_code" });
      expect(bySlug["pacote-10-aulas"]?.quotas).toEqual([{ name: "aulas", quantity: 10 }]);
    } finally {
      await storage.close();
    }
  });
});
