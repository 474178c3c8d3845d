import { describe, expect, it } from "vitest";
import { brl, rejection as caught, type ScenarioEnv } from "./scenario-env";

/** Organizations, units, plans and customers through the public services. */
export function catalogScenarios(current: () => ScenarioEnv): void {
  async function aUnit(overrides: Record<string, unknown> = {}) {
    const { tessera } = current();
    const org = await tessera.organizations.createOrganization({ name: "Outro Estúdio" });
    const unit = await tessera.organizations.createUnit({
      organizationId: org.id,
      name: "Filial",
      slug: "outro-filial",
      paymentMethods: [{ method: "card", gatewayId: "sandbox" }],
      ...overrides,
    });
    return { org, unit };
  }

  describe("organizations", () => {
    it("names the slug when a unit takes another unit's address, and keeps its own", async () => {
      const { tessera } = current();
      const { org, unit: first } = await aUnit();
      const second = await tessera.organizations.createUnit({
        organizationId: org.id,
        name: "Segunda",
        slug: "segunda-unidade",
      });
      const error = await caught(tessera.organizations.updateUnit(second.id, { slug: first.slug }));
      expect(error.code).toBe("validation_failed");
      expect(error.details.issues).toEqual([expect.objectContaining({ path: ["slug"], code: "taken" })]);
      expect((await tessera.organizations.updateUnit(second.id, { slug: second.slug })).slug).toBe(
        "segunda-unidade",
      );
    });

    it("creates a unit with Brazilian defaults and records the events in the outbox", async () => {
      const { unit } = await aUnit();
      expect(unit).toMatchObject({ timeZone: "America/Sao_Paulo", currency: "BRL", locale: "pt-BR" });
      const pending = await current().storage.outbox.listUndelivered(100);
      expect(pending.slice(-2).map((e) => e.event.type)).toEqual(["organization.created", "unit.created"]);
      expect(pending.at(-1)?.event.payload).toEqual({ unitId: unit.id });
    });

    it("refuses a unit whose payment method names a gateway that is not configured", async () => {
      const error = await caught(aUnit({ paymentMethods: [{ method: "pix", gatewayId: "cielo" }] }));
      expect(error.code).toBe("validation_failed");
      expect(error.details.issues?.[0]?.path).toEqual(["paymentMethods", 0, "gatewayId"]);
    });

    it("names the field of a bad timezone", async () => {
      const error = await caught(aUnit({ timeZone: "Mars/Olympus" }));
      expect(error.message).toContain("timeZone");
    });

    it("refuses a second unit with the same slug as a conflict", async () => {
      const { org } = await aUnit();
      const error = await caught(
        current().tessera.organizations.createUnit({
          organizationId: org.id,
          name: "B",
          slug: "outro-filial",
        }),
      );
      expect(error.code).toBe("conflict");
    });
  });

  describe("plans", () => {
    it("creates a plan and derives its online slug from the name", async () => {
      const { unit } = await aUnit();
      const plan = await current().tessera.plans.create({
        unitId: unit.id,
        name: "Plano Mensal Açaí",
        price: brl(14990),
      });
      expect(plan.onlineSale.slug).toBe("plano-mensal-acai");
      expect(plan.version).toBe(1);
      expect(await current().tessera.plans.get(plan.id)).toEqual(plan);
    });

    it("gives a second plan with an archived plan's name a free slug, since the old link stays the archived plan's", async () => {
      const { unit } = await aUnit();
      const { plans } = current().tessera;
      const first = await plans.create({ unitId: unit.id, name: "Mensal", price: brl(14990) });
      await plans.archive(first.id);
      const second = await plans.create({ unitId: unit.id, name: "Mensal", price: brl(15990) });
      const third = await plans.create({ unitId: unit.id, name: "Mensal", price: brl(16990) });
      expect([first, second, third].map((plan) => plan.onlineSale.slug)).toEqual([
        "mensal",
        "mensal-2",
        "mensal-3",
      ]);
    });

    it("names the slug field of a clash, with a free slug to use instead", async () => {
      const { unit } = await aUnit();
      const { plans } = current().tessera;
      await plans.create({
        unitId: unit.id,
        name: "Mensal",
        price: brl(14990),
        onlineSale: { slug: "mensal" },
      });
      const other = await plans.create({ unitId: unit.id, name: "Anual", price: brl(9990) });
      const error = await caught(plans.update(other.id, { onlineSale: { slug: "mensal" } }));
      expect(error.code).toBe("conflict");
      expect(error.details).toMatchObject({ field: "onlineSale.slug", suggestion: "mensal-2" });
      expect(error.details.issues?.[0]?.path).toEqual(["onlineSale", "slug"]);
      expect(error.message).toContain('"Mensal"');
      // A plan keeps its own slug through an edit: no clash with itself.
      expect((await plans.update(other.id, { name: "Anual 2027" })).onlineSale.slug).toBe("anual");
    });

    it("refuses a price in another currency than the unit's, naming price.currency", async () => {
      const { unit } = await aUnit();
      const error = await caught(
        current().tessera.plans.create({
          unitId: unit.id,
          name: "X",
          price: { amount: 100, currency: "USD" },
        }),
      );
      expect(error.details.issues?.[0]?.path).toEqual(["price", "currency"]);
    });

    it("refuses a fractional price, naming price.amount", async () => {
      const { unit } = await aUnit();
      const error = await caught(
        current().tessera.plans.create({ unitId: unit.id, name: "X", price: brl(99.5) }),
      );
      expect(error.code).toBe("validation_failed");
      expect(error.message).toContain("price.amount");
    });

    it("finds a plan on sale only while online sale is enabled and it is not archived", async () => {
      const { unit } = await aUnit();
      const plan = await current().tessera.plans.create({
        unitId: unit.id,
        name: "Mensal",
        price: brl(9900),
        onlineSale: { enabled: true, slug: "mensal" },
      });
      expect((await current().tessera.plans.findOnSale(unit.id, "mensal"))?.id).toBe(plan.id);
      const archived = await current().tessera.plans.archive(plan.id);
      expect(archived.version).toBe(2);
      expect(await current().tessera.plans.findOnSale(unit.id, "mensal")).toBeNull();
    });

    it("writes nothing when a plan's slug collides: no plan, no event", async () => {
      const { unit } = await aUnit();
      await current().tessera.plans.create({
        unitId: unit.id,
        name: "A",
        price: brl(100),
        onlineSale: { enabled: true, slug: "same" },
      });
      const before = (await current().storage.outbox.listUndelivered(100)).length;
      const error = await caught(
        current().tessera.plans.create({
          unitId: unit.id,
          name: "B",
          price: brl(100),
          onlineSale: { enabled: true, slug: "same" },
        }),
      );
      expect(error.code).toBe("conflict");
      expect((await current().storage.outbox.listUndelivered(100)).length).toBe(before);
      expect((await current().tessera.plans.list(unit.id)).map((p) => p.name)).toEqual(["A"]);
    });
  });

  describe("customers", () => {
    const buyer = (orgId: string, cpf: string) => ({
      organizationId: orgId,
      name: "Maria Souza",
      email: "Maria@Example.com",
      document: { kind: "cpf" as const, value: cpf },
    });

    it("reuses the customer of a known CPF, however it is punctuated", async () => {
      const { org } = await aUnit();
      const first = await current().tessera.customers.register(buyer(org.id, "529.982.247-25"));
      const second = await current().tessera.customers.register(buyer(org.id, "52998224725"));
      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.customer.id).toBe(first.customer.id);
      expect(first.customer.email).toBe("maria@example.com");
    });

    it("fills a known customer's missing phone without overwriting their name", async () => {
      const { org } = await aUnit();
      const first = await current().tessera.customers.register(buyer(org.id, "52998224725"));
      const again = await current().tessera.customers.register({
        ...buyer(org.id, "52998224725"),
        name: "Other",
        phone: "+55 11 99999-0000",
      });
      expect(again.customer).toMatchObject({
        id: first.customer.id,
        name: "Maria Souza",
        phone: "+55 11 99999-0000",
      });
    });

    it("ends two concurrent registrations of one new CPF with one customer", async () => {
      const { org } = await aUnit();
      const results = await Promise.all(
        [1, 2, 3].map(() => current().tessera.customers.register(buyer(org.id, "52998224725"))),
      );
      expect(new Set(results.map((r) => r.customer.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    });

    it("refuses an invalid CPF, naming document.value", async () => {
      const { org } = await aUnit();
      const error = await caught(current().tessera.customers.register(buyer(org.id, "529.982.247-26")));
      expect(error.code).toBe("validation_failed");
      expect(error.details.issues?.[0]?.path).toEqual(["document", "value"]);
    });
  });
}
