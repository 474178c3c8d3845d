import { expect, it } from "vitest";
import type { SaleInput, SaleInputFields } from "../../checkout/sale-input";
import { gatewayError } from "../../errors/gateway-error";
import type { Gateway } from "../../ports/gateway";
import { createTessera } from "../../tessera/create-tessera";
import { address, brl, buyerAna, rejection, type ScenarioEnv } from "./scenario-env";

/**
 * DESIGN §3: a provider's fault or ours (credentials, an outage, a rate limit) is never the
 * buyer's decline and never blocks a customer; nothing to collect needs no provider; a
 * request that provably charged nothing, sent again, collects.
 */
export function faultScenarios(current: () => ScenarioEnv): void {
  // A shorthand over every field: each scenario names its method and card, and some send on
  // purpose what the types refuse, to prove the run-time checks.
  const sale = async (overrides: Partial<SaleInputFields> = {}): Promise<SaleInput> => {
    const env = current();
    return {
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card",
      card: await env.card("approvedVisa"),
      idempotencyKey: `fault-${Math.random().toString(36).slice(2)}`,
      source: "online",
      ...overrides,
    } as SaleInput;
  };

  /** The same studio, on the same database, with its gateway behaving as `override` says. */
  const tesseraWith = (override: Partial<Gateway>) => {
    const env = current();
    return createTessera({
      storage: env.storage,
      clock: env.clock,
      gateways: [{ ...env.sandbox, ...override }],
    });
  };

  const eventsOf = async (type: string) =>
    (await current().storage.outbox.listUndelivered(500))
      .filter((e) => e.event.type === type)
      .map((e) => e.event);

  it("answers a wrong API key with gateway_unavailable: nothing charged, nobody blocked, staff told", async () => {
    const env = current();
    const broken = tesseraWith({
      async createPayment() {
        throw gatewayError("sandbox", "gateway_authentication", "The provider refused the API key.");
      },
    });
    const input = await sale();
    const error = await rejection(broken.sales.start(input));
    expect(error.code).toBe("gateway_unavailable");
    expect(error.details).toMatchObject({ reason: "gateway_authentication", gatewayId: "sandbox" });

    const payment = await env.tessera.payments.get(error.details["paymentId"] as `pay_${string}`);
    expect(payment).toMatchObject({ status: "failed", failureCode: "gateway_authentication" });
    const state = await env.tessera.sales.outcome(payment!.id);
    expect(state.status).toBe("not_sent");
    expect(state.customer.status).toBe("active");
    expect(state.contract).toMatchObject({ status: "pending_payment", paymentIssue: null });
    expect(await eventsOf("payment.failed")).toHaveLength(0);
    expect(await eventsOf("gateway.failing")).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({
          gatewayId: "sandbox",
          code: "gateway_authentication",
          paymentId: payment!.id,
        }),
      }),
    ]);
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(0);

    // Once the key is fixed, the buyer's same request collects, under a new reference.
    const again = await env.tessera.sales.start(input);
    expect(again.status).toBe("succeeded");
    expect(again.replayed).toBe(true);
    expect(again.payment?.idempotencyKey).not.toBe(payment!.idempotencyKey);
    expect(again.contract.id).toBe(state.contract.id);
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(1);
  });

  it("answers a rate limit as not sent, with the wait the provider asked for", async () => {
    const broken = tesseraWith({
      async createPayment() {
        throw gatewayError("sandbox", "gateway_unavailable", "429 Too Many Requests.", {
          details: { retryAfterSeconds: 30 },
        });
      },
    });
    const error = await rejection(broken.sales.start(await sale()));
    expect(error.code).toBe("gateway_unavailable");
    expect(error.details).toMatchObject({ reason: "gateway_unavailable", retryAfterSeconds: 30 });
    const state = await current().tessera.sales.outcome(error.details["paymentId"] as `pay_${string}`);
    expect(state).toMatchObject({ status: "not_sent", failureCode: "gateway_unavailable" });
    expect(state.customer.status).toBe("active");
  });

  it("sells a free plan without a provider: the contract is active and nothing is charged", async () => {
    const env = current();
    const free = await env.tessera.plans.create({
      unitId: env.unit.id,
      name: "Aula experimental",
      price: brl(0),
      installmentCount: 1,
      onlineSale: { enabled: true, slug: "experimental" },
    });
    const input: SaleInput = {
      unitId: env.unit.id,
      planId: free.id,
      buyer: buyerAna,
      idempotencyKey: "free-plan-0001",
      source: "online",
    };
    const outcome = await env.tessera.sales.start(input);
    expect(outcome.status).toBe("no_charge");
    expect(outcome.payment).toBeNull();
    expect(outcome.contract.status).toBe("active");
    expect(outcome.customer.status).toBe("active");
    expect(outcome.installments.filter((i) => i.sequence === 1).every((i) => i.status === "confirmed")).toBe(
      true,
    );
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(0);
    expect((await eventsOf("sale.completed")).map((e) => e.payload)).toEqual([
      expect.objectContaining({ contractId: outcome.contract.id, paymentId: null }),
    ]);

    const replayed = await env.tessera.sales.start(input);
    expect(replayed).toMatchObject({ status: "no_charge", replayed: true });
    expect(replayed.contract.id).toBe(outcome.contract.id);
  });

  it("collects when a client resends a sale whose first request never reached the provider", async () => {
    const env = current();
    const input = await sale({
      card: await env.card("timeoutBeforeReceipt"),
      idempotencyKey: "lost-create-0001",
    });
    const first = await env.tessera.sales.start(input);
    expect(first.status).toBe("unknown");

    // While the first call may still be on its way, the client is told to come back.
    const early = await rejection(env.tessera.sales.start(input));
    expect(early.code).toBe("idempotency_key_in_use");
    expect(early.details["retryAfterSeconds"]).toBe(120);

    env.clock.advance(121_000);
    const again = await env.tessera.sales.start(
      await sale({ ...input, card: await env.card("approvedVisa") }),
    );
    expect(again).toMatchObject({ status: "succeeded", replayed: true });
    expect(again.contract.id).toBe(first.contract.id);
    expect(again.customer.status).toBe("active");
    const charges = env.sandbox.sandbox.ledger().charges;
    expect(charges).toHaveLength(1);
    expect(charges[0]?.idempotencyKey).toBe(again.payment?.idempotencyKey);
    expect(again.payment?.idempotencyKey).not.toBe(first.payment?.idempotencyKey);
  });

  it("answers a resent sale at once when the provider did charge, without waiting for recovery", async () => {
    const env = current();
    const input = await sale({
      card: await env.card("timeoutAfterCharge"),
      idempotencyKey: "lost-answer-0001",
    });
    expect((await env.tessera.sales.start(input)).status).toBe("unknown");
    const again = await env.tessera.sales.start(input);
    expect(again).toMatchObject({ status: "succeeded", replayed: true });
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(1);
  });

  it("treats a resent retry exactly like a resent sale", async () => {
    const env = current();
    const declined = await env.tessera.sales.start(await sale({ card: await env.card("insufficientFunds") }));
    const retry = {
      contractId: declined.contract.id,
      method: "card" as const,
      card: await env.card("timeoutBeforeReceipt"),
      idempotencyKey: "lost-retry-0001",
    };
    expect((await env.tessera.payments.retry(retry)).status).toBe("unknown");
    expect((await rejection(env.tessera.payments.retry(retry))).code).toBe("idempotency_key_in_use");
    env.clock.advance(121_000);
    const again = await env.tessera.payments.retry({ ...retry, card: await env.card("approvedVisa") });
    expect(again).toMatchObject({ status: "succeeded", replayed: true });
    expect(again.contract.status).toBe("active");
    expect(env.sandbox.sandbox.ledger().charges.filter((c) => c.status === "paid")).toHaveLength(1);
  });

  it("emits payment.pending with the QR code the moment a PIX sale waits on the payer", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(await sale({ method: "pix", card: undefined }));
    if (outcome.status !== "pending") throw new Error(`expected pending, got ${outcome.status}`);
    const pending = await eventsOf("payment.pending");
    expect(pending.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        paymentId: outcome.payment.id,
        contractId: outcome.contract.id,
        customerId: outcome.customer.id,
        method: "pix",
        action: outcome.action,
      }),
    ]);
    expect(outcome.action.type === "pix" && outcome.action.qrCodePayload.startsWith("000201")).toBe(true);
  });

  it("reports a gateway recovery cannot ask, and goes on with the others", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(await sale({ card: await env.card("timeoutAfterCharge") }));
    expect(outcome.status).toBe("unknown");
    env.clock.advance(121_000);
    const broken = tesseraWith({
      async getPayment() {
        throw gatewayError("sandbox", "gateway_authentication", "The provider refused the API key.");
      },
    });
    const report = await broken.payments.recover();
    expect(report).toMatchObject({ examined: 1, failed: 1, settled: 0 });
    expect(report.failures).toEqual([
      { gatewayId: "sandbox", code: "gateway_authentication", message: expect.any(String), payments: 1 },
    ]);
    expect(await eventsOf("gateway.failing")).toHaveLength(1);
    expect((await env.tessera.payments.get(outcome.payment!.id))?.status).toBe("unknown");
    expect(await env.tessera.payments.recover()).toMatchObject({ settled: 1, failed: 0 });
  });

  it("counts what each of several concurrent recoveries settled, never more than there is", async () => {
    const env = current();
    for (const n of [1, 2, 3]) {
      const lost = await sale({
        card: await env.card("timeoutAfterCharge"),
        idempotencyKey: `concurrent-${n}-0001`,
      });
      expect(
        (await env.tessera.sales.start({ ...lost, buyer: { ...buyerAna, email: `ana${n}@example.com` } }))
          .status,
      ).toBe("unknown");
    }
    env.clock.advance(121_000);
    const reports = await Promise.all([1, 2, 3, 4].map(() => env.tessera.payments.recover()));
    expect(reports.reduce((sum, r) => sum + r.settled, 0)).toBe(3);
  });

  it("refuses recovery options that are not whole, positive numbers", async () => {
    const env = current();
    for (const options of [{ olderThanMs: Number.NaN }, { limit: 1.5 }, { limit: 0 }, { olderThanMs: -1 }]) {
      expect((await rejection(env.tessera.payments.recover(options))).code).toBe("validation_failed");
    }
  });

  it("shows an accepted boleto still being issued as processing, then e-mails its line once it is ready", async () => {
    const env = current();
    const issuing = tesseraWith({
      async createPayment(request) {
        const made = await env.sandbox.createPayment(request);
        if (made.status !== "pending") throw new Error(`sandbox answered ${JSON.stringify(made)}`);
        // Banco Inter answers a boleto request with its id only; the line comes later.
        return {
          status: "processing",
          providerReference: made.providerReference,
          rawStatus: "EM_PROCESSAMENTO",
          amount: made.amount,
          refundedAmount: made.refundedAmount,
        };
      },
    });
    const outcome = await issuing.sales.start(
      await sale({ method: "boleto", card: undefined, buyer: { ...buyerAna, address } }),
    );
    expect(outcome.status).toBe("processing");
    expect(await eventsOf("payment.pending")).toHaveLength(0);
    const refreshed = await env.tessera.payments.refresh(outcome.payment!.id);
    expect(refreshed.status).toBe("pending");
    expect((await eventsOf("payment.processing")).length).toBe(1);
    const pending = await eventsOf("payment.pending");
    expect(pending.map((e) => e.payload)).toEqual([
      expect.objectContaining({ paymentId: refreshed.id, method: "boleto", action: refreshed.action }),
    ]);
    expect(refreshed.action?.type).toBe("boleto");
  });

  it("never reports a card authorization as paid: the contract waits, and capture needs the ability", async () => {
    const env = current();
    // A gateway that authorizes but declares no capture: core must not pretend it can settle.
    const authorizing = tesseraWith({
      capabilities: { ...env.sandbox.capabilities, capture: false },
      capture: undefined,
      async createPayment(request) {
        const made = await env.sandbox.createPayment(request);
        if (made.status !== "succeeded") throw new Error(`sandbox answered ${made.status}`);
        return { ...made, status: "authorized", rawStatus: "1" };
      },
    });
    const outcome = await authorizing.sales.start(await sale());
    expect(outcome.status).toBe("authorized");
    expect(outcome.contract.status).toBe("pending_payment");
    expect(outcome.installments.filter((i) => i.sequence === 1).every((i) => i.status === "awaiting")).toBe(
      true,
    );
    expect((await rejection(authorizing.payments.capture(outcome.payment!.id))).code).toBe(
      "method_not_supported",
    );
  });

  it("refuses a boleto under the provider's minimum before writing anything", async () => {
    const env = current();
    const cheap = await env.tessera.plans.create({
      unitId: env.unit.id,
      name: "Taxa",
      price: brl(200),
      installmentCount: 1,
      onlineSale: { enabled: true, slug: "taxa" },
    });
    const error = await rejection(
      env.tessera.sales.start(
        await sale({ planId: cheap.id, method: "boleto", card: undefined, buyer: { ...buyerAna, address } }),
      ),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.details.issues).toEqual([expect.objectContaining({ path: ["amount"], code: "too_small" })]);
    expect(await eventsOf("contract.created")).toHaveLength(0);
  });
}
