import { expect, it } from "vitest";
import type { BillingRunReport } from "../../billing/billing-report";
import type { DomainEvent } from "../../events/domain-event";
import { billingEnv, cardSale, periodsOf, runDays, totalOf } from "./billing-days";
import { brl, type ScenarioEnv } from "./scenario-env";

/**
 * The billing run's e-mail reminders (issue #17: "reminders by e-mail before and after the
 * due date") under a moving clock: each month is told of `reminderDays.before` days ahead —
 * an open-ended contract's period is scheduled that early for it — saying how it will be
 * collected, and a month still unpaid `reminderDays.after` days after its due date is told
 * it is late; each once, however often the run runs.
 */
export function reminderScenarios(current: () => ScenarioEnv): void {
  const remindersOf = async (env: ScenarioEnv) =>
    (await env.storage.outbox.listUndelivered(5000))
      .map((entry) => entry.event)
      .filter(
        (event): event is DomainEvent<"installment.reminder"> =>
          event.type === "installment.reminder" && event.unitId === env.unit.id,
      )
      .map((event) => [
        event.payload.kind,
        event.payload.dueDate,
        event.payload.amount.amount,
        event.payload.collection,
      ]);

  it("tells each month three days ahead how it will be paid, and a declined month once when it is three days late", async () => {
    const env = await billingEnv(current, "aurora-lembretes");
    const sale = await cardSale(env);
    const declineOn = new Set(["2026-05-10", "2026-05-11", "2026-05-13"]);
    const extra: BillingRunReport[] = [];
    const daily = await runDays(env, 70, async (day) => {
      if (declineOn.has(day))
        env.sandbox.sandbox.injectFault({ kind: "card_declined", declineCode: "insufficient_funds" });
      // The run runs more than once a day: nothing is told twice.
      if (day === "2026-04-07")
        extra.push(await env.tessera.billing.run({ unitId: env.unit.id, owner: "second-run" }));
    }); // to 2026-05-19
    const reports = [...daily, ...extra];

    expect(await remindersOf(env)).toEqual([
      ["before_due", "2026-04-10", 14_990, "card"],
      ["before_due", "2026-05-10", 14_990, "card"],
      ["overdue", "2026-05-10", 14_990, null],
    ]);
    // April's period was there on April 7th, three days before it was due, and charged on its day.
    const april = (await periodsOf(env, sale.contract.id)).find((line) => line.dueDate === "2026-04-10")!;
    expect(april.createdAt.slice(0, 10)).toBe("2026-04-07");
    expect(april.status).toBe("confirmed");
    const [aprilPayment] = await env.storage.payments.listByInstallment(april.id);
    expect(aprilPayment?.createdAt.slice(0, 10)).toBe("2026-04-10");
    // May: declined on the 10th, 11th and 13th, told it was late on the 13th, paid on the 17th.
    const may = (await periodsOf(env, sale.contract.id)).find((line) => line.dueDate === "2026-05-10")!;
    expect(may).toMatchObject({ status: "confirmed", failedAttempts: 3 });
    expect(totalOf(reports, (report) => report.reminders.beforeDue)).toBe(2);
    expect(totalOf(reports, (report) => report.reminders.overdue)).toBe(1);
  });

  it("says a month will be paid from the balance when it covers it, and sends nothing when the unit turns reminders off", async () => {
    const env = await billingEnv(current, "aurora-lembretes");
    const sale = await cardSale(env);
    await env.tessera.wallet.credit({
      customerId: sale.customer.id,
      unitId: env.unit.id,
      amount: brl(14_990),
      method: "pix",
      note: "crédito",
      idempotencyKey: "reminder-credit-0001",
    });
    await runDays(env, 28); // to 2026-04-07
    expect(await remindersOf(env)).toEqual([["before_due", "2026-04-10", 14_990, "wallet"]]);

    await env.tessera.organizations.updateUnit(env.unit.id, { reminderDays: { before: null, after: null } });
    const quiet = await runDays(env, 40); // to 2026-05-17
    expect(totalOf(quiet, (report) => report.reminders.beforeDue + report.reminders.overdue)).toBe(0);
    expect(await remindersOf(env)).toHaveLength(1);
    // Without a reminder to make, a period is scheduled on its day again.
    const may = (await periodsOf(env, sale.contract.id)).find((line) => line.dueDate === "2026-05-10")!;
    expect(may.createdAt.slice(0, 10)).toBe("2026-05-10");
  });
}
