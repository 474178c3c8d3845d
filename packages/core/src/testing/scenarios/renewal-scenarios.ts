import { expect, it } from "vitest";
import type { Contract } from "../../contracts/contract";
import { billingEnv, cardSale, periodsOf, runDays, totalOf } from "./billing-days";
import { brl, type ScenarioEnv } from "./scenario-env";

/**
 * Renewals (issue #17, DESIGN §2 "an auto-renewing contract renews by itself") under a
 * moving clock: a contract with a fixed number of periods renews at its term's end into a
 * new contract in its chain — on the plan's terms then, or its own, as the unit says — and
 * is charged by the card the chain kept; one that does not renew ends; a member behind on a
 * month is renewed only once it is paid, from the day the term ended.
 */
export function renewalScenarios(current: () => ScenarioEnv): void {
  /** Six monthly periods with an enrollment fee, renewing. */
  const semester = (env: ScenarioEnv) =>
    env.tessera.plans.create({
      unitId: env.unit.id,
      name: "Semestral",
      price: brl(12_000),
      installmentCount: 6,
      enrollmentFee: brl(5_000),
      autoRenew: true,
      onlineSale: { enabled: true, slug: "semestral" },
    });

  /** The customer's contracts, oldest first. */
  const chainOf = async (env: ScenarioEnv, customerId: Contract["customerId"]) =>
    (await env.storage.contracts.listByCustomer(customerId)).sort((a, b) =>
      a.startDate.localeCompare(b.startDate),
    );

  it("renews a six-month contract into a chain over two years by its saved card, on the plan's terms at each renewal, the enrollment fee once", async () => {
    const env = await billingEnv(current, "aurora-renovacao");
    const plan = await semester(env);
    const sale = await cardSale(env, plan.id);
    const reports = await runDays(env, 731, async (day) => {
      // The studio raises the price in January: the March renewal takes it.
      if (day === "2027-01-05") await env.tessera.plans.update(plan.id, { price: brl(13_000) });
    });

    const chain = await chainOf(env, sale.customer.id);
    expect(chain.map((c) => [c.startDate, c.endDate, c.status, c.origin])).toEqual([
      ["2026-03-10", "2026-09-09", "ended", "online"],
      ["2026-09-10", "2027-03-09", "ended", "renewal"],
      ["2027-03-10", "2027-09-09", "ended", "renewal"],
      ["2027-09-10", "2028-03-09", "ended", "renewal"],
      ["2028-03-10", null, "active", "renewal"],
    ]);
    chain.forEach((contract, index) => {
      expect(contract.renewsContractId).toBe(index === 0 ? null : chain[index - 1]!.id);
      expect(contract.billingDay).toBe(10);
    });
    expect(chain.map((c) => c.terms.price.amount)).toEqual([12_000, 12_000, 13_000, 13_000, 13_000]);
    expect(chain.map((c) => c.terms.enrollmentFee)).toEqual([brl(5_000), null, null, null, null]);

    const lines = (await Promise.all(chain.map((c) => env.storage.installments.listByContract(c.id)))).flat();
    expect(lines.filter((line) => line.kind === "enrollment_fee")).toHaveLength(1);
    const scheduled = lines.filter((line) => line.kind === "period");
    // Five contracts of six months each, one line a month, no month twice.
    expect(new Set(scheduled.map((line) => line.dueDate)).size).toBe(30);
    const months = scheduled.filter((line) => line.dueDate <= "2028-03-10");
    // 24 months and the first of the fifth contract, every one paid, each exactly once; the rest not due yet.
    expect(months).toHaveLength(25);
    expect(months.every((line) => line.status === "confirmed")).toBe(true);
    expect(scheduled.filter((line) => line.status === "awaiting")).toHaveLength(5);
    for (const line of months) {
      const paid = (await env.storage.payments.listByInstallment(line.id)).filter(
        (p) => p.status === "succeeded",
      );
      expect(paid).toHaveLength(1);
    }
    const charges = env.sandbox.sandbox.ledger().charges;
    expect(
      charges.filter((charge) => charge.status === "paid").map((charge) => charge.amount.amount),
    ).toEqual([17_000, ...Array(11).fill(12_000), ...Array(13).fill(13_000)]);
    expect(totalOf(reports, (report) => report.renewed)).toBe(4);
    expect(totalOf(reports, (report) => report.ended)).toBe(0);
    const events = (await env.storage.outbox.listUndelivered(5000)).map((entry) => entry.event);
    expect(events.filter((event) => event.type === "contract.renewed")).toHaveLength(4);
    expect(events.filter((event) => event.type === "contract.ended")).toHaveLength(4);
    const detail = await env.tessera.contracts.get(chain[4]!.id);
    expect(detail?.customer.status).toBe("active");
  });

  it("renews on the contract's own terms when the unit says so, and ends a contract that does not renew", async () => {
    const env = await billingEnv(current, "aurora-renovacao");
    await env.tessera.organizations.updateUnit(env.unit.id, { renewalTerms: "contract" });
    const plan = await semester(env);
    const kept = await cardSale(env, plan.id);
    const annual = await cardSale(env, env.annual.id);
    await env.tessera.plans.update(plan.id, { price: brl(15_000) });
    const reports = await runDays(env, 370);

    const chain = await chainOf(env, kept.customer.id);
    const semesters = chain.filter((c) => c.planId === plan.id);
    expect(semesters.map((c) => c.terms.price.amount)).toEqual([12_000, 12_000, 12_000]);
    const yearly = chain.filter((c) => c.planId === env.annual.id);
    expect(yearly.map((c) => [c.id, c.status, c.endDate, c.nextPeriodOn])).toEqual([
      [annual.contract.id, "ended", "2027-03-09", null],
    ]);
    expect((await periodsOf(env, annual.contract.id)).every((line) => line.status === "confirmed")).toBe(
      true,
    );
    expect(totalOf(reports, (report) => report.ended)).toBe(1);
    expect(totalOf(reports, (report) => report.renewed)).toBe(2);
    // Nothing of the ended contract is charged after its term: 12 annual months, 13 semester months.
    const paid = env.sandbox.sandbox.ledger().charges.filter((charge) => charge.status === "paid");
    expect(paid.filter((charge) => charge.amount.amount === 9_990)).toHaveLength(12);
  });

  it("renews a member behind on the last month only once it is paid, from the day the term ended", async () => {
    const env = await billingEnv(current, "aurora-renovacao");
    const plan = await semester(env);
    const sale = await cardSale(env, plan.id);
    // August's charge and its three retries are declined: the contract is past due before its term ends.
    const declineOn = new Set(["2026-08-10", "2026-08-11", "2026-08-13", "2026-08-17"]);
    await runDays(env, 200, (day) => {
      if (declineOn.has(day))
        env.sandbox.sandbox.injectFault({ kind: "card_declined", declineCode: "insufficient_funds" });
    }); // to 2026-09-26
    let chain = await chainOf(env, sale.customer.id);
    expect(chain.map((c) => [c.status, c.nextPeriodOn])).toEqual([["past_due", "2026-09-10"]]);

    await env.tessera.wallet.credit({
      customerId: sale.customer.id,
      unitId: env.unit.id,
      amount: brl(12_000),
      method: "cash",
      note: "pagou agosto na recepção",
      idempotencyKey: "renewal-credit-0001",
    });
    await env.tessera.wallet.payFromBalance({
      contractId: sale.contract.id,
      idempotencyKey: "renewal-pay-0001",
    });
    const [report] = await runDays(env, 1); // 2026-09-27
    expect(report?.renewed).toBe(1);
    chain = await chainOf(env, sale.customer.id);
    expect(chain.map((c) => [c.startDate, c.endDate, c.status])).toEqual([
      ["2026-03-10", "2026-09-09", "ended"],
      ["2026-09-10", null, "active"],
    ]);
    // The renewal's first month (due September 10th) is charged in the same run, by the chain's card.
    const [september] = await periodsOf(env, chain[1]!.id);
    expect(september).toMatchObject({ dueDate: "2026-09-10", status: "confirmed" });
    const [payment] = await env.storage.payments.listByInstallment(september!.id);
    expect(payment).toMatchObject({ method: "card", status: "succeeded" });
  });

  it("waits for a month still in dunning at the term's end, then renews from the day the term ended", async () => {
    const env = await billingEnv(current, "aurora-renovacao");
    // A long schedule: the last month's second retry comes after the term has ended.
    await env.tessera.organizations.updateUnit(env.unit.id, { dunningRetryDays: [1, 40] });
    const plan = await semester(env);
    const sale = await cardSale(env, plan.id);
    const declineOn = new Set(["2026-08-10", "2026-08-11"]);
    const reports = await runDays(env, 193, (day) => {
      if (declineOn.has(day))
        env.sandbox.sandbox.injectFault({ kind: "card_declined", declineCode: "insufficient_funds" });
    }); // to 2026-09-19, the retry 40 days after August 10th
    const [first] = await chainOf(env, sale.customer.id);
    // Active while the month is in dunning, looked at again each day; not renewed yet.
    expect(first).toMatchObject({ status: "active", nextPeriodOn: "2026-09-20" });
    expect(totalOf(reports, (report) => report.renewed)).toBe(0);
    const august = (await periodsOf(env, sale.contract.id)).find((line) => line.dueDate === "2026-08-10");
    expect(august).toMatchObject({ status: "confirmed", failedAttempts: 2 });

    const [report] = await runDays(env, 1); // 2026-09-20
    expect(report?.renewed).toBe(1);
    const chain = await chainOf(env, sale.customer.id);
    expect(chain.map((c) => [c.startDate, c.endDate, c.status])).toEqual([
      ["2026-03-10", "2026-09-09", "ended"],
      ["2026-09-10", null, "active"],
    ]);
    const [september] = await periodsOf(env, chain[1]!.id);
    expect(september).toMatchObject({ dueDate: "2026-09-10", status: "confirmed" });
  });
}
