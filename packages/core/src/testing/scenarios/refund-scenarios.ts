import { expect, it } from "vitest";
import { gatewayError } from "../../errors/gateway-error";
import type { Id } from "../../ids/id";
import { createSandboxGateway, type SandboxGateway } from "../../sandbox/sandbox-gateway";
import type { SandboxGatewayOptions } from "../../sandbox/sandbox-options";
import { createTessera } from "../../tessera/create-tessera";
import { address, brl, buyerAna, rejection, type ScenarioEnv } from "./scenario-env";

/** Refunds to the original method: never more than collected less earlier refunds (DESIGN §4). */
export function refundScenarios(current: () => ScenarioEnv): void {
  const paidSale = async () => {
    const env = current();
    const outcome = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card",
      card: await env.card("approvedVisa"),
      idempotencyKey: `refund-sale-${Math.random().toString(36).slice(2)}`,
      source: "api",
    });
    if (outcome.status !== "succeeded") throw new Error(`expected a paid sale, got ${outcome.status}`);
    return outcome;
  };

  it("refunds a whole payment: the provider gives it back, the payment and its installments read refunded", async () => {
    const env = current();
    const sale = await paidSale();
    const { refund, payment } = await env.tessera.refunds.refund({
      paymentId: sale.payment.id,
      idempotencyKey: "refund-whole-0001",
      reason: "desistência em 7 dias",
      actor: "staff_ana",
    });
    expect(refund).toMatchObject({ status: "succeeded", amount: brl(19990), destination: "original_method" });
    expect(payment).toMatchObject({ status: "refunded", refundedAmount: brl(19990) });
    const ledger = env.sandbox.sandbox.ledger();
    expect(ledger.refunds.map((r) => r.amount)).toEqual([brl(19990)]);
    expect(ledger.charges[0]?.refundedAmount).toEqual(brl(19990));
    const after = await env.tessera.sales.outcome(sale.payment.id);
    expect(after.installments.filter((i) => i.sequence === 1).map((i) => i.status)).toEqual([
      "refunded",
      "refunded",
    ]);
    const types = (await env.storage.outbox.listUndelivered(500)).map((e) => e.event.type);
    expect(types).toContain("refund.succeeded");
  });

  it("refunds in parts, and refuses more than is left before asking the provider", async () => {
    const env = current();
    const sale = await paidSale();
    const part = (amount: number, key: string) =>
      env.tessera.refunds.refund({ paymentId: sale.payment.id, amount: brl(amount), idempotencyKey: key });
    expect((await part(5000, "refund-part-0001")).payment).toMatchObject({
      status: "partially_refunded",
      refundedAmount: brl(5000),
    });
    expect((await part(10_000, "refund-part-0002")).payment.refundedAmount).toEqual(brl(15_000));
    const over = await rejection(part(5000, "refund-part-0003"));
    expect(over.code).toBe("validation_failed");
    expect(over.details.issues).toEqual([expect.objectContaining({ path: ["amount"], code: "too_big" })]);
    expect(env.sandbox.sandbox.ledger().refunds).toHaveLength(2);
    expect((await part(4990, "refund-part-0004")).payment).toMatchObject({ status: "refunded" });
  });

  it("answers the same key with the first refund, and refuses it for another amount", async () => {
    const env = current();
    const sale = await paidSale();
    const input = { paymentId: sale.payment.id, amount: brl(1000), idempotencyKey: "refund-same-0001" };
    const first = await env.tessera.refunds.refund(input);
    const again = await env.tessera.refunds.refund(input);
    expect(again).toMatchObject({ replayed: true, refund: { id: first.refund.id } });
    expect(env.sandbox.sandbox.ledger().refunds).toHaveLength(1);
    expect((await rejection(env.tessera.refunds.refund({ ...input, amount: brl(2000) }))).code).toBe(
      "idempotency_key_reused",
    );
  });

  it("refuses to refund a payment that collected nothing", async () => {
    const env = current();
    const pix = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "pix",
      idempotencyKey: "refund-pending-pix-0001",
      source: "api",
    });
    const error = await rejection(
      env.tessera.refunds.refund({ paymentId: pix.payment!.id, idempotencyKey: "refund-pending-0001" }),
    );
    expect(error.code).toBe("invalid_transition");
  });

  it("records a refund the provider refuses as failed, with its words, and leaves the payment paid", async () => {
    const env = current();
    const sale = await paidSale();
    const refusing = createTessera({
      storage: env.storage,
      clock: env.clock,
      gateways: [
        {
          ...env.sandbox,
          async refund() {
            throw gatewayError(
              "sandbox",
              "gateway_invalid_request",
              "The refund window of 90 days has passed.",
            );
          },
        },
      ],
    });
    const outcome = await refusing.refunds.refund({
      paymentId: sale.payment.id,
      idempotencyKey: "refund-refused-0001",
    });
    expect(outcome.refund.status).toBe("failed");
    expect(outcome.message).toMatch(/90 days/);
    expect(outcome.payment).toMatchObject({ status: "succeeded", refundedAmount: brl(0) });
    // A failed refund does not count against what is left: the whole amount can still be refunded.
    const retried = await env.tessera.refunds.refund({
      paymentId: sale.payment.id,
      idempotencyKey: "refund-refused-0002",
    });
    expect(retried.payment.status).toBe("refunded");
  });

  /** A Tessera on the same books over a sandbox of its own (`options`), and a card sale paid through it. */
  const worldWith = async (key: string, options: SandboxGatewayOptions) => {
    const env = current();
    const sandbox = createSandboxGateway({
      clock: env.clock,
      webhookSecret: "scenario-async-secret-0123456789",
      ...options,
    });
    const tessera = createTessera({ storage: env.storage, clock: env.clock, gateways: [sandbox] });
    const { token } = await sandbox.sandbox.tokenizeCard({
      number: sandbox.sandbox.testCards.approvedVisa.number,
      holder: "ANA SOUZA",
      expMonth: 12,
      expYear: 2030,
      cvc: "123",
    });
    const sale = await tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card",
      card: { type: "token", token },
      idempotencyKey: key,
      source: "api",
    });
    if (sale.status !== "succeeded") throw new Error(`expected a paid sale, got ${sale.status}`);
    sandbox.sandbox.takeNotifications();
    const deliver = async () => {
      for (const notification of sandbox.sandbox.takeNotifications())
        expect(await tessera.webhooks.receive("sandbox", notification)).toMatchObject({ accepted: true });
    };
    return { env, sandbox, tessera, sale, deliver };
  };
  /** One whose sandbox answers refunds `pending` (API Pix's EM_PROCESSAMENTO). */
  const asyncWorld = (key: string) => worldWith(key, { asyncRefunds: true });

  it("settles a pending refund by the provider's signed webhook: the payment ends refunded", async () => {
    const { sandbox, tessera, sale, deliver } = await asyncWorld("refund-async-sale-0001");
    const pending = await tessera.refunds.refund({
      paymentId: sale.payment.id,
      idempotencyKey: "refund-async-0001",
    });
    expect(pending.refund).toMatchObject({ status: "pending", amount: brl(19990) });
    expect(pending.payment).toMatchObject({ status: "succeeded", refundedAmount: brl(0) });
    // Nothing more can be refunded while it is pending.
    const over = await rejection(
      tessera.refunds.refund({
        paymentId: sale.payment.id,
        amount: brl(1),
        idempotencyKey: "refund-async-0002",
      }),
    );
    expect(over.details.issues).toEqual([expect.objectContaining({ code: "nothing_to_refund" })]);

    sandbox.sandbox.settleRefund(pending.refund.providerReference as string, "succeeded");
    await deliver();

    const [refund] = await tessera.refunds.listByPayment(sale.payment.id);
    expect(refund).toMatchObject({ id: pending.refund.id, status: "succeeded" });
    const after = await tessera.sales.outcome(sale.payment.id);
    expect(after.payment).toMatchObject({ status: "refunded", refundedAmount: brl(19990) });
    expect(after.installments.filter((i) => i.sequence === 1).map((i) => i.status)).toEqual([
      "refunded",
      "refunded",
    ]);
  });

  it("records a pending refund the provider later reports failed, and leaves the payment paid", async () => {
    const { sandbox, tessera, sale, deliver } = await asyncWorld("refund-async-sale-0002");
    const pending = await tessera.refunds.refund({
      paymentId: sale.payment.id,
      amount: brl(5000),
      idempotencyKey: "refund-async-0003",
    });
    sandbox.sandbox.settleRefund(pending.refund.providerReference as string, "failed");
    await deliver();
    const [refund] = await tessera.refunds.listByPayment(sale.payment.id);
    expect(refund?.status).toBe("failed");
    expect((await tessera.sales.outcome(sale.payment.id)).payment).toMatchObject({
      status: "succeeded",
      refundedAmount: brl(0),
    });
  });

  /** Nothing of a refund refused before the write-ahead: no row, no event, nothing at the provider. */
  const expectNothingWritten = async (
    env: ScenarioEnv,
    sandbox: SandboxGateway,
    paymentId: Id<"payment">,
  ) => {
    expect(await env.tessera.refunds.listByPayment(paymentId)).toEqual([]);
    expect(sandbox.sandbox.ledger().refunds).toEqual([]);
    const types = (await env.storage.outbox.listUndelivered(500)).map((e) => e.event.type);
    expect(types.filter((type) => type.startsWith("refund."))).toEqual([]);
  };

  it("refuses part of a payment its method refunds only whole before anything is written, and refunds it whole", async () => {
    const { env, sandbox, tessera, sale } = await worldWith("refund-whole-only-sale-0001", {
      refundRules: { card: { partial: false, windowDays: 360, keyedByUs: false } },
    });
    const error = await rejection(
      tessera.refunds.refund({
        paymentId: sale.payment.id,
        amount: brl(5000),
        idempotencyKey: "refund-whole-only-0001",
      }),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.details.issues).toEqual([
      expect.objectContaining({ path: ["amount"], code: "partial_not_supported" }),
    ]);
    await expectNothingWritten(env, sandbox, sale.payment.id);
    const whole = await tessera.refunds.refund({
      paymentId: sale.payment.id,
      idempotencyKey: "refund-whole-only-0002",
    });
    expect(whole.payment).toMatchObject({ status: "refunded", refundedAmount: brl(19990) });
  });

  it("refuses to refund a boleto before anything is written: the provider cannot, so staff refund to the wallet or by hand", async () => {
    const env = current();
    const sale = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: { ...buyerAna, address },
      method: "boleto",
      idempotencyKey: "refund-boleto-sale-0001",
      source: "api",
    });
    env.sandbox.sandbox.pay(sale.payment!.providerReference as string);
    expect((await env.tessera.payments.refresh(sale.payment!.id)).status).toBe("succeeded");
    const error = await rejection(
      env.tessera.refunds.refund({ paymentId: sale.payment!.id, idempotencyKey: "refund-boleto-0001" }),
    );
    expect(error.code).toBe("refund_not_possible");
    expect(error.details).toMatchObject({ reason: "method_not_refundable", method: "boleto" });
    expect(error.message).toMatch(/wallet or by hand/);
    await expectNothingWritten(env, env.sandbox, sale.payment!.id);
  });

  it("refuses a refund past the provider's window for the method before anything is written", async () => {
    const env = current();
    const sale = await paidSale();
    env.clock.advance(361 * 86_400_000);
    const error = await rejection(
      env.tessera.refunds.refund({ paymentId: sale.payment.id, idempotencyKey: "refund-late-0001" }),
    );
    expect(error.code).toBe("refund_not_possible");
    expect(error.details).toMatchObject({ reason: "window_passed", windowDays: 360 });
    await expectNothingWritten(env, env.sandbox, sale.payment.id);
    expect(await env.tessera.payments.get(sale.payment.id)).toMatchObject({ status: "succeeded" });
  });

  /** A Tessera on the same books whose provider refunds, but whose answer never arrives (a timeout). */
  const answerLost = (env: ScenarioEnv, reaches: boolean) =>
    createTessera({
      storage: env.storage,
      clock: env.clock,
      gateways: [
        {
          ...env.sandbox,
          async refund(request) {
            if (reaches) await env.sandbox.refund(request);
            throw new Error("socket hang up: the provider's answer was lost");
          },
        },
      ],
    });

  it("recovers a refund whose answer timed out through getRefund: the payment reads partially_refunded, then refunded", async () => {
    const env = current();
    const sale = await paidSale();
    const lost = await answerLost(env, true).refunds.refund({
      paymentId: sale.payment.id,
      amount: brl(5000),
      idempotencyKey: "refund-lost-0001",
    });
    expect(lost.refund).toMatchObject({ status: "unknown", providerReference: null });
    expect(lost.payment).toMatchObject({ status: "succeeded", refundedAmount: brl(0) });
    // Unknown counts against what is left: nothing more than the rest can be asked meanwhile.
    const over = await rejection(
      env.tessera.refunds.refund({
        paymentId: sale.payment.id,
        amount: brl(15_000),
        idempotencyKey: "refund-lost-0002",
      }),
    );
    expect(over.details.issues).toEqual([expect.objectContaining({ code: "too_big" })]);

    expect(
      await env.tessera.refunds.recover(),
      "inside the grace period it may still be in flight",
    ).toMatchObject({
      examined: 0,
    });
    env.clock.advance(121_000);
    expect(await env.tessera.refunds.recover()).toEqual({
      examined: 1,
      settled: 1,
      neverReceived: 0,
      stillOpen: 0,
      failed: 0,
      failures: [],
    });
    const [made] = env.sandbox.sandbox.ledger().refunds;
    const [recovered] = await env.tessera.refunds.listByPayment(sale.payment.id);
    expect(recovered).toMatchObject({
      id: lost.refund.id,
      status: "succeeded",
      providerReference: made?.reference,
    });
    expect(await env.tessera.payments.get(sale.payment.id)).toMatchObject({
      status: "partially_refunded",
      refundedAmount: brl(5000),
    });

    const rest = await env.tessera.refunds.refund({
      paymentId: sale.payment.id,
      idempotencyKey: "refund-lost-0003",
    });
    expect(rest.payment).toMatchObject({ status: "refunded", refundedAmount: brl(19990) });
    const after = await env.tessera.sales.outcome(sale.payment.id);
    expect(after.installments.filter((i) => i.sequence === 1).map((i) => i.status)).toEqual([
      "refunded",
      "refunded",
    ]);
    expect(env.sandbox.sandbox.ledger().refunds.map((r) => r.amount)).toEqual([brl(5000), brl(14_990)]);
    expect(await env.tessera.refunds.recover({ olderThanMs: 0 })).toMatchObject({ examined: 0 });
  });

  it("marks a refund the provider never received failed after the grace period: nothing was given back, nothing re-sent", async () => {
    const env = current();
    const sale = await paidSale();
    const input = { paymentId: sale.payment.id, idempotencyKey: "refund-never-0001" };
    const lost = await answerLost(env, false).refunds.refund(input);
    expect(lost.refund.status).toBe("unknown");
    env.clock.advance(121_000);
    expect(await env.tessera.refunds.recover()).toMatchObject({ examined: 1, neverReceived: 1, settled: 0 });
    expect((await env.tessera.refunds.listByPayment(sale.payment.id))[0]?.status).toBe("failed");
    expect(await env.tessera.payments.get(sale.payment.id)).toMatchObject({
      status: "succeeded",
      refundedAmount: brl(0),
    });
    const types = (await env.storage.outbox.listUndelivered(500)).map((e) => e.event.type);
    expect(types).toContain("refund.failed");
    // The same request answers the failed refund; it is never sent again by itself.
    expect(await env.tessera.refunds.refund(input)).toMatchObject({
      replayed: true,
      refund: { status: "failed" },
    });
    expect(env.sandbox.sandbox.ledger().refunds).toEqual([]);
    // A new refund may give the whole amount back: the failed one took nothing.
    const again = await env.tessera.refunds.refund({ ...input, idempotencyKey: "refund-never-0002" });
    expect(again.payment).toMatchObject({ status: "refunded" });
  });

  it("settles a pending refund by asking the provider when no notification arrives", async () => {
    const { env, sandbox, tessera, sale } = await asyncWorld("refund-async-sale-0003");
    const pending = await tessera.refunds.refund({
      paymentId: sale.payment.id,
      idempotencyKey: "refund-poll-0001",
    });
    expect(pending.refund.status).toBe("pending");
    env.clock.advance(121_000);
    expect(await tessera.refunds.recover(), "the provider is still processing it").toMatchObject({
      examined: 1,
      stillOpen: 1,
      settled: 0,
    });
    sandbox.sandbox.settleRefund(pending.refund.providerReference as string, "succeeded");
    sandbox.sandbox.takeNotifications(); // lost on the way: only asking can tell
    expect(await tessera.refunds.recover(), "looked at just now, it waits its turn").toMatchObject({
      examined: 0,
    });
    env.clock.advance(121_000);
    expect(await tessera.refunds.recover()).toMatchObject({ examined: 1, settled: 1 });
    expect((await tessera.sales.outcome(sale.payment.id)).payment).toMatchObject({
      status: "refunded",
      refundedAmount: brl(19990),
    });
  });

  it("is safe to run from several processes at once: a recovered refund gives back once", async () => {
    const env = current();
    const sale = await paidSale();
    const lost = await answerLost(env, true).refunds.refund({
      paymentId: sale.payment.id,
      amount: brl(5000),
      idempotencyKey: "refund-race-0001",
    });
    env.clock.advance(121_000);
    const reports = await Promise.all([
      env.tessera.refunds.recover(),
      env.tessera.refunds.recover(),
      env.tessera.refunds.recover(),
    ]);
    expect(reports.reduce((sum, report) => sum + report.settled, 0)).toBe(1);
    expect(await env.tessera.payments.get(sale.payment.id)).toMatchObject({
      status: "partially_refunded",
      refundedAmount: brl(5000),
    });
    const succeeded = (await env.storage.outbox.listUndelivered(500)).filter(
      (e) => e.event.type === "refund.succeeded" && e.event.payload.refundId === lost.refund.id,
    );
    expect(succeeded).toHaveLength(1);
  });

  it("reports a provider that cannot be asked about a refund, and leaves the refund as it was", async () => {
    const env = current();
    const sale = await paidSale();
    const lost = await answerLost(env, true).refunds.refund({
      paymentId: sale.payment.id,
      idempotencyKey: "refund-down-0001",
    });
    env.clock.advance(121_000);
    const down = createTessera({
      storage: env.storage,
      clock: env.clock,
      gateways: [
        {
          ...env.sandbox,
          async getRefund() {
            throw gatewayError("sandbox", "gateway_unavailable", "Maintenance (503).", {
              details: { retryAfterSeconds: 60 },
            });
          },
        },
      ],
    });
    expect(await down.refunds.recover()).toMatchObject({
      examined: 1,
      failed: 1,
      failures: [{ gatewayId: "sandbox", code: "gateway_unavailable", refunds: 1 }],
    });
    expect((await env.tessera.refunds.listByPayment(sale.payment.id))[0]).toMatchObject({
      id: lost.refund.id,
      status: "unknown",
    });
    const types = (await env.storage.outbox.listUndelivered(500)).map((e) => e.event.type);
    expect(types).toContain("gateway.failing");
  });
}
