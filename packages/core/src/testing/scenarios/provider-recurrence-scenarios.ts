import fc from "fast-check";
import { expect, it } from "vitest";
import type { BillingRunReport } from "../../billing/billing-report";
import type { Contract } from "../../contracts/contract";
import type { Payment } from "../../payments/payment";
import type { SandboxNotification } from "../../sandbox/notification-outbox";
import { sandboxNotificationBodySchema } from "../../sandbox/sandbox-notification";
import { sandboxSignatureHeader, signWebhookPayload } from "../../sandbox/webhook-signature";
import type { AccessActor } from "../../staff/staff-access";
import { instantToMillis } from "../../time/instant";
import { runDays, totalOf } from "./billing-days";
import { buyerAna, createScenarioEnv, type ScenarioEnv } from "./scenario-env";

const dayMs = 86_400_000;

/** One line of a contract as the end state is compared: what it is, where it stands, every attempt at it. */
interface MonthLine {
  sequence: number;
  kind: string;
  dueDate: string;
  status: string;
  /** `[attempt, status]`, by attempt. */
  attempts: [number, Payment["status"]][];
}

/**
 * The monthly plan sold on 2026-03-10 with a card expiring in June 2026, after the provider's
 * charge of 2026-07-12: April, May and June paid, July declined `expired_card` on the 10th and
 * on each of the provider's two retries, the last of which ends the recurrence — what delivering
 * every notification in the order sent leaves (the property below checks that it does).
 */
const monthsByJuly12: MonthLine[] = [
  {
    sequence: 1,
    kind: "enrollment_fee",
    dueDate: "2026-03-10",
    status: "confirmed",
    attempts: [[1, "succeeded"]],
  },
  { sequence: 1, kind: "period", dueDate: "2026-03-10", status: "confirmed", attempts: [[1, "succeeded"]] },
  { sequence: 2, kind: "period", dueDate: "2026-04-10", status: "confirmed", attempts: [[1, "succeeded"]] },
  { sequence: 3, kind: "period", dueDate: "2026-05-10", status: "confirmed", attempts: [[1, "succeeded"]] },
  { sequence: 4, kind: "period", dueDate: "2026-06-10", status: "confirmed", attempts: [[1, "succeeded"]] },
  {
    sequence: 5,
    kind: "period",
    dueDate: "2026-07-10",
    // The provider's months are dunned by nobody while it retries: the line waits, its attempts
    // failed (the report's "Negado", below).
    status: "awaiting",
    attempts: [
      [1, "failed"],
      [2, "failed"],
      [3, "failed"],
    ],
  },
];

/** From the sale (2026-03-10 15:00 UTC) to 2026-07-12 15:00 UTC, after the provider's last try at July. */
const daysToJuly12 = 124;

/**
 * Provider-driven recurrence under a moving clock (issue #17: "provider-driven months confirmed
 * and denied out of order"). The sandbox, recurrence on, charges a monthly contract's card by
 * itself each month; its notifications wait in its outbox until taken, so a scenario can hold
 * them and deliver them late, out of order and more than once — each re-sent signed afresh, as
 * a provider signs a delivery when it sends it. Whatever the order, each month ends as the
 * provider last said of its charge, one payment per provider charge, and the billing run, run
 * every day meanwhile, charges none of the provider's months — but a month a provider declared
 * `recurrenceRules.declinedCharge: "next_period"` declined and never retries, which is the
 * run's to collect by the unit's dunning, beside the provider's next month.
 */
