import { expect, it } from "vitest";
import type { Id } from "../../ids/id";
import type { Installment } from "../../installments/installment";
import type { Payment } from "../../payments/payment";
import type { Storage } from "../../ports/storage";
import type { OnlineSignUpRow, RecurringCreditRow } from "../../reports/report-rows";
import type { AccessActor } from "../../staff/staff-access";
import { createTessera } from "../../tessera/create-tessera";
// biome-ignore lint/style/noRestrictedImports: core's own conformance fixtures, not a storage package (the rule's `**/storage-*/**` matches this folder's name)
import { createFixtures } from "../storage-conformance/fixtures";
import { buyerAna, rejection, type ScenarioEnv } from "./scenario-env";

const buyerJoao = {
  name: "João Conceição",
  email: "joao@example.com",
  document: { kind: "cpf" as const, value: "111.444.777-35" },
  phone: "+55 21 97777-1234",
};

async function collect<T>(rows: Promise<AsyncIterable<T>>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of await rows) all.push(row);
  return all;
}

/**
 * `tessera.reports` through `createTessera`: every row once across keyset batches, access by
 * the actor's scope, and each filter of the seeds (BEMP's recurring credit, Conexa's online
 * sign-ups). Bulk rows are written straight to the storage (fixtures); sales go through the
 * sandbox as a buyer makes them.
 */
