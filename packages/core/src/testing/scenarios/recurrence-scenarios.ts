import { expect, it } from "vitest";
import type { SaleInput } from "../../checkout/sale-input";
import type { Payment } from "../../payments/payment";
import { createTessera } from "../../tessera/create-tessera";
import { brl, buyerAna, type ScenarioEnv } from "./scenario-env";

const day = 86_400_000;

/**
 * Provider-driven recurrence (Cielo RecurrentPayment): the sale asks the provider to charge
 * the later periods itself; each charge it makes is its own payment row against its period.
 */
export function recurrenceScenarios(current: () => ScenarioEnv): void {
  const sale = (overrides: Partial<SaleInput> = {}): SaleInput => {
    const env = current();
    return {
      unitId: env.unit.id,
      planId: env.annual.id,
      buyer: buyerAna,
      method: "card",
      idempotencyKey: `recurrence-${Math.random().toString(36).slice(2)}`,
      source: "online",
      ...overrides,
    } as SaleInput;
  };

  /** Moves the provider's clock on and delivers what it sent, as its webhook would. */
  const passDays = async (days: number) => {
    const env = current();
    env.clock.advance(days * day);
    env.sandbox.sandbox.tick();
    const receipts = [];
    for (const notification of env.sandbox.sandbox.takeNotifications()) {
      receipts.push(await env.tessera.webhooks.receive("sandbox", notification));
    }
    return receipts;
  };

  const paymentsOf = async (installmentId: string): Promise<Payment[]> =>
    current().storage.payments.listByInstallment(installmentId as Payment["installmentIds"][number]);

  const eventTypes = async () =>
    (await current().storage.outbox.listUndelivered(1000)).map((entry) => entry.event.type);

  it("asks the provider to charge the annual plan's other eleven months, and records the recurrence", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(sale({ card: await env.card("approvedVisa") }));
    expect(outcome.status).toBe("succeeded");
    const [recurrence, ...more] = await env.tessera.recurrences.listByContract(outcome.contract.id);
    expect(more).toEqual([]);
    expect(recurrence).toMatchObject({
      status: "active",
      firstPaymentId: outcome.payment!.id,
      lastSequence: 1,
      terms: {
        interval: { unit: "month", count: 1 },
        charges: 12,
        amount: brl(9990),
        secondChargeOn: "2026-04-10",
      },
    });
    expect(recurrence!.providerReference).toBeTruthy();
    expect(await eventTypes()).toContain("recurrence.started");
  });

  it("records each charge the provider makes as its own payment on its period, never touching payment 1", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(sale({ card: await env.card("approvedVisa") }));
    const first = outcome.payment!;
    const receipts = await passDays(31);
    expect(receipts.map((r) => r.accepted && r.applied)).toContain(1);
    const installments = await env.storage.installments.listByContract(outcome.contract.id);
    const second = installments.find((i) => i.sequence === 2)!;
    expect(second.status).toBe("confirmed");
    const [charge2, ...others] = await paymentsOf(second.id);
    expect(others).toEqual([]);
    expect(charge2).toMatchObject({ status: "succeeded", amount: brl(9990), attempt: 1 });
    expect(charge2!.providerReference).not.toBe(first.providerReference);
    expect(await env.storage.payments.findById(first.id)).toMatchObject({
      status: "succeeded",
      providerReference: first.providerReference,
      installmentIds: first.installmentIds,
    });
    expect(installments.filter((i) => i.sequence === 3).map((i) => i.status)).toEqual(["awaiting"]);
    // The provider's books agree: two charges, each collected once.
    expect(env.sandbox.sandbox.ledger().charges.map((c) => c.amount.amount)).toEqual([9990, 9990]);
    const [recurrence] = await env.tessera.recurrences.listByContract(outcome.contract.id);
    expect(recurrence!.lastSequence).toBe(2);
  });

  it("schedules an open-ended plan's next period when the provider charges it", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(
      sale({ planId: env.monthly.id, card: await env.card("approvedVisa") }),
    );
    const [recurrence] = await env.tessera.recurrences.listByContract(outcome.contract.id);
    expect(recurrence?.terms).toMatchObject({
      charges: null,
      amount: brl(14990),
      secondChargeOn: "2026-04-10",
    });
    await passDays(31);
    const second = (await env.storage.installments.listByContract(outcome.contract.id)).filter(
      (i) => i.sequence === 2,
    );
    expect(second.map((i) => [i.kind, i.status, i.amount.amount, i.periodStart])).toEqual([
      ["period", "confirmed", 14990, "2026-04-10"],
    ]);
  });

  it("refunds a charge the provider made by itself, from that charge alone", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(sale({ card: await env.card("approvedVisa") }));
    await passDays(31);
    const second = (await env.storage.installments.listByContract(outcome.contract.id)).find(
      (i) => i.sequence === 2,
    )!;
    const [charge2] = await paymentsOf(second.id);
    const { refund, payment } = await env.tessera.refunds.refund({
      paymentId: charge2!.id,
      idempotencyKey: "refund-recurrent-0001",
      reason: "cobrança em duplicidade",
      actor: "staff_ana",
    });
    expect(refund.status).toBe("succeeded");
    expect(payment).toMatchObject({ id: charge2!.id, status: "refunded" });
    expect(await env.storage.payments.findById(outcome.payment!.id)).toMatchObject({ status: "succeeded" });
    const books = env.sandbox.sandbox.ledger();
    expect(books.refunds.map((r) => r.amount)).toEqual([brl(9990)]);
    expect(books.charges.map((c) => c.refundedAmount.amount)).toEqual([0, 9990]);
  });

  it("applies a recurrent charge's notification once, however often it arrives", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(sale({ card: await env.card("approvedVisa") }));
    env.clock.advance(31 * day);
    env.sandbox.sandbox.tick();
    const notifications = env.sandbox.sandbox.takeNotifications();
    expect(notifications.length).toBeGreaterThan(0);
    for (const notification of [...notifications, ...notifications].reverse()) {
      await env.tessera.webhooks.receive("sandbox", notification);
    }
    const second = (await env.storage.installments.listByContract(outcome.contract.id)).find(
      (i) => i.sequence === 2,
    )!;
    expect((await paymentsOf(second.id)).map((p) => p.status)).toEqual(["succeeded"]);
  });

  it("never lets another charge's news under payment 1's key overwrite payment 1", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(sale({ card: await env.card("approvedVisa") }));
    const first = (await env.storage.payments.findById(outcome.payment!.id))!;
    env.clock.advance(31 * day);
    env.sandbox.sandbox.tick();
    // An adapter that forgot to say the charge is recurrent: only our (shared) key and the charge's own reference.
    const forgetful = createTessera({
      storage: env.storage,
      clock: env.clock,
      gateways: [
        {
          ...env.sandbox,
          async parseWebhook(input) {
            const parsed = await env.sandbox.parseWebhook(input);
            if (!parsed.authentic) return parsed;
            return {
              authentic: true,
              events: parsed.events.map(({ recurrenceCharge: _dropped, ...event }) => ({
                ...event,
                idempotencyKey: first.idempotencyKey,
              })),
            };
          },
        },
      ],
    });
    const receipts = [];
    for (const notification of env.sandbox.sandbox.takeNotifications()) {
      receipts.push(await forgetful.webhooks.receive("sandbox", notification));
    }
    expect(receipts).toContainEqual({ accepted: true, applied: 0, duplicates: 0, unmatched: 1 });
    expect(await env.storage.payments.findById(first.id)).toEqual(first);
    const rejected = await env.storage.inbox.listByStatus("rejected", 10);
    expect(rejected.map((entry) => entry.outcome)).toContainEqual(
      expect.stringContaining(`payment ${first.id}`),
    );
  });

  it("records a declined recurrent charge and each retry of it as attempts, and ends the recurrence when the provider gives up", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(sale({ card: await env.card("recurrentDeclines") }));
    expect(outcome.status).toBe("succeeded");
    await passDays(31);
    for (let i = 0; i < 5; i++) await passDays(1);
    const second = (await env.storage.installments.listByContract(outcome.contract.id)).find(
      (i) => i.sequence === 2,
    )!;
    const attempts = await paymentsOf(second.id);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts.map((p) => [p.status, p.attempt])).toEqual(
      attempts.map((_, index) => ["failed", index + 1]),
    );
    expect(second.status).not.toBe("confirmed");
    const [recurrence] = await env.tessera.recurrences.listByContract(outcome.contract.id);
    expect(recurrence).toMatchObject({ status: "ended", lastSequence: 2 });
    const ended = (await env.storage.outbox.listUndelivered(1000)).find(
      (e) => e.event.type === "recurrence.ended",
    );
    expect(ended?.event.payload).toMatchObject({ reason: "gave_up", recurrenceId: recurrence!.id });
    // Nothing more is charged once it ended.
    const charges = env.sandbox.sandbox.ledger().charges.length;
    await passDays(40);
    expect(env.sandbox.sandbox.ledger().charges.length).toBe(charges);
  });

  it("stops the provider's charges when deactivated, and answers a second deactivation as it stands", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(sale({ card: await env.card("approvedVisa") }));
    const [recurrence] = await env.tessera.recurrences.listByContract(outcome.contract.id);
    const stopped = await env.tessera.recurrences.deactivate(recurrence!.id);
    expect(stopped).toMatchObject({ status: "deactivated", version: recurrence!.version + 1 });
    expect(await eventTypes()).toContain("recurrence.deactivated");
    await passDays(62);
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(1);
    const second = (await env.storage.installments.listByContract(outcome.contract.id)).find(
      (i) => i.sequence === 2,
    )!;
    expect(await paymentsOf(second.id)).toEqual([]);
    expect(await env.tessera.recurrences.deactivate(recurrence!.id)).toEqual(stopped);
  });

  it("asks no recurrence for a method the provider does not recur, nor for a single-period pass", async () => {
    const env = current();
    const pix = await env.tessera.sales.start(sale({ method: "pix" }));
    const pass = await env.tessera.sales.start(
      sale({ planId: env.pass.id, card: await env.card("approvedVisa") }),
    );
    expect(await env.tessera.recurrences.listByContract(pix.contract.id)).toEqual([]);
    expect(await env.tessera.recurrences.listByContract(pass.contract.id)).toEqual([]);
    expect(env.sandbox.sandbox.ledger().charges.map((c) => c.method)).toEqual(["pix", "card"]);
  });

  it("refuses a malformed recurrence id with a typed error", async () => {
    const env = current();
    await expect(env.tessera.recurrences.deactivate("ctr_not-a-recurrence")).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(env.tessera.recurrences.find(42 as unknown as string)).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("ends a recurrence whose charge 1 — a link the provider recorded it with — expires unpaid, so the contract is not left to the provider", async () => {
    const env = current();
    // A provider that starts its recurrence with a pending link (PagoLivre's shape), played by
    // the sandbox's PIX answering with a recurrence reference.
    const linkProvider = {
      ...env.sandbox,
      capabilities: { ...env.sandbox.capabilities, providerRecurrence: ["card", "pix"] as const },
      async createPayment(request: Parameters<typeof env.sandbox.createPayment>[0]) {
        const { recurrence, ...single } = request;
        const answer = await env.sandbox.createPayment(single);
        return answer.status === "pending" && recurrence
          ? { ...answer, recurrenceReference: `rec-${request.idempotencyKey}` }
          : answer;
      },
    };
    const tessera = createTessera({ storage: env.storage, clock: env.clock, gateways: [linkProvider] });
    const outcome = await tessera.sales.start(
      sale({ method: "pix", idempotencyKey: "recurrence-link-0001" }),
    );
    expect(outcome.status).toBe("pending");
    const [started] = await tessera.recurrences.listByContract(outcome.contract.id);
    expect(started?.status).toBe("active");
    env.clock.advance(2 * 3600_000);
    expect((await tessera.payments.refresh(outcome.payment!.id)).status).toBe("canceled");
    const [ended] = await tessera.recurrences.listByContract(outcome.contract.id);
    expect(ended).toMatchObject({ status: "ended" });
    const types = (await env.storage.outbox.listUndelivered(1000)).map((entry) => entry.event);
    expect(types.filter((event) => event.type === "recurrence.ended")).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ reason: "first_unpaid" }) }),
    ]);
  });
}