export function providerRecurrenceScenarios(current: () => ScenarioEnv): void {
  let worlds = 0;

  const tokenOf = async (env: ScenarioEnv, expires: { expMonth: number; expYear: number }) => {
    const { token } = await env.sandbox.sandbox.tokenizeCard({
      number: env.sandbox.sandbox.testCards.approvedVisa.number,
      holder: "ANA SOUZA",
      cvc: "123",
      ...expires,
    });
    return token;
  };

  /** A card sale of the monthly plan, the card kept for renewals: the billing run could charge it. */
  const sell = async (env: ScenarioEnv, expires = { expMonth: 12, expYear: 2030 }) => {
    const outcome = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card",
      card: { type: "token", token: await tokenOf(env, expires), saveForRenewals: true },
      idempotencyKey: `provider-months-${Math.random().toString(36).slice(2)}`,
      source: "online",
    });
    if (outcome.status !== "succeeded") throw new Error(`expected a paid sale, got ${outcome.status}`);
    const [recurrence] = await env.tessera.recurrences.listByContract(outcome.contract.id);
    if (recurrence?.status !== "active") throw new Error("expected the provider to run the recurrence");
    return outcome;
  };

  /** The charge a notification tells of, as `sequence.attempt` (charge 1 is the sale's own, `1.1`). */
  const labelOf = (notification: SandboxNotification): string => {
    const { recurrence } = sandboxNotificationBodySchema.parse(JSON.parse(notification.rawBody)).data.charge;
    return `${recurrence?.sequence ?? 1}.${recurrence?.attempt ?? 1}`;
  };

  /** The same notification sent again now: the same body and event, signed at this moment. */
  const sentNow = (env: ScenarioEnv, notification: SandboxNotification): SandboxNotification => ({
    ...notification,
    headers: {
      ...notification.headers,
      [sandboxSignatureHeader]: signWebhookPayload(
        env.sandbox.sandbox.webhookSecret,
        Math.floor(instantToMillis(env.clock.now()) / 1000),
        notification.rawBody,
      ),
    },
  });

  /** Delivers the notifications in the order given, each re-sent now; answers the receipts' sums. */
  const deliver = async (env: ScenarioEnv, notifications: readonly SandboxNotification[]) => {
    const sums = { applied: 0, duplicates: 0, unmatched: 0, refused: 0 };
    for (const notification of notifications) {
      const receipt = await env.tessera.webhooks.receive("sandbox", sentNow(env, notification));
      if (!receipt.accepted) {
        sums.refused++;
        continue;
      }
      sums.applied += receipt.applied;
      sums.duplicates += receipt.duplicates;
      sums.unmatched += receipt.unmatched;
    }
    return sums;
  };

  const billingRun = (env: ScenarioEnv) =>
    env.tessera.billing.run({ unitId: env.unit.id, owner: "provider-months-worker" });

  /** What the billing run did itself over several runs: anything but leaving the provider's months alone. */
  const chargedByTheRun = (reports: readonly BillingRunReport[]) => {
    const total = (kind: keyof BillingRunReport["outcomes"]) =>
      reports.reduce((sum, report) => sum + report.outcomes[kind], 0);
    return {
      paid: total("paid"),
      declined: total("declined"),
      link_issued: total("link_issued"),
      unknown: total("unknown"),
      not_sent: total("not_sent"),
      error: total("error"),
      periodsScheduled: reports.reduce((sum, report) => sum + report.periodsScheduled, 0),
    };
  };
  const nothingCharged = {
    paid: 0,
    declined: 0,
    link_issued: 0,
    unknown: 0,
    not_sent: 0,
    error: 0,
    periodsScheduled: 0,
  };

  const detailOf = async (env: ScenarioEnv, contractId: Contract["id"]) => {
    const detail = await env.tessera.contracts.get(contractId);
    if (!detail) throw new Error(`contract ${contractId} vanished`);
    return detail;
  };

  /** The contract active with no payment issue, and its customer active (not blocked). */
  const expectInGoodStanding = async (env: ScenarioEnv, contractId: Contract["id"]) => {
    const detail = await detailOf(env, contractId);
    expect([detail.contract.status, detail.contract.paymentIssue, detail.customer.status]).toEqual([
      "active",
      null,
      "active",
    ]);
  };

  const monthsOf = async (env: ScenarioEnv, contractId: Contract["id"]): Promise<MonthLine[]> =>
    (await detailOf(env, contractId)).installments
      .map(({ installment, payments }) => ({
        sequence: installment.sequence,
        kind: installment.kind,
        dueDate: installment.dueDate,
        status: installment.status,
        attempts: payments
          .map((payment): [number, Payment["status"]] => [payment.attempt, payment.status])
          .sort((a, b) => a[0] - b[0]),
      }))
      .sort((a, b) => a.sequence - b.sequence || a.kind.localeCompare(b.kind));

  /** Every payment of the contract once (charge 1's covers the period and the enrollment fee). */
  const paymentsOf = async (env: ScenarioEnv, contractId: Contract["id"]): Promise<Payment[]> => {
    const byId = new Map<string, Payment>();
    for (const { payments } of (await detailOf(env, contractId)).installments)
      for (const payment of payments) byId.set(payment.id, payment);
    return [...byId.values()];
  };

  const manager = (env: ScenarioEnv): AccessActor => ({
    organizationId: env.org.id,
    role: "manager",
    scope: { kind: "unit", unitId: env.unit.id },
  });

  /** The recurring-credit report's status of each period line of the customer, by due day. */
  const reportedStatuses = async (env: ScenarioEnv, customerId: Payment["customerId"]) => {
    const rows = await env.tessera.reports.recurringCredit(manager(env), {
      unitId: env.unit.id,
      period: { from: "2026-03-01", to: "2026-12-31" },
      customerId,
    });
    const statuses: [string, string][] = [];
    for await (const row of rows) if (row.kind === "period") statuses.push([row.dueDate, row.status]);
    return statuses;
  };

  it("ends each provider month as the provider last said of it, however late, out of order and repeated its notifications arrive, while the daily billing run charges none of them", async () => {
    const env = current();
    const sale = await sell(env, { expMonth: 6, expYear: 2026 });
    const held = new Map<string, SandboxNotification>();
    const take = (...labels: string[]) =>
      labels.map((label) => {
        const notification = held.get(label);
        if (!notification) throw new Error(`the provider sent no notification of charge ${label}`);
        return notification;
      });
    // What reaches Tessera, by day: month 2's news a month late and after month 3's, the sale's own
    // news two months late, June's twice, July's first try on time and its retries two days on,
    // the last (which ends the recurrence) before the one before it, and old news again.
    const schedule: Record<string, string[]> = {
      "2026-05-10": ["1.1", "3.1"],
      "2026-05-11": ["2.1", "3.1"],
      "2026-06-10": ["4.1", "4.1"],
      "2026-07-10": ["5.1"],
      "2026-07-12": ["5.3", "5.2", "5.1", "2.1"],
    };
    const sums = { applied: 0, duplicates: 0, unmatched: 0, refused: 0 };
    const reports: BillingRunReport[] = [];
    for (let day = 0; day < daysToJuly12; day++) {
      env.clock.advance(dayMs);
      // The provider's morning run, as a server's timer ticks it.
      env.sandbox.sandbox.tick();
      for (const notification of env.sandbox.sandbox.takeNotifications())
        held.set(labelOf(notification), notification);
      const today = env.clock.now().slice(0, 10);
      const got = await deliver(env, take(...(schedule[today] ?? [])));
      for (const key of Object.keys(sums) as (keyof typeof sums)[]) sums[key] += got[key];
      reports.push(await billingRun(env));
    }

    expect([...held.keys()].sort()).toEqual(["1.1", "2.1", "3.1", "4.1", "5.1", "5.2", "5.3"]);
    expect(await monthsOf(env, sale.contract.id)).toEqual(monthsByJuly12);
    // Each delivery of a notification already applied is a duplicate, and changes nothing.
    expect(sums).toEqual({ applied: 7, duplicates: 4, unmatched: 0, refused: 0 });

    // One payment per provider charge, by its reference: the provider's books and ours agree.
    const books = env.sandbox.sandbox.ledger();
    const payments = await paymentsOf(env, sale.contract.id);
    expect(payments.map((payment) => payment.providerReference).sort()).toEqual(
      books.charges.map((charge) => charge.reference).sort(),
    );
    const july = payments.filter((payment) => payment.status === "failed");
    expect(july.map((payment) => payment.failureCode)).toEqual([
      "expired_card",
      "expired_card",
      "expired_card",
    ]);

    // The billing run charged nothing itself: every charge in the books is the provider's own,
    // under the sale's key and in its recurrence, and the run left July to the provider.
    expect(
      books.charges.map((charge) => [charge.idempotencyKey, charge.recurrence?.sequence, charge.status]),
    ).toEqual([
      [sale.payment!.idempotencyKey, 1, "paid"],
      [sale.payment!.idempotencyKey, 2, "paid"],
      [sale.payment!.idempotencyKey, 3, "paid"],
      [sale.payment!.idempotencyKey, 4, "paid"],
      [sale.payment!.idempotencyKey, 5, "declined"],
      [sale.payment!.idempotencyKey, 5, "declined"],
      [sale.payment!.idempotencyKey, 5, "declined"],
    ]);
    expect(chargedByTheRun(reports)).toEqual(nothingCharged);
    expect(reports.reduce((sum, report) => sum + report.outcomes.provider_owned, 0)).toBe(1);

    // The provider gave up on July: the recurrence ended once, and nobody is blocked by a month
    // the provider was still trying.
    const [recurrence] = await env.tessera.recurrences.listByContract(sale.contract.id);
    expect(recurrence).toMatchObject({ status: "ended", lastSequence: 5 });
    const ended = (await env.storage.outbox.listUndelivered(1000)).filter(
      (entry) => entry.event.type === "recurrence.ended",
    );
    expect(ended.map((entry) => entry.event.payload)).toEqual([
      expect.objectContaining({ reason: "gave_up", recurrenceId: recurrence!.id }),
    ]);
    await expectInGoodStanding(env, sale.contract.id);
    expect(await reportedStatuses(env, sale.customer.id)).toEqual([
      ["2026-03-10", "confirmed"],
      ["2026-04-10", "confirmed"],
      ["2026-05-10", "confirmed"],
      ["2026-06-10", "confirmed"],
      ["2026-07-10", "denied"],
    ]);
  });

  /**
   * The provider declining April's first try and paying its retry a day later. The sandbox's
   * kept card answers alike every month (approved; `recurrentDeclines` and an expired card
   * declined on every try), so the pair is told from the sandbox's own news of April's paid
   * charge: that charge as attempt 2, a day after a declined attempt 1 under a reference of its
   * own — both in the sandbox's notification schema, signed with its secret, so `parseWebhook`
   * reads them as it reads any.
   */
  const declinedThenPaid = (paid: SandboxNotification) => {
    const body = sandboxNotificationBodySchema.parse(JSON.parse(paid.rawBody));
    const { charge } = body.data;
    if (charge.status !== "paid" || charge.recurrence === undefined)
      throw new Error("expected the provider's news of a paid recurrent charge");
    const retriedAt = new Date(instantToMillis(charge.createdAt) + dayMs).toISOString();
    const asNotification = (eventId: string, rawBody: string): SandboxNotification => ({
      ...paid,
      eventId,
      type: JSON.parse(rawBody).type,
      headers: { ...paid.headers, "tessera-sandbox-event-id": eventId },
      rawBody,
    });
    const declinedId = `${body.id}_first_try`;
    const declinedReference = `${charge.reference}_first_try`;
    return {
      references: { declined: declinedReference, paid: charge.reference },
      declined: asNotification(
        declinedId,
        JSON.stringify({
          ...body,
          id: declinedId,
          type: "payment.declined",
          data: {
            ...body.data,
            charge: {
              ...charge,
              reference: declinedReference,
              status: "declined",
              paidAt: null,
              decline: {
                declineCode: "insufficient_funds",
                returnCode: "51",
                message: "Insufficient funds.",
              },
              recurrence: { ...charge.recurrence, attempt: 1, endsRecurrence: false },
            },
          },
        }),
      ),
      paid: asNotification(
        body.id,
        JSON.stringify({
          ...body,
          createdAt: retriedAt,
          data: {
            ...body.data,
            charge: {
              ...charge,
              createdAt: retriedAt,
              paidAt: retriedAt,
              recurrence: { ...charge.recurrence, attempt: 2 },
            },
          },
        }),
      ),
    };
  };

  type Notice = "declined" | "paid";
  it.each<[string, [Notice, ...Notice[]]]>([
    ["declined, then paid", ["declined", "paid"]],
    ["paid, then declined", ["paid", "declined"]],
    ["declined, paid, declined again", ["declined", "paid", "declined"]],
    ["paid, declined, each twice", ["paid", "declined", "paid", "declined"]],
  ])(
    "confirms a month the provider declined and paid on its retry, the notices coming %s",
    async (_order, notices) => {
      const env = current();
      const sale = await sell(env);
      env.clock.advance(32 * dayMs); // 2026-04-11 15:00 UTC: April's charge and its retry are past.
      const [april, ...others] = env.sandbox.sandbox.takeNotifications().filter((n) => labelOf(n) === "2.1");
      expect(others).toEqual([]);
      const pair = declinedThenPaid(april!);
      const chargesBefore = env.sandbox.sandbox.ledger().charges.length;

      const [first, ...rest] = notices;
      const reports: BillingRunReport[] = [];
      const sums = [await deliver(env, [pair[first]])];
      // The run in between meets April waiting on the provider (or paid already), and leaves it.
      reports.push(await billingRun(env));
      sums.push(
        await deliver(
          env,
          rest.map((notice) => pair[notice]),
        ),
      );
      reports.push(await billingRun(env));

      const months = await monthsOf(env, sale.contract.id);
      expect(months.filter((line) => line.sequence === 2)).toEqual([
        {
          sequence: 2,
          kind: "period",
          dueDate: "2026-04-10",
          status: "confirmed",
          attempts: [
            [1, "failed"],
            [2, "succeeded"],
          ],
        },
      ]);
      const aprilLine = (await detailOf(env, sale.contract.id)).installments.find(
        ({ installment }) => installment.sequence === 2,
      );
      expect(
        aprilLine?.payments
          .map((payment) => [payment.attempt, payment.providerReference, payment.failureCode])
          .sort((a, b) => Number(a[0]) - Number(b[0])),
      ).toEqual([
        [1, pair.references.declined, "insufficient_funds"],
        [2, pair.references.paid, null],
      ]);
      const received = sums.reduce((sum, got) => ({
        applied: sum.applied + got.applied,
        duplicates: sum.duplicates + got.duplicates,
        unmatched: sum.unmatched + got.unmatched,
        refused: sum.refused + got.refused,
      }));
      expect(received).toEqual({ applied: 2, duplicates: notices.length - 2, unmatched: 0, refused: 0 });

      await expectInGoodStanding(env, sale.contract.id);
      const [recurrence] = await env.tessera.recurrences.listByContract(sale.contract.id);
      expect(recurrence).toMatchObject({ status: "active", lastSequence: 2 });
      expect(await reportedStatuses(env, sale.customer.id)).toEqual([
        ["2026-03-10", "confirmed"],
        ["2026-04-10", "confirmed"],
      ]);
      // The card kept for renewals was never charged by the run: the books hold the provider's charges only.
      expect(chargedByTheRun(reports)).toEqual(nothingCharged);
      expect(env.sandbox.sandbox.ledger().charges.length).toBe(chargesBefore);
      expect(reports[0]!.outcomes.provider_owned).toBe(first === "declined" ? 1 : 0);
    },
  );

  it("adds one line for a month whose declined try and paid retry are applied at the same time, after a later month's news", async () => {
    // Two notices of a month the contract has no line for yet, applied at once after a later
    // month's news (so the recurrence's last charge does not move): on PostgreSQL's read
    // committed both would see no line; the contract's compare-and-set makes the second retry.
    for (let round = 0; round < 4; round++) {
      const env = await createScenarioEnv(current().storage, { unitSlug: `aurora-corrida-${++worlds}` });
      const sale = await sell(env);
      env.clock.advance(63 * dayMs); // 2026-05-12: April's and May's charges are past.
      const sent = env.sandbox.sandbox.takeNotifications();
      const april = sent.find((n) => labelOf(n) === "2.1")!;
      const may = sent.find((n) => labelOf(n) === "3.1")!;
      expect((await deliver(env, [may])).applied).toBe(1);
      const pair = declinedThenPaid(april);
      const sums = await Promise.all([deliver(env, [pair.declined]), deliver(env, [pair.paid])]);
      expect(sums.reduce((sum, got) => sum + got.applied, 0)).toBe(2);
      const months = await monthsOf(env, sale.contract.id);
      expect(months.filter((line) => line.sequence === 2)).toEqual([
        {
          sequence: 2,
          kind: "period",
          dueDate: "2026-04-10",
          status: "confirmed",
          attempts: [
            [1, "failed"],
            [2, "succeeded"],
          ],
        },
      ]);
    }
  });

  it("ends in the same months, attempts and statuses whatever the order and repetition of the same deliveries", async () => {
    /** A studio of its own on the storage under test, its sale, and every notification sent by July 12. */
    const world = async () => {
      const env = await createScenarioEnv(current().storage, { unitSlug: `aurora-ordem-${++worlds}` });
      const sale = await sell(env, { expMonth: 6, expYear: 2026 });
      // One jump: the provider makes every charge in between, each at its own time, in order.
      env.clock.advance(daysToJuly12 * dayMs);
      const sent = env.sandbox.sandbox.takeNotifications();
      expect(sent.map(labelOf)).toEqual(["1.1", "2.1", "3.1", "4.1", "5.1", "5.2", "5.3"]);
      return { env, sale, sent };
    };
    const endState = async (env: ScenarioEnv, contractId: Contract["id"]) => {
      const [recurrence] = await env.tessera.recurrences.listByContract(contractId);
      const detail = await detailOf(env, contractId);
      return {
        months: await monthsOf(env, contractId),
        recurrence: [recurrence?.status, recurrence?.lastSequence],
        contract: [detail.contract.status, detail.contract.paymentIssue, detail.customer.status],
        payments: (await paymentsOf(env, contractId)).length,
      };
    };

    const inOrder = await world();
    await deliver(inOrder.env, inOrder.sent);
    const expected = await endState(inOrder.env, inOrder.sale.contract.id);
    expect(expected).toEqual({
      months: monthsByJuly12,
      recurrence: ["ended", 5],
      contract: ["active", null, "active"],
      payments: 7,
    });

    const count = inOrder.sent.length;
    const indices = [...Array(count).keys()];
    const deliveries = fc.tuple(
      fc.shuffledSubarray(indices, { minLength: count, maxLength: count }),
      // Deliveries made again: which one, and where among the others.
      fc.array(fc.tuple(fc.nat({ max: count - 1 }), fc.nat()), { maxLength: 4 }),
    );
    const reversed = [...indices].reverse();
    await fc.assert(
      fc.asyncProperty(deliveries, async ([order, repeats]) => {
        const { env, sale, sent } = await world();
        const sequence = order.map((index) => sent[index]!);
        for (const [which, at] of repeats) sequence.splice(at % (sequence.length + 1), 0, sent[which]!);
        const sums = await deliver(env, sequence);
        expect(sums).toEqual({ applied: count, duplicates: repeats.length, unmatched: 0, refused: 0 });
        expect(await endState(env, sale.contract.id)).toEqual(expected);
      }),
      {
        numRuns: 8,
        // Every notice last sent first, then the same with each delivered twice.
        examples: [[[reversed, []]], [[reversed, reversed.map((index): [number, number] => [index, 0])]]],
      },
    );
  });

  /**
   * A studio of its own whose sandbox follows a declined recurrent month as `declinedCharge`
   * says (`recurrenceRules.declinedCharge`): PagoLivre's `next_period`, or Cielo's
   * `retry_then_end` (the sandbox's default).
   */
  const declaringStudio = (declinedCharge: "retry_then_end" | "next_period") =>
    createScenarioEnv(current().storage, {
      unitSlug: `aurora-recusa-${++worlds}`,
      sandbox: { recurrenceDeclinedCharge: declinedCharge },
    });

  /**
   * Lives `days` days as a server does: each morning the provider's run, its news delivered at
   * once, then the daily billing run. Answers each day's report by the day, and the receipts' sums.
   */
  const liveDays = async (env: ScenarioEnv, days: number) => {
    const sums = { applied: 0, duplicates: 0, unmatched: 0, refused: 0 };
    const dates: string[] = [];
    const reports = await runDays(env, days, async (day) => {
      dates.push(day);
      env.sandbox.sandbox.tick();
      const got = await deliver(env, env.sandbox.sandbox.takeNotifications());
      for (const key of Object.keys(sums) as (keyof typeof sums)[]) sums[key] += got[key];
    });
    const byDay = reports.map((report, index): [string, BillingRunReport] => [dates[index]!, report]);
    return { reports, byDay, sums };
  };

  /** The days the billing run charged something itself, with what became of it. */
  const runChargeDays = (byDay: readonly [string, BillingRunReport][]) =>
    byDay.flatMap(([day, report]) =>
      (["paid", "declined", "link_issued", "unknown", "not_sent"] as const)
        .filter((kind) => report.outcomes[kind] > 0)
        .map((kind) => [day, kind, report.outcomes[kind]]),
    );

  /** The provider's books, each charge as whose it is (the sale's recurrence, or a charge of its own), its place and status. */
  const booksOf = (env: ScenarioEnv, saleKey: string) =>
    env.sandbox.sandbox
      .ledger()
      .charges.map((charge) => [
        charge.idempotencyKey === saleKey ? "recurrence" : "run",
        charge.recurrence?.sequence ?? null,
        charge.status,
      ]);

  /** What the provider collected in all: its paid charges (nothing is refunded here). */
  const collectedByTheProvider = (env: ScenarioEnv) =>
    env.sandbox.sandbox
      .ledger()
      .charges.filter((charge) => charge.status === "paid")
      .reduce((sum, charge) => sum + charge.amount.amount, 0);

  it("charges a month the provider declined and leaves for the next period through the unit's dunning, while the provider charges the next month, none twice", async () => {
    const env = await declaringStudio("next_period");
    expect(env.sandbox.capabilities.recurrenceRules?.declinedCharge).toBe("next_period");
    const sale = await sell(env);
    const saleKey = sale.payment!.idempotencyKey;
    // April's recurrent charge is declined at the provider, which counts as April's first failed
    // attempt: the billing run tries the card kept for renewals on the unit's first dunning day
    // (declined too, an ordinary charge) and again on the second, where it is paid.
    env.sandbox.sandbox.injectFault({
      kind: "card_declined",
      declineCode: "insufficient_funds",
      charge: "recurrent",
    });
    env.sandbox.sandbox.injectFault({ kind: "card_declined", declineCode: "do_not_honor" });
    expect(env.unit.dunningRetryDays[0]).toBe(1);

    const { reports, byDay, sums } = await liveDays(env, 63); // to 2026-05-12

    const months = (await monthsOf(env, sale.contract.id)).filter((line) => line.kind === "period");
    expect(months).toEqual([
      {
        sequence: 1,
        kind: "period",
        dueDate: "2026-03-10",
        status: "confirmed",
        attempts: [[1, "succeeded"]],
      },
      {
        sequence: 2,
        kind: "period",
        dueDate: "2026-04-10",
        status: "confirmed",
        // The provider's decline, the run's decline a day on, the run's paid retry on day 3.
        attempts: [
          [1, "failed"],
          [2, "failed"],
          [3, "succeeded"],
        ],
      },
      {
        sequence: 3,
        kind: "period",
        dueDate: "2026-05-10",
        status: "confirmed",
        attempts: [[1, "succeeded"]],
      },
    ]);
    // The run never charged April on the day the provider declined it: on the unit's first and
    // second dunning days (1 and 3 days after the due date); nothing else.
    expect(runChargeDays(byDay)).toEqual([
      ["2026-04-11", "declined", 1],
      ["2026-04-13", "paid", 1],
    ]);
    expect(byDay.filter(([, report]) => report.outcomes.provider_declined > 0).map(([day]) => day)).toEqual([
      "2026-04-10",
    ]);
    expect(chargedByTheRun(reports)).toEqual({ ...nothingCharged, paid: 1, declined: 1 });
    expect(totalOf(reports, (report) => report.outcomes.provider_owned)).toBe(0);

    // The provider's books: its charges (the sale's recurrence) and the run's own never meet in a
    // month — April's decline by the provider, then the run's two charges, then May by the provider.
    expect(booksOf(env, saleKey)).toEqual([
      ["recurrence", 1, "paid"],
      ["recurrence", 2, "declined"],
      ["run", null, "declined"],
      ["run", null, "paid"],
      ["recurrence", 3, "paid"],
    ]);
    const april = (await detailOf(env, sale.contract.id)).installments.find(
      ({ installment }) => installment.sequence === 2,
    )!;
    const byReference = new Map(
      env.sandbox.sandbox.ledger().charges.map((charge) => [charge.reference, charge]),
    );
    expect(
      april.payments
        .sort((a, b) => a.attempt - b.attempt)
        .map((payment) => {
          const charge = byReference.get(payment.providerReference ?? "");
          return [payment.attempt, charge?.idempotencyKey === saleKey ? "recurrence" : "run", charge?.status];
        }),
    ).toEqual([
      [1, "recurrence", "declined"],
      [2, "run", "declined"],
      [3, "run", "paid"],
    ]);
    // No month collected twice: the sale (fee and March), April once, May once.
    expect(collectedByTheProvider(env)).toBe(5_000 + 3 * 14_990);
    const payments = await paymentsOf(env, sale.contract.id);
    expect(payments.map((payment) => payment.providerReference).sort()).toEqual(
      env.sandbox.sandbox
        .ledger()
        .charges.map((charge) => charge.reference)
        .sort(),
    );
    // The sale's news, April's decline, the run's paid charge (its decline was in its answer), May's.
    expect(sums).toEqual({ applied: 4, duplicates: 0, unmatched: 0, refused: 0 });

    await expectInGoodStanding(env, sale.contract.id);
    const [recurrence] = await env.tessera.recurrences.listByContract(sale.contract.id);
    expect(recurrence).toMatchObject({ status: "active", lastSequence: 3 });
    expect(await reportedStatuses(env, sale.customer.id)).toEqual([
      ["2026-03-10", "confirmed"],
      ["2026-04-10", "confirmed"],
      ["2026-05-10", "confirmed"],
    ]);
  });

  it("leaves a declined month to a provider that retries it (retry_then_end): the run charges nothing, the provider's retry pays it", async () => {
    const env = await declaringStudio("retry_then_end");
    expect(env.sandbox.capabilities.recurrenceRules?.declinedCharge).toBe("retry_then_end");
    const sale = await sell(env);
    env.sandbox.sandbox.injectFault({
      kind: "card_declined",
      declineCode: "insufficient_funds",
      charge: "recurrent",
    });

    const { reports, byDay } = await liveDays(env, 63);

    const months = (await monthsOf(env, sale.contract.id)).filter((line) => line.sequence === 2);
    expect(months).toEqual([
      {
        sequence: 2,
        kind: "period",
        dueDate: "2026-04-10",
        status: "confirmed",
        attempts: [
          [1, "failed"],
          [2, "succeeded"],
        ],
      },
    ]);
    // The run met April declined on its due day and left it to the provider, which paid it on its retry.
    expect(byDay.filter(([, report]) => report.outcomes.provider_owned > 0).map(([day]) => day)).toEqual([
      "2026-04-10",
    ]);
    expect(chargedByTheRun(reports)).toEqual(nothingCharged);
    expect(booksOf(env, sale.payment!.idempotencyKey)).toEqual([
      ["recurrence", 1, "paid"],
      ["recurrence", 2, "declined"],
      ["recurrence", 2, "paid"],
      ["recurrence", 3, "paid"],
    ]);
    expect(collectedByTheProvider(env)).toBe(5_000 + 3 * 14_990);
    await expectInGoodStanding(env, sale.contract.id);
  });
}
