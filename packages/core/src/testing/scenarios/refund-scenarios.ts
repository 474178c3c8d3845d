import { expect, it } from "vitest";
import { gatewayError } from "../../errors/gateway-error";
import { createSandboxGateway } from "../../sandbox/sandbox-gateway";
import { createTessera } from "../../tessera/create-tessera";
import { brl, buyerAna, rejection, type ScenarioEnv } from "./scenario-env";

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

  /** A Tessera on the same books whose sandbox answers refunds `pending` (API Pix's EM_PROCESSAMENTO). */
  const asyncWorld = async (key: string) => {
    const env = current();
    const sandbox = createSandboxGateway({
      clock: env.clock,
      webhookSecret: "scenario-async-secret-0123456789",
      asyncRefunds: true,
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
}
