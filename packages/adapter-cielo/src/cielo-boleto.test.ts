import {
  type CreatePaymentRequest,
  type GatewayPayer,
  isTesseraError,
  type PaymentReference,
  type PaymentResult,
} from "@tessera/core";
import { afterEach, describe, expect, it } from "vitest";
import { type CieloHarness, createCieloHarness } from "./testing";

/**
 * Boletos through Cielo, the adapter over the loopback Cielo: the bank sent (or `Simulado`
 * in the sandbox), a refund refused before anything is sent (Cielo voids no boleto), a
 * cancel refused, the payer's address checked first, and Banco do Brasil's boletos, which
 * Cielo never reconciles.
 */

let harness: CieloHarness | null = null;
afterEach(async () => {
  await harness?.close?.();
  harness = null;
});

async function started(options: Parameters<typeof createCieloHarness>[0] = {}): Promise<CieloHarness> {
  harness = await createCieloHarness(options);
  return harness;
}

const payer: GatewayPayer = {
  name: "Maria Souza",
  email: "maria@example.com",
  phone: null,
  document: { kind: "cpf", value: "52998224725" },
  address: {
    street: "Avenida Paulista",
    number: "1578",
    district: "Bela Vista",
    city: "São Paulo",
    state: "SP",
    postalCode: "01310-200",
    country: "BR",
  },
};

function boletoRequest(extra: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  return {
    idempotencyKey: crypto.randomUUID().replaceAll("-", "").slice(0, 25),
    amount: { amount: 15_700, currency: "BRL" },
    method: "boleto",
    description: "Plano mensal",
    payer,
    dueDate: "2026-03-13",
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

async function thrown(action: Promise<unknown>) {
  try {
    await action;
  } catch (error) {
    if (isTesseraError(error)) return error;
    throw error;
  }
  throw new Error("expected a GatewayError");
}

const sentPayments = (h: CieloHarness) =>
  h.cielo
    .requests()
    .filter((request) => request.method === "POST" && request.path.startsWith("/1/sales"))
    .map((request) => (JSON.parse(request.body) as { Payment: { Provider?: string } }).Payment);

describe("boletos through Cielo", () => {
  it("issues a boleto pending with its line, barcode, due day and page, and reads it paid once Cielo reconciles it", async () => {
    const h = await started();
    const request = boletoRequest();
    const created = await h.gateway.createPayment(request);
    expect(created).toMatchObject({
      status: "pending",
      action: {
        type: "boleto",
        dueDate: "2026-03-13",
        pixPayload: null,
        pdfUrl: expect.stringContaining("/post/pagador/"),
      },
    });
    h.cielo.payPending(created.providerReference ?? "");
    expect((await h.gateway.getPayment(lookup(h, request, created)))?.status).toBe("succeeded");
    expect(
      (await h.gateway.getPayment({ ...lookup(h, request, created), providerReference: null }))?.status,
    ).toBe("succeeded");
  });

  it("sends Simulado in the sandbox and the store's bank in production", async () => {
    const sandbox = await started();
    await sandbox.gateway.createPayment(boletoRequest());
    expect(sentPayments(sandbox).map((payment) => payment.Provider)).toEqual(["Simulado"]);
    await sandbox.close?.();
    const production = await started({ returnCodes: "production" });
    await production.gateway.createPayment(boletoRequest());
    expect(sentPayments(production).map((payment) => payment.Provider)).toEqual(["Bradesco2"]);
  });

  it("refuses a boleto refund with gateway_invalid_request, and sends Cielo no void", async () => {
    const h = await started();
    const request = boletoRequest();
    const created = await h.gateway.createPayment(request);
    h.cielo.payPending(created.providerReference ?? "");
    const error = await thrown(
      h.gateway.refund({
        refundKey: "ref01",
        providerReference: created.providerReference ?? "",
        paymentIdempotencyKey: request.idempotencyKey,
        amount: request.amount,
      }),
    );
    expect(error.code).toBe("gateway_invalid_request");
    expect(error.details).toMatchObject({ method: "boleto", origin: "cielo" });
    expect(h.cielo.requests().filter((entry) => entry.path.includes("/void"))).toEqual([]);
    expect((await h.providerRecords()).refunds).toEqual([]);
  });

  it("refuses to cancel a boleto (Cielo cancels none through its API), and the boleto stays payable", async () => {
    const h = await started();
    const request = boletoRequest();
    const created = await h.gateway.createPayment(request);
    const error = await thrown(h.gateway.cancel?.(lookup(h, request, created)) ?? Promise.resolve());
    expect(error.code).toBe("gateway_invalid_request");
    expect((await h.gateway.getPayment(lookup(h, request, created)))?.status).toBe("pending");
  });

  it("refuses a payer without an address before any request reaches Cielo", async () => {
    const h = await started();
    const error = await thrown(
      h.gateway.createPayment(boletoRequest({ payer: { ...payer, address: null } })),
    );
    expect(error.details).toMatchObject({ field: "payer.address" });
    expect(sentPayments(h)).toEqual([]);
  });

  it("keeps a Banco do Brasil boleto pending: Cielo does not reconcile them, so it never learns one was paid", async () => {
    const h = await started({ returnCodes: "production", gateway: { boleto: "BancoDoBrasil2" } });
    const request = boletoRequest();
    const created = await h.gateway.createPayment(request);
    expect(created.status).toBe("pending");
    expect(sentPayments(h).map((payment) => payment.Provider)).toEqual(["BancoDoBrasil2"]);
    expect(() => h.cielo.payPending(created.providerReference ?? "")).toThrow(/does not reconcile/);
    expect((await h.gateway.getPayment(lookup(h, request, created)))?.status).toBe("pending");
  });
});
