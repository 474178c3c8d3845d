import {
  type CreatePaymentRequest,
  type GatewayPayer,
  isTesseraError,
  type PaymentReference,
  type PaymentResult,
  type RefundReference,
} from "@tessera/core";
import { afterEach, describe, expect, it } from "vitest";
import { createCieloGateway } from "./cielo-gateway";
import { cieloOptionsSchema } from "./options";
import { type CieloHarness, createCieloHarness } from "./testing";

/**
 * PIX through Cielo, the adapter over the loopback Cielo: what the conformance suite does
 * not reach — refunds answered pending and taken later, refused for want of balance, never
 * sent for an unpaid PIX; removal of an unpaid `Cielo2` QR code; the legacy provider's fixed
 * two hours; the payer's CPF checked before anything is sent; methods following the options.
 */

let harness: CieloHarness | null = null;
afterEach(async () => {
  await harness?.close?.();
  harness = null;
});

async function started(gateway: Parameters<typeof createCieloHarness>[0] = {}): Promise<CieloHarness> {
  harness = await createCieloHarness(gateway);
  return harness;
}

const payer: GatewayPayer = {
  name: "Maria Souza",
  email: "maria@example.com",
  phone: null,
  document: { kind: "cpf", value: "52998224725" },
  address: null,
};

function pixRequest(extra: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  return {
    idempotencyKey: crypto.randomUUID().replaceAll("-", "").slice(0, 25),
    amount: { amount: 10_000, currency: "BRL" },
    method: "pix",
    description: "Plano mensal",
    payer,
    expiresInSeconds: 3_600,
    ...extra,
  };
}

function lookup(h: CieloHarness, request: CreatePaymentRequest, result: PaymentResult): PaymentReference {
  return {
    idempotencyKey: request.idempotencyKey,
    providerReference: result.providerReference,
    method: request.method,
    amount: request.amount,
    createdAt: h.clock.now(),
  };
}

async function paidPix(h: CieloHarness) {
  const request = pixRequest();
  const created = await h.gateway.createPayment(request);
  expect(created.status).toBe("pending");
  const paymentId = created.providerReference ?? "";
  h.cielo.payPending(paymentId);
  return { request, paymentId, reference: lookup(h, request, created) };
}

async function thrown(action: Promise<unknown>) {
  try {
    await action;
  } catch (error) {
    if (isTesseraError(error)) return error;
    throw error;
  }
  throw new Error("expected a GatewayError");
}

const creates = (h: CieloHarness) =>
  h.cielo.requests().filter((request) => request.method === "POST" && request.path.startsWith("/1/sales"));
const voids = (h: CieloHarness) => h.cielo.requests().filter((request) => request.path.includes("/void"));

