import { expect, it } from "vitest";
import type { BillingRunReport } from "../../billing/billing-report";
import { billingEnv, cardSale, dayMs, periodsOf, runDays, totalOf } from "./billing-days";
import { brl, buyerAna, rejection, type ScenarioEnv } from "./scenario-env";

/**
 * The months after the sale (DESIGN §4 "Billing run") under a moving clock: the billing run
 * adds open-ended contracts' periods, charges the stored card, follows the unit's dunning
 * schedule (1, 3 and 7 days after the due date), blocks a customer once it is spent and lets
 * paying lift the block, and sends a PIX to pay where there is no card.
 */
export function billingScenarios(current: () => ScenarioEnv): void {
  it("bills a monthly contract for a year by its saved card, a declined month recovered on the second retry", async () => {
    const env = await billingEnv(current);
    const sale = await cardSale(env);
    const declineOn = new Set(["2026-07-10", "2026-07-11"]);
    const reports = await runDays(env, 366, (day) => {
      if (declineOn.has(day))
        env.sandbox.sandbox.injectFault({ kind: "card_declined", declineCode: "insufficient_funds" });
    });

    const lines = await periodsOf(env, sale.contract.id);
    expect(lines.map((line) => line.dueDate)).toEqual([
      "2026-03-10",
      "2026-04-10",
      "2026-05-10",
      "2026-06-10",
      "2026-07-10",
      "2026-08-10",
      "2026-09-10",
      "2026-10-10",
      "2026-11-10",
      "2026-12-10",
      "2027-01-10",
      "2027-02-10",
      "2027-03-10",
    ]);
    expect(lines.every((line) => line.status === "confirmed")).toBe(true);
    const july = lines.find((line) => line.dueDate === "2026-07-10")!;
    expect(july.failedAttempts).toBe(2);
    const julyPayments = await env.storage.payments.listByInstallment(july.id);
    expect(julyPayments.map((payment) => payment.status)).toEqual(["failed", "failed", "succeeded"]);
    // The second retry is three days after the due date (the unit's schedule: 1, 3, 7).
    expect(julyPayments[2]!.createdAt.slice(0, 10)).toBe("2026-07-13");
    for (const line of lines) {
      const paid = (await env.storage.payments.listByInstallment(line.id)).filter(
        (p) => p.status === "succeeded",
      );
      expect(paid).toHaveLength(1);
    }
    const charges = env.sandbox.sandbox.ledger().charges;
    expect(charges.filter((charge) => charge.status === "paid")).toHaveLength(13);
    expect(charges.filter((charge) => charge.status === "declined")).toHaveLength(2);
    // Every later month charged the period alone, by the card kept at the sale.
    expect(charges.slice(1).every((charge) => charge.amount.amount === 14_990)).toBe(true);
    const total = (kind: keyof BillingRunReport["outcomes"]) =>
      reports.reduce((sum, report) => sum + report.outcomes[kind], 0);
    expect([total("paid"), total("declined"), total("error")]).toEqual([12, 2, 0]);
    expect(reports.reduce((sum, report) => sum + report.periodsScheduled, 0)).toBe(12);
    const detail = await env.tessera.contracts.get(sale.contract.id);
    expect(detail?.contract.status).toBe("active");
    expect(detail?.customer.status).toBe("active");
    // The runs that did something are kept for the back office, newest first.
    const history = await env.tessera.billing.history(env.unit.id, 3);
    expect(history.map((run) => run.startedAt.slice(0, 10))).toEqual([
      "2027-03-10",
      "2027-03-07",
      "2027-02-10",
    ]);
    expect(history[0]?.report).toMatchObject({ claimed: 1, outcomes: { paid: 1 } });
    expect(history[1]?.report).toMatchObject({
      claimed: 0,
      periodsScheduled: 1,
      reminders: { beforeDue: 1 },
    });
    expect(history.every((run) => run.unitId === env.unit.id && run.owner === "scenario-worker")).toBe(true);
  });

  it("blocks the customer once the last retry fails, charges nothing more, and lifts the block when the balance pays", async () => {
    const env = await billingEnv(current);
    const sale = await cardSale(env);
    // April's charge and its three retries (April 11, 13 and 17) are all declined.
    const declineOn = new Set(["2026-04-10", "2026-04-11", "2026-04-13", "2026-04-17"]);
    const inject = (day: string) => {
      if (declineOn.has(day))
        env.sandbox.sandbox.injectFault({ kind: "card_declined", declineCode: "insufficient_funds" });
    };
    await runDays(env, 36, inject); // to 2026-04-15
    let detail = await env.tessera.contracts.get(sale.contract.id);
    expect(detail?.contract.status).toBe("active");
    await runDays(env, 3, inject); // to 2026-04-18
    detail = await env.tessera.contracts.get(sale.contract.id);
    expect(detail?.contract.status).toBe("past_due");
    expect(detail?.customer.status).toBe("blocked");
    const april = (await periodsOf(env, sale.contract.id)).find((line) => line.dueDate === "2026-04-10")!;
    expect(april).toMatchObject({ status: "denied", failedAttempts: 4 });
    const types = (await env.storage.outbox.listUndelivered(1000)).map((entry) => entry.event.type);
    expect(types).toContain("contract.past_due");
    expect(types).toContain("customer.blocked");

    const chargesBlocked = env.sandbox.sandbox.ledger().charges.length;
    await runDays(env, 30); // to 2026-05-18: no retry, and no May period while past due
    expect(env.sandbox.sandbox.ledger().charges.length).toBe(chargesBlocked);
    expect((await periodsOf(env, sale.contract.id)).map((line) => line.dueDate)).toEqual([
      "2026-03-10",
      "2026-04-10",
    ]);

    await env.tessera.wallet.credit({
      customerId: sale.customer.id,
      unitId: env.unit.id,
      amount: brl(14_990),
      method: "cash",
      note: "pagou na recepção",
      idempotencyKey: "billing-credit-0001",
    });
    const paid = await env.tessera.wallet.payFromBalance({
      contractId: sale.contract.id,
      idempotencyKey: "billing-pay-0001",
    });
    expect(paid.contract.status).toBe("active");
    detail = await env.tessera.contracts.get(sale.contract.id);
    expect(detail?.customer.status).toBe("active");
    // Billing goes on: May's period is added and charged by the card the next day.
    await runDays(env, 1);
    const may = (await periodsOf(env, sale.contract.id)).find((line) => line.dueDate === "2026-05-10");
    expect(may?.status).toBe("confirmed");
  });

  it("holds a past-due contract's later months, and lifts the block when the customer pays every due line by the link", async () => {
    const env = await billingEnv(current);
    const sale = await cardSale(env, env.annual.id);
    // April's charge and its three retries (April 11, 13 and 17) are all declined.
    const declineOn = new Set(["2026-04-10", "2026-04-11", "2026-04-13", "2026-04-17"]);
    const reports = await runDays(env, 63, (day) => {
      if (declineOn.has(day))
        env.sandbox.sandbox.injectFault({ kind: "card_declined", declineCode: "insufficient_funds" });
    }); // to 2026-05-12
    let detail = await env.tessera.contracts.get(sale.contract.id);
    expect([detail?.contract.status, detail?.customer.status]).toEqual(["past_due", "blocked"]);
    // May came due while past due: held, not charged (the card would have paid it).
    const chargesBlocked = env.sandbox.sandbox.ledger().charges.length;
    expect(chargesBlocked).toBe(1 + 4);
    expect(reports.reduce((sum, report) => sum + report.outcomes.held, 0)).toBe(3);
    const lines = await periodsOf(env, sale.contract.id);
    expect(lines.slice(1, 3).map((line) => [line.dueDate, line.status])).toEqual([
      ["2026-04-10", "denied"],
      ["2026-05-10", "awaiting"],
    ]);

    // The link: one PIX for every line due by today, April's and May's.
    const paid = await env.tessera.payments.retry({
      contractId: sale.contract.id,
      method: "pix",
      lines: "due",
      idempotencyKey: "billing-due-link-0001",
    });
    expect(paid.payment?.amount).toEqual(brl(2 * 9_990));
    const again = await env.tessera.payments.retry({
      contractId: sale.contract.id,
      method: "pix",
      lines: "due",
      idempotencyKey: "billing-due-link-0001",
    });
    expect(again.payment?.id).toBe(paid.payment?.id);
    env.sandbox.sandbox.pay(paid.payment!.idempotencyKey);
    await env.tessera.payments.refresh(paid.payment!.id);
    detail = await env.tessera.contracts.get(sale.contract.id);
    expect([detail?.contract.status, detail?.customer.status]).toEqual(["active", "active"]);
    const after = await periodsOf(env, sale.contract.id);
    expect(after.slice(0, 4).map((line) => [line.dueDate, line.status])).toEqual([
      ["2026-03-10", "confirmed"],
      ["2026-04-10", "confirmed"],
      ["2026-05-10", "confirmed"],
      ["2026-06-10", "awaiting"],
    ]);
    // Billing goes on: June is charged by the card on its day.
    await runDays(env, 29); // to 2026-06-10
    expect((await periodsOf(env, sale.contract.id))[3]?.status).toBe("confirmed");
  });

  it("pays a month from the wallet when its balance covers it, without touching the card", async () => {
    const env = await billingEnv(current);
    const sale = await cardSale(env);
    await env.tessera.wallet.credit({
      customerId: sale.customer.id,
      unitId: env.unit.id,
      amount: brl(20_000),
      method: "pix",
      note: "adiantamento",
      idempotencyKey: "billing-credit-0002",
    });
    const [, , april] = [...(await runDays(env, 31))].slice(-3);
    expect(april?.outcomes.paid).toBe(1);
    const line = (await periodsOf(env, sale.contract.id)).find((entry) => entry.dueDate === "2026-04-10")!;
    const [payment] = await env.storage.payments.listByInstallment(line.id);
    expect(payment).toMatchObject({ method: "wallet", rawStatus: "paid_from_balance", status: "succeeded" });
    expect(await env.tessera.wallet.balance(sale.customer.id, "BRL")).toEqual(brl(20_000 - 14_990));
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(1);
  });

  it("pays part of a month from a balance short of it and the rest by the saved card, and gives the part back when the card is declined", async () => {
    const env = await billingEnv(current);
    const sale = await cardSale(env);
    await env.tessera.wallet.credit({
      customerId: sale.customer.id,
      unitId: env.unit.id,
      amount: brl(4_000),
      method: "cash",
      note: "adiantamento",
      idempotencyKey: "billing-credit-0003",
    });
    env.clock.advance(30 * dayMs); // to 2026-04-09
    env.sandbox.sandbox.injectFault({ kind: "card_declined", declineCode: "insufficient_funds" });
    const [declinedDay] = await runDays(env, 1); // 2026-04-10
    expect(declinedDay?.outcomes.declined).toBe(1);
    expect(await env.tessera.wallet.balance(sale.customer.id, "BRL")).toEqual(brl(4_000));
    const retries = await runDays(env, 10);
    expect(totalOf(retries, (report) => report.outcomes.paid)).toBe(1);
    const april = (await periodsOf(env, sale.contract.id)).find((line) => line.dueDate === "2026-04-10")!;
    const attempts = await env.storage.payments.listByInstallment(april.id);
    expect(
      attempts.map((payment) => [payment.status, payment.amount.amount, payment.fromBalance?.amount.amount]),
    ).toEqual([
      ["failed", 10_990, 4_000],
      ["succeeded", 10_990, 4_000],
    ]);
    expect(await env.tessera.wallet.balance(sale.customer.id, "BRL")).toEqual(brl(0));
    expect(env.sandbox.sandbox.ledger().charges.map((charge) => charge.amount.amount)).toEqual([
      19_990, 10_990, 10_990,
    ]);
    const lines = (await env.tessera.wallet.history(sale.customer.id)).items;
    expect(lines.map((entry) => [entry.kind, entry.actor])).toEqual([
      ["credit", "api"],
      ["debit", "billing"],
      ["reversal", "system"],
      ["debit", "billing"],
    ]);
  });

  it("sends a PIX to pay a month when there is no saved card; paying it confirms the month, and an open PIX is not sent twice", async () => {
    const env = await billingEnv(current);
    const outcome = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "pix",
      idempotencyKey: "billing-pix-sale-0001",
      source: "online",
    });
    env.sandbox.sandbox.pay(outcome.payment!.idempotencyKey);
    expect((await env.tessera.payments.refresh(outcome.payment!.id)).status).toBe("succeeded");
    const reports = await runDays(env, 31); // to 2026-04-10
    expect(reports.at(-1)?.outcomes.link_issued).toBe(1);
    const april = (await periodsOf(env, outcome.contract.id)).find((line) => line.dueDate === "2026-04-10")!;
    const [link] = await env.storage.payments.listByInstallment(april.id);
    expect(link).toMatchObject({ method: "pix", status: "pending" });
    expect(link?.action?.type).toBe("pix");
    const pending = (await env.storage.outbox.listUndelivered(1000)).filter(
      (entry) => entry.event.type === "payment.pending" && entry.event.payload.paymentId === link!.id,
    );
    expect(pending).toHaveLength(1);
    // The next day's run finds the PIX still open: nothing new is sent.
    const [next] = await runDays(env, 1);
    expect(next?.outcomes.link_issued).toBe(0);
    env.sandbox.sandbox.pay(link!.idempotencyKey);
    const [notification] = env.sandbox.sandbox.takeNotifications().slice(-1);
    await env.tessera.webhooks.receive("sandbox", notification!);
    expect((await env.storage.installments.findById(april.id))?.status).toBe("confirmed");
  });

  it("never charges a month the provider charges by itself", async () => {
    const env = current();
    const sale = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card",
      card: await env.card("approvedVisa"),
      idempotencyKey: "billing-provider-sale-0001",
      source: "online",
    });
    expect(sale.status).toBe("succeeded");
    const ledgerBefore = env.sandbox.sandbox.ledger().charges.length;
    const reports: BillingRunReport[] = [];
    for (let index = 0; index < 40; index++) {
      env.clock.advance(dayMs);
      reports.push(await env.tessera.billing.run({ unitId: env.unit.id }));
    }
    // The provider's own April charge is all the ledger gained; the run charged and sent nothing.
    const made = env.sandbox.sandbox.ledger().charges.slice(ledgerBefore);
    expect(made.every((charge) => charge.recurrence !== undefined)).toBe(true);
    const total = (kind: keyof BillingRunReport["outcomes"]) =>
      reports.reduce((sum, report) => sum + report.outcomes[kind], 0);
    expect([total("paid"), total("declined"), total("link_issued"), total("error")]).toEqual([0, 0, 0, 0]);
    // Its periods are the provider's to add, with each charge it notifies: the run added none.
    expect(reports.reduce((sum, report) => sum + report.periodsScheduled, 0)).toBe(0);
    const contract = await env.storage.contracts.findById(sale.contract.id);
    expect(contract?.nextPeriodOn).toBe("2026-05-10");
  });

  it("cancels mid-period with the closing pro-rata of the unpaid period, cancels what follows, and bills the pro-rata", async () => {
    const env = await billingEnv(current);
    const sale = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.annual.id,
      buyer: buyerAna,
      method: "pix",
      idempotencyKey: "billing-cancel-sale-0001",
      source: "online",
    });
    env.sandbox.sandbox.pay(sale.payment!.idempotencyKey);
    await env.tessera.payments.refresh(sale.payment!.id);
    // April 25th, the second period (April 10th to May 9th, 30 days) not paid yet.
    env.clock.advance(46 * dayMs);
    const ended = await env.tessera.contracts.cancel({
      contractId: sale.contract.id,
      reason: "mudou de cidade",
      idempotencyKey: "billing-cancel-0001",
    });
    expect(ended.contract).toMatchObject({ status: "canceled", endDate: "2026-04-25", nextPeriodOn: null });
    expect(ended.canceled).toHaveLength(11);
    // 16 of the period's 30 days ran (the 25th included): 9 990 × 16 ÷ 30 = 5 328.
    expect(ended.closing.map((line) => [line.kind, line.amount.amount, line.dueDate])).toEqual([
      ["closing_prorata", 5_328, "2026-04-25"],
    ]);
    const again = await env.tessera.contracts.cancel({
      contractId: sale.contract.id,
      idempotencyKey: "billing-cancel-0001",
    });
    expect(again.replayed).toBe(true);
    // The replay answers what the cancellation did, as the first call did.
    expect(again.canceled.map((line) => line.id).sort()).toEqual(
      ended.canceled.map((line) => line.id).sort(),
    );
    expect(again.closing.map((line) => line.id)).toEqual(ended.closing.map((line) => line.id));
    const canceledEvents = (await env.storage.outbox.listUndelivered(1_000))
      .map((entry) => entry.event)
      .filter((event) => event.type === "contract.canceled");
    expect(canceledEvents.map((event) => event.payload)).toEqual([
      {
        contractId: sale.contract.id,
        customerId: sale.customer.id,
        reason: "canceled",
        actor: "api",
        note: "mudou de cidade",
      },
    ]);
    const lines = await env.storage.installments.listByContract(sale.contract.id);
    expect(lines.filter((line) => line.status === "awaiting").map((line) => line.kind)).toEqual([
      "closing_prorata",
    ]);

    const [report] = await runDays(env, 1);
    expect(report?.outcomes.link_issued).toBe(1);
    const closing = lines.find((line) => line.kind === "closing_prorata")!;
    const [link] = await env.storage.payments.listByInstallment(closing.id);
    expect(link).toMatchObject({ method: "pix", amount: brl(5_328), status: "pending" });
    const twice = await rejection(
      env.tessera.contracts.cancel({ contractId: sale.contract.id, idempotencyKey: "billing-cancel-0002" }),
    );
    expect(twice.code).toBe("invalid_transition");
  });
}
