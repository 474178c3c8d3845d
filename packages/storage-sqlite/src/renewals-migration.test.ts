import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTessera } from "@tessera/core";
import { createManualClock, createSandboxGateway } from "@tessera/core/testing";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSqliteStorage } from "./sqlite-storage";

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "tessera-sqlite-renewals-"));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** The file as migration 0008 left it: no renewal terms or reminders, no term end on fixed contracts. */
function backToBeforeRenewals(filename: string): void {
  const raw = new BetterSqlite3(filename);
  try {
    raw.exec(`
      update contracts set next_period_on = null
        where json_extract(terms, '$.installmentCount') is not null;
      alter table units drop column renewal_terms;
      drop table installment_reminders;
      drop table billing_runs;
      alter table units drop column reminder_days;
      alter table payments drop column from_balance_amount;
      alter table payments drop column from_balance_entry_id;
      drop index orders_unit_idx;
      delete from tessera_migration where name >= '0009';
    `);
  } finally {
    raw.close();
  }
}

describe("migration 0009_renewals", () => {
  it("gives active fixed contracts their term's end, leaves the rest, and gives units the plan's renewal terms", async () => {
    const filename = join(directory, "tessera.db");
    const clock = createManualClock("2027-01-31T15:00:00.000Z");
    const storage = await createSqliteStorage({ filename });
    const sandbox = createSandboxGateway({ clock, webhookSecret: "migration-secret-0123456789" });
    const tessera = createTessera({ storage, clock, gateways: [sandbox] });
    const org = await tessera.organizations.createOrganization({ name: "Estúdio" });
    const unit = await tessera.organizations.createUnit({
      organizationId: org.id,
      name: "Centro",
      slug: "centro",
      paymentMethods: [{ method: "pix", gatewayId: "sandbox" }],
    });
    const plan = (name: string, installmentCount: number | null, slug: string) =>
      tessera.plans.create({
        unitId: unit.id,
        name,
        price: { amount: 10_000, currency: "BRL" },
        installmentCount,
        autoRenew: true,
        onlineSale: { enabled: true, slug },
      });
    const sell = async (planId: string, key: string, pay: boolean) => {
      const sale = await tessera.sales.start({
        unitId: unit.id,
        planId,
        buyer: {
          name: "Ana Souza",
          email: "ana@example.com",
          document: { kind: "cpf", value: "52998224725" },
        },
        method: "pix",
        idempotencyKey: key,
        source: "online",
      });
      if (pay) {
        sandbox.sandbox.pay(sale.payment!.idempotencyKey);
        await tessera.payments.refresh(sale.payment!.id);
      }
      return sale.contract.id;
    };
    const threeMonths = await sell((await plan("Trimestral", 3, "trimestral")).id, "migration-sale-1", true);
    const unpaid = await sell((await plan("Semestral", 6, "semestral")).id, "migration-sale-2", false);
    const openEnded = await sell((await plan("Mensal", null, "mensal")).id, "migration-sale-3", true);
    await storage.close();

    backToBeforeRenewals(filename);
    const reopened = await createSqliteStorage({ filename });
    try {
      // Contracted on January 31st: its three months run to April 29th and the renewal
      // starts on the 30th (the 31st, clamped to April's last day).
      expect((await reopened.contracts.findById(threeMonths))?.nextPeriodOn).toBe("2027-04-30");
      // Never paid: nothing to renew until it is.
      expect((await reopened.contracts.findById(unpaid))?.nextPeriodOn).toBeNull();
      // Open-ended: its next period, as 0008 left it.
      expect((await reopened.contracts.findById(openEnded))?.nextPeriodOn).toBe("2027-02-28");
      expect((await reopened.units.findById(unit.id))?.renewalTerms).toBe("plan");
    } finally {
      await reopened.close();
    }
  });
});