describe("PIX through Cielo", () => {
  it("refuses a payer without a CPF or CNPJ before any request reaches Cielo", async () => {
    const h = await started();
    for (const document of [null, { kind: "foreign" as const, value: "X1234567" }]) {
      const error = await thrown(h.gateway.createPayment(pixRequest({ payer: { ...payer, document } })));
      expect(error.code).toBe("gateway_invalid_request");
      expect(error.details).toMatchObject({ field: "payer.document", origin: "cielo" });
    }
    expect(creates(h), "nothing was sent").toEqual([]);
    expect(h.cielo.records().sales).toEqual([]);
  });

  it("asks Cielo2 for the QR code's life, and reports when it ends", async () => {
    const h = await started();
    const created = await h.gateway.createPayment(pixRequest({ expiresInSeconds: 900 }));
    expect(created).toMatchObject({
      status: "pending",
      action: { type: "pix", expiresAt: "2026-03-10T15:15:00.000Z" },
    });
    const sent = JSON.parse(creates(h)[0]?.body ?? "{}") as { Payment: unknown };
    expect(sent.Payment).toEqual({
      Type: "Pix",
      Amount: 10_000,
      Provider: "Cielo2",
      QrCode: { Expiration: 900 },
    });
  });

  it("with the legacy provider sends no Provider, and the QR code lives Cielo's two hours whatever was asked", async () => {
    const h = await started({ gateway: { pixProvider: "legacy" } });
    const request = pixRequest({ expiresInSeconds: 600 });
    const created = await h.gateway.createPayment(request);
    expect(created).toMatchObject({ status: "pending", action: { expiresAt: "2026-03-10T17:00:00.000Z" } });
    expect(JSON.parse(creates(h)[0]?.body ?? "{}").Payment).toEqual({ Type: "Pix", Amount: 10_000 });
    await h.advanceClock?.(3_600_000);
    expect(
      (await h.gateway.getPayment(lookup(h, request, created)))?.status,
      "still payable after an hour",
    ).toBe("pending");
    await h.advanceClock?.(3_600_000);
    expect(await h.gateway.getPayment(lookup(h, request, created))).toMatchObject({
      status: "canceled",
      reason: "expired",
    });
  });

  it("answers a PIX refund pending, getRefund pending, then succeeded once Cielo's PIX provider takes it", async () => {
    const h = await started();
    const { request, paymentId, reference } = await paidPix(h);
    const answer = await h.gateway.refund({
      refundKey: "ref01",
      providerReference: paymentId,
      paymentIdempotencyKey: request.idempotencyKey,
      amount: { amount: 4_000, currency: "BRL" },
    });
    expect(answer).toEqual({
      status: "pending",
      providerRefundReference: `${paymentId}/void/4000`,
      rawStatus: "12/0",
    });
    expect(voids(h).map((entry) => entry.path)).toEqual([`/1/sales/${paymentId}/void?amount=4000`]);
    const refund: RefundReference = {
      refundKey: "ref01",
      providerRefundReference: `${paymentId}/void/4000`,
      payment: reference,
      amount: { amount: 4_000, currency: "BRL" },
      createdAt: h.clock.now(),
    };
    expect((await h.gateway.getRefund(refund))?.status).toBe("pending");
    expect((await h.providerRecords()).refunds).toEqual([expect.objectContaining({ status: "pending" })]);

    expect(h.cielo.settlePixRefunds(paymentId, "accepted")).toBe(1);
    expect((await h.gateway.getRefund(refund))?.status).toBe("succeeded");
    expect(await h.gateway.getPayment(reference)).toMatchObject({
      status: "succeeded",
      refundedAmount: { amount: 4_000, currency: "BRL" },
    });
    expect((await h.providerRecords()).refunds).toEqual([
      expect.objectContaining({ amount: { amount: 4_000, currency: "BRL" }, status: "succeeded" }),
    ]);
  });

  it("reads a PIX given back in full as succeeded with all of it refunded, from the notification Cielo posts", async () => {
    const h = await started();
    const { request, paymentId } = await paidPix(h);
    await h.gateway.refund({
      refundKey: "ref01",
      providerReference: paymentId,
      paymentIdempotencyKey: request.idempotencyKey,
      amount: request.amount,
    });
    await h.deliveredNotifications();
    h.cielo.settlePixRefunds(paymentId, "accepted");
    const events = [];
    for (const notification of await h.deliveredNotifications()) {
      const parsed = await h.gateway.parseWebhook(notification);
      if (parsed.authentic) events.push(...parsed.events);
    }
    expect(
      events.map((event) => [event.idempotencyKey, event.payment.status, event.payment.rawStatus]),
    ).toEqual([[request.idempotencyKey, "succeeded", "11/0"]]);
    expect(events[0]?.payment).toMatchObject({ refundedAmount: { amount: 10_000, currency: "BRL" } });
  });

  it("ends a PIX refund Cielo refuses for want of balance (422 moneyback) failed, giving nothing back", async () => {
    const h = await started();
    const { request, paymentId, reference } = await paidPix(h);
    h.cielo.refuseNextVoid();
    const answer = await h.gateway.refund({
      refundKey: "ref01",
      providerReference: paymentId,
      paymentIdempotencyKey: request.idempotencyKey,
      amount: request.amount,
    });
    expect(answer).toMatchObject({ status: "failed", providerRefundReference: null });
    expect((await h.providerRecords()).refunds).toEqual([]);
    expect(await h.gateway.getPayment(reference)).toMatchObject({
      status: "succeeded",
      refundedAmount: { amount: 0 },
    });
  });

  it("refuses to refund a PIX not paid, and sends Cielo no void (which would remove its QR code)", async () => {
    const h = await started();
    const request = pixRequest();
    const created = await h.gateway.createPayment(request);
    const error = await thrown(
      h.gateway.refund({
        refundKey: "ref01",
        providerReference: created.providerReference ?? "",
        paymentIdempotencyKey: request.idempotencyKey,
        amount: request.amount,
      }),
    );
    expect(error.code).toBe("gateway_invalid_request");
    expect(voids(h)).toEqual([]);
    expect((await h.gateway.getPayment(lookup(h, request, created)))?.status).toBe("pending");
  });

  it("answers getRefund unknown, never null, for a PIX refund whose answer was lost: Cielo shows a pending one nowhere", async () => {
    const h = await started();
    const { reference } = await paidPix(h);
    const found = await h.gateway.getRefund({
      refundKey: "ref01",
      providerRefundReference: null,
      payment: reference,
      amount: { amount: 1_000, currency: "BRL" },
      createdAt: h.clock.now(),
    });
    expect(found?.status).toBe("unknown");
  });

  it("removes an unpaid Cielo2 QR code on cancel, so the payer can no longer pay it", async () => {
    const h = await started();
    const request = pixRequest();
    const created = await h.gateway.createPayment(request);
    const canceled = await h.gateway.cancel?.(lookup(h, request, created));
    expect(canceled).toMatchObject({ status: "canceled", reason: "by_us" });
    expect(voids(h).map((entry) => entry.path)).toEqual([`/1/sales/${created.providerReference}/void`]);
    expect(() => h.cielo.payPending(created.providerReference ?? "")).toThrow(/not waiting on a payment/);
  });

  it("declares no cancel with the legacy provider, which documents no removal", async () => {
    const h = await started({ gateway: { pixProvider: "legacy" } });
    expect(h.gateway.capabilities.cancel).toBe(false);
    expect(h.gateway.cancel).toBeUndefined();
  });
});