export function reportScenarios(current: () => ScenarioEnv): void {
  const fixtures = createFixtures();
  const manager = (env: ScenarioEnv, unitId: Id<"unit"> = env.unit.id): AccessActor => ({
    organizationId: env.org.id,
    role: "manager",
    scope: { kind: "unit", unitId },
  });
  const owner = (env: ScenarioEnv): AccessActor => ({
    organizationId: env.org.id,
    role: "owner",
    scope: { kind: "organization" },
  });

  /** A contract of `unitId` with `count` installments, each last tried by card with `payment`'s status. */
  async function creditInstallments(
    env: ScenarioEnv,
    count: number,
    options: {
      unitId?: Id<"unit">;
      dueDate?: (index: number) => string;
      installment?: Partial<Installment>;
      payment?: Partial<Payment>;
    } = {},
  ): Promise<Installment[]> {
    const unitId = options.unitId ?? env.unit.id;
    const customer = fixtures.customer(env.org.id, { name: "Carla Dias" });
    await env.storage.customers.insert(customer);
    const contract = fixtures.contract({ unitId, customerId: customer.id, planId: env.monthly.id });
    await env.storage.contracts.insert(contract);
    const installments = Array.from({ length: count }, (_, index) =>
      fixtures.installment(
        { unitId, customerId: customer.id, contractId: contract.id },
        { sequence: index + 1, dueDate: options.dueDate?.(index) ?? "2026-03-05", ...options.installment },
      ),
    );
    await env.storage.installments.insertMany(installments);
    await env.storage.payments.insert(
      fixtures.payment(
        { unitId, customerId: customer.id },
        {
          method: "card",
          action: null,
          status: "succeeded",
          installmentIds: installments.map((i) => i.id),
          ...options.payment,
        },
      ),
    );
    return installments;
  }

  const cardSale = async (env: ScenarioEnv, card: "approvedVisa" | "insufficientFunds", key: string) =>
    env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.annual.id,
      buyer: card === "approvedVisa" ? buyerAna : buyerJoao,
      method: "card",
      card: await env.card(card),
      idempotencyKey: key,
      source: "online",
    });

  it("yields every row of a report larger than one batch once, in due-day order, reading batch by batch", async () => {
    const env = current();
    const made = await creditInstallments(env, 23, {
      // Out of order on purpose: the report sorts by due day, then by installment id.
      dueDate: (index) => `2026-03-${String(1 + ((index * 7) % 28)).padStart(2, "0")}`,
    });
    const reads: number[] = [];
    const counting = new Proxy(env.storage, {
      get(target, key) {
        if (key !== "reports") return target[key as keyof Storage];
        return {
          recurringCreditBatch: async (query: Parameters<Storage["reports"]["recurringCreditBatch"]>[0]) => {
            const batch = await target.reports.recurringCreditBatch(query);
            reads.push(batch.length);
            return batch;
          },
          onlineSignUpBatch: target.reports.onlineSignUpBatch.bind(target.reports),
        };
      },
    });
    const tessera = createTessera({ storage: counting, clock: env.clock, gateways: [env.sandbox] });
    const rows = await collect(
      tessera.reports.recurringCredit(manager(env), {
        unitId: env.unit.id,
        period: { from: "2026-03-01", to: "2026-03-31" },
        batchSize: 5,
      }),
    );
    const expected = [...made]
      .sort((a, b) => (a.dueDate === b.dueDate ? (a.id < b.id ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1))
      .map((i) => i.id);
    expect(rows.map((row) => row.installmentId)).toEqual(expected);
    expect(reads).toEqual([5, 5, 5, 5, 3]);

    // A page's last row as `after`: the rest, none repeated.
    const rest = await collect(
      env.tessera.reports.recurringCredit(manager(env), {
        unitId: env.unit.id,
        period: { from: "2026-03-01", to: "2026-03-31" },
        after: { dueDate: rows[9]!.dueDate, installmentId: rows[9]!.installmentId },
      }),
    );
    expect(rest.map((row) => row.installmentId)).toEqual(expected.slice(10));
  });

  it("keeps a unit-scoped member to their unit, and lets an organization-scoped one see every unit", async () => {
    const env = current();
    const south = await env.tessera.organizations.createUnit({
      organizationId: env.org.id,
      name: "Sul",
      slug: "aurora-sul",
      paymentMethods: [{ method: "card", gatewayId: "sandbox" }],
    });
    const [ours] = await creditInstallments(env, 1);
    const [theirs] = await creditInstallments(env, 1, { unitId: south.id, dueDate: () => "2026-03-02" });
    const period = { from: "2026-03-01", to: "2026-03-31" };

    const notTheirs = await rejection(
      env.tessera.reports.recurringCredit(manager(env), { unitId: south.id, period }),
    );
    expect(notTheirs.code).toBe("not_found");
    const wide = await rejection(
      env.tessera.reports.onlineSignUps(manager(env), { unitId: env.unit.id, scope: "organization", period }),
    );
    expect(wide.code).toBe("validation_failed");
    expect(wide.details.issues?.map((issue) => issue.path)).toEqual([["scope"]]);
    const otherOrg = await env.tessera.organizations.createOrganization({ name: "Outro" });
    expect(
      (
        await rejection(
          env.tessera.reports.recurringCredit(
            { organizationId: otherOrg.id, role: "owner", scope: { kind: "organization" } },
            { unitId: env.unit.id, scope: "organization", period },
          ),
        )
      ).code,
    ).toBe("not_found");

    const own = await collect(
      env.tessera.reports.recurringCredit(manager(env), { unitId: env.unit.id, period }),
    );
    expect(own.map((row) => row.installmentId)).toEqual([ours!.id]);
    const all = await collect(
      env.tessera.reports.recurringCredit(owner(env), { unitId: env.unit.id, scope: "organization", period }),
    );
    // By due day across units: the South's of the 2nd, then ours of the 5th.
    expect(all.map((row) => [row.installmentId, row.unitName])).toEqual([
      [theirs!.id, "Sul"],
      [ours!.id, "Centro"],
    ]);
  });

  it("filters by BEMP's four statuses, a declined card at checkout counting as denied", async () => {
    const env = current();
    const paid = await cardSale(env, "approvedVisa", "report-status-paid");
    const declined = await cardSale(env, "insufficientFunds", "report-status-declined");
    expect(declined.status).toBe("declined");
    const [canceled] = await creditInstallments(env, 1, { installment: { status: "canceled" } });
    const [refunded] = await creditInstallments(env, 1, { installment: { status: "refunded" } });
    const [denied] = await creditInstallments(env, 1, {
      installment: { status: "denied" },
      payment: { status: "failed", failureCode: "card_declined", failureMessage: "Negada" },
    });
    const period = { preset: "this_month" as const };
    const byStatus = async (status: RecurringCreditRow["status"]) =>
      (
        await collect(
          env.tessera.reports.recurringCredit(manager(env), { unitId: env.unit.id, period, status }),
        )
      ).map((row) =>
        row.contractId === paid.contract.id || row.contractId === declined.contract.id
          ? row.contractId
          : row.installmentId,
      );

    expect(await byStatus("confirmed")).toEqual([paid.contract.id]);
    expect(await byStatus("awaiting")).toEqual([]);
    expect(await byStatus("denied")).toEqual([denied!.id, declined.contract.id]);
    expect((await byStatus("canceled")).sort()).toEqual([canceled!.id, refunded!.id].sort());
    const declinedRow = (
      await collect(
        env.tessera.reports.recurringCredit(manager(env), { unitId: env.unit.id, period, status: "denied" }),
      )
    ).find((row) => row.contractId === declined.contract.id);
    expect(declinedRow).toMatchObject({
      installmentStatus: "awaiting",
      paymentStatus: "failed",
      method: "card",
    });
  });

  it("filters by operation mode, read from the unit's method settings, and by customer id or search", async () => {
    const env = current();
    const ana = await cardSale(env, "approvedVisa", "report-mode-ana");
    const joao = await cardSale(env, "insufficientFunds", "report-mode-joao");
    const period = { preset: "today" as const };
    const rows = (input: { mode?: "integrated" | "manual"; customerId?: string; customerSearch?: string }) =>
      collect(env.tessera.reports.recurringCredit(manager(env), { unitId: env.unit.id, period, ...input }));

    expect((await rows({ mode: "integrated" })).map((row) => row.contractId)).toEqual([
      ana.contract.id,
      joao.contract.id,
    ]);
    expect(await rows({ mode: "manual" })).toEqual([]);
    expect((await rows({ customerId: joao.customer.id })).map((row) => row.customerName)).toEqual([
      "João Conceição",
    ]);
    expect((await rows({ customerSearch: "joao conc" })).map((row) => row.contractId)).toEqual([
      joao.contract.id,
    ]);
    expect((await rows({ customerSearch: "529.982.247-25" })).map((row) => row.contractId)).toEqual([
      ana.contract.id,
    ]);

    await env.tessera.organizations.updateUnit(env.unit.id, {
      paymentMethods: [
        { method: "card", gatewayId: "sandbox", mode: "manual" },
        { method: "pix", gatewayId: "sandbox" },
      ],
    });
    expect((await rows({ mode: "manual" })).map((row) => row.mode)).toEqual(["manual", "manual"]);
    expect(await rows({ mode: "integrated" })).toEqual([]);
  });

  it("resolves the period presets in the unit's timezone, keeps a range, and refuses a reversed one", async () => {
    const env = current();
    // 2026-03-10 noon in São Paulo: yesterday, this month's first day, last month, and 40 days ago.
    const days = ["2026-03-09", "2026-03-01", "2026-02-15", "2026-01-29", "2026-03-10"];
    const made = await creditInstallments(env, days.length, { dueDate: (index) => days[index]! });
    const dueOf = (rows: RecurringCreditRow[]) => rows.map((row) => row.dueDate).sort();
    const run = (period: Parameters<ScenarioEnv["tessera"]["reports"]["recurringCredit"]>[1]["period"]) =>
      collect(env.tessera.reports.recurringCredit(manager(env), { unitId: env.unit.id, period }));

    expect(made).toHaveLength(5);
    expect(dueOf(await run({ preset: "today" }))).toEqual(["2026-03-10"]);
    expect(dueOf(await run({ preset: "this_month" }))).toEqual(["2026-03-01", "2026-03-09", "2026-03-10"]);
    expect(dueOf(await run({ preset: "last_month" }))).toEqual(["2026-02-15"]);
    expect(dueOf(await run({ preset: "last_7_days" }))).toEqual(["2026-03-09", "2026-03-10"]);
    expect(dueOf(await run({ preset: "last_30_days" }))).toEqual([
      "2026-02-15",
      "2026-03-01",
      "2026-03-09",
      "2026-03-10",
    ]);
    expect(dueOf(await run({ from: "2026-01-01", to: "2026-02-28" }))).toEqual(["2026-01-29", "2026-02-15"]);
    // 02:00 UTC on the 11th is still the 10th in São Paulo.
    env.clock.set("2026-03-11T02:00:00.000Z");
    expect(dueOf(await run({ preset: "today" }))).toEqual(["2026-03-10"]);

    const reversed = await rejection(run({ from: "2026-03-10", to: "2026-03-01" }));
    expect(reversed.code).toBe("validation_failed");
    expect(reversed.details.issues?.some((issue) => issue.path.includes("to"))).toBe(true);
  });

  it("lists the online sign-ups of the period with their terms, never staff-made ones, filtered by customer", async () => {
    const env = current();
    const ana = await cardSale(env, "approvedVisa", "report-signup-ana");
    const joao = await cardSale(env, "insufficientFunds", "report-signup-joao");
    await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: { ...buyerAna, name: "Ana Souza" },
      method: "pix",
      idempotencyKey: "report-signup-staff",
      source: "staff",
    });
    const run = (
      input: { customerSearch?: string; customerId?: string; after?: { contractId: string } } = {},
    ) =>
      collect(
        env.tessera.reports.onlineSignUps(manager(env), {
          unitId: env.unit.id,
          period: { preset: "this_month" },
          ...input,
        }),
      );
    const rows: OnlineSignUpRow[] = await run();
    expect(rows.map((row) => row.contractId)).toEqual([ana.contract.id, joao.contract.id]);
    expect(rows[0]).toMatchObject({
      customerName: "Ana Souza",
      customerEmail: "ana@example.com",
      planName: "Anual",
      price: { amount: 9990, currency: "BRL" },
      enrollmentFee: null,
      status: "active",
      startDate: "2026-03-10",
      unitName: "Centro",
    });
    expect(rows[1]).toMatchObject({ status: "pending_payment" });
    expect((await run({ customerSearch: "conceicao" })).map((row) => row.contractId)).toEqual([
      joao.contract.id,
    ]);
    expect((await run({ customerId: ana.customer.id })).map((row) => row.contractId)).toEqual([
      ana.contract.id,
    ]);
    expect((await run({ after: { contractId: ana.contract.id } })).map((row) => row.contractId)).toEqual([
      joao.contract.id,
    ]);
  });
}