describe("what a Cielo gateway offers follows its options", () => {
  const base = {
    merchantId: "0f2f4ba2-1e47-4b5c-9d64-1f0f0a6a1c3e",
    merchantKey: "key",
    sopClientId: "client",
    sopClientSecret: "secret",
    notificationHeaderValue: "notification-secret-value",
  };
  const gatewayOf = (options: Record<string, unknown>) =>
    createCieloGateway(cieloOptionsSchema.parse({ ...base, ...options }));

  it("offers cards only by default, refunds cards only, and takes references of 50", () => {
    const gateway = gatewayOf({});
    expect(gateway.methods).toEqual(["card"]);
    expect(Object.keys(gateway.capabilities.refunds)).toEqual(["card"]);
    expect(Object.keys(gateway.capabilities.methodRules)).toEqual(["card"]);
    expect(gateway.capabilities.references).toEqual({ kind: "alphanumeric", minLength: 1, maxLength: 50 });
    expect(gateway.capabilities.cancel).toBe(false);
  });

  it("adds PIX and boletos when switched on: PIX refunded in part within 90 days, boletos not at all, each needing the payer's CPF", () => {
    const gateway = gatewayOf({ pix: true, boleto: "Bradesco2" });
    expect(gateway.methods).toEqual(["card", "pix", "boleto"]);
    expect(gateway.capabilities.refunds).toEqual({
      card: { partial: true, windowDays: 330, keyedByUs: false },
      pix: { partial: true, windowDays: 90, keyedByUs: false },
    });
    expect(gateway.capabilities.methodRules.pix?.payer).toEqual({
      document: true,
      address: false,
      phone: false,
    });
    expect(gateway.capabilities.methodRules.boleto?.payer).toEqual({
      document: true,
      address: true,
      phone: false,
    });
    expect(
      gateway.capabilities.references.kind === "alphanumeric" && gateway.capabilities.references.maxLength,
    ).toBe(25);
    expect(gateway.capabilities.cancel).toBe(true);
  });

  it("takes references as long as the tightest method: 27 for Bradesco boletos, 50 for legacy PIX and Banco do Brasil", () => {
    const length = (options: Record<string, unknown>) => {
      const rules = gatewayOf(options).capabilities.references;
      return rules.kind === "alphanumeric" ? rules.maxLength : null;
    };
    expect(length({ boleto: "Bradesco2" })).toBe(27);
    expect(length({ pix: true, pixProvider: "legacy", boleto: "BancoDoBrasil2" })).toBe(50);
  });

  it("refuses a PIX or a boleto the options leave off, before sending anything", async () => {
    let sent = 0;
    const gateway = createCieloGateway({
      ...cieloOptionsSchema.parse(base),
      fetch: async () => {
        sent += 1;
        return new Response("[]", { status: 400 });
      },
    });
    for (const method of ["pix", "boleto"] as const) {
      const error = await thrown(gateway.createPayment(pixRequest({ method })));
      expect(error.code).toBe("gateway_invalid_request");
    }
    expect(sent).toBe(0);
  });
});
