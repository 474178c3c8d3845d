import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { hasValidCrc } from "@tessera/core";
import { createManualClock, type ManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type CieloMock, type CieloMockOptions, startCieloMock } from "./cielo-mock";

/**
 * The mock Cielo's PIX over real HTTP (manual "Pix", `pix-create-*.json`,
 * `pix-refund-response.json`; `Cielo2` per docs.cielo.com.br): what it refuses, what it
 * answers and keeps, and its controls (the payer pays, Cielo's PIX provider takes a refund).
 */

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function started(options: CieloMockOptions = {}): Promise<{ mock: CieloMock; clock: ManualClock }> {
  const clock = createManualClock("2026-03-10T15:00:00.000Z");
  const mock = await startCieloMock({ clock, ...options });
  closers.push(() => mock.close());
  return { mock, clock };
}

const headersOf = (mock: CieloMock) => ({
  merchantid: mock.merchantId,
  merchantkey: mock.merchantKey,
  "content-type": "application/json",
});

/** The manual's example, with Cielo2's provider and lifetime unless told otherwise. */
function pixBody(
  overrides: {
    Customer?: Record<string, unknown>;
    Payment?: Record<string, unknown>;
    MerchantOrderId?: string;
  } = {},
) {
  return {
    MerchantOrderId:
      overrides.MerchantOrderId ?? `pix${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`,
    Customer: {
      Name: "Nome do Pagador",
      Identity: "52998224725",
      IdentityType: "CPF",
      ...overrides.Customer,
    },
    Payment: {
      Type: "Pix",
      Amount: 100,
      Provider: "Cielo2",
      QrCode: { Expiration: 600 },
      ...overrides.Payment,
    },
  };
}

async function post(mock: CieloMock, body: unknown) {
  const answer = await fetch(`${mock.apiUrl}/1/sales/`, {
    method: "POST",
    headers: headersOf(mock),
    body: JSON.stringify(body),
  });
  return { status: answer.status, json: (await answer.json()) as unknown };
}

interface PixAnswer {
  MerchantOrderId: string;
  Payment: Record<string, unknown> & { PaymentId: string; Status: number; QrCodeString: string };
}

async function madePix(mock: CieloMock, body = pixBody()): Promise<PixAnswer> {
  const answer = await post(mock, body);
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  return answer.json as PixAnswer;
}

async function query(mock: CieloMock, paymentId: string) {
  const answer = await fetch(`${mock.queryUrl}/1/sales/${paymentId}`, { headers: headersOf(mock) });
  return (await answer.json()) as PixAnswer;
}

async function voidOf(mock: CieloMock, paymentId: string, amount?: number) {
  const answer = await fetch(
    `${mock.apiUrl}/1/sales/${paymentId}/void${amount === undefined ? "" : `?amount=${amount}`}`,
    {
      method: "PUT",
      headers: headersOf(mock),
    },
  );
  return { status: answer.status, json: (await answer.json()) as unknown };
}

describe("the mock Cielo refuses PIX sales as Cielo does", () => {
  it("refuses wrong JSON types: Amount or QrCode.Expiration as a string", async () => {
    const { mock } = await started();
    for (const Payment of [{ Amount: "100" }, { QrCode: { Expiration: "600" } }]) {
      const answer = await post(mock, pixBody({ Payment }));
      expect(answer.status).toBe(400);
    }
    expect((await post(mock, pixBody({ Payment: { Amount: "100" } }))).json).toEqual([
      expect.objectContaining({ Code: 108 }),
    ]);
    expect(mock.records().sales).toEqual([]);
  });

  it("refuses a PIX without the payer's Identity or IdentityType (104), or an Identity unlike its type", async () => {
    const { mock } = await started();
    for (const Customer of [{ Identity: undefined }, { IdentityType: undefined }, { IdentityType: "CNPJ" }]) {
      const answer = await post(mock, pixBody({ Customer }));
      expect(answer.status, JSON.stringify(Customer)).toBe(400);
      expect(answer.json).toEqual([expect.objectContaining({ Code: expect.any(Number) })]);
    }
    expect((await post(mock, pixBody({ Customer: { Identity: undefined } }))).json).toEqual([
      { Code: 104, Message: "Customer Identity is required" },
    ]);
    expect(mock.records().sales).toEqual([]);
  });

  it("refuses a Cielo2 MerchantOrderId over 25 characters (107), a lifetime over 24 hours, and a provider it has not", async () => {
    const { mock } = await started();
    expect((await post(mock, pixBody({ MerchantOrderId: "A".repeat(26) }))).json).toEqual([
      expect.objectContaining({ Code: 107 }),
    ]);
    expect((await post(mock, pixBody({ Payment: { QrCode: { Expiration: 86_401 } } }))).status).toBe(400);
    expect((await post(mock, pixBody({ Payment: { Provider: "Cielo3" } }))).json).toEqual([
      expect.objectContaining({ Code: 133 }),
    ]);
    // The legacy provider takes the manual's 50.
    expect(
      (await post(mock, pixBody({ MerchantOrderId: "A".repeat(50), Payment: { Provider: undefined } })))
        .status,
    ).toBe(201);
  });

  it("refuses every PIX with 173 when the store has not enabled it", async () => {
    const { mock } = await started({ disabledMethods: ["Pix"] });
    expect((await post(mock, pixBody())).json).toEqual([
      { Code: 173, Message: "Payment method is not enabled" },
    ]);
  });
});

describe("the mock Cielo's PIX", () => {
  it("answers 201 Pending (12) with a BR Code whose CRC checks, keeps the sale as a Pix, and echoes the lifetime asked", async () => {
    const { mock } = await started();
    const made = await madePix(mock);
    expect(made.Payment).toMatchObject({
      Type: "Pix",
      Status: 12,
      ReturnCode: "0",
      Provider: "Cielo2",
      QrCode: { Expiration: 600 },
    });
    expect(made.Payment.QrCodeString).toContain("br.gov.bcb.pix");
    expect(hasValidCrc(made.Payment.QrCodeString)).toBe(true);
    expect(made.Payment.QrcodeBase64Image).toEqual(expect.any(String));
    expect(mock.records().sales).toEqual([
      expect.objectContaining({ type: "Pix", status: 12, paidAmount: 0, provider: "Cielo2" }),
    ]);
    expect(await query(mock, made.Payment.PaymentId)).toEqual(made);
  });

  it("answers a legacy PIX as the manual's example: no Provider, AcquirerTransactionId and ProofOfSale", async () => {
    const { mock } = await started();
    const made = await madePix(mock, pixBody({ Payment: { Provider: undefined, QrCode: undefined } }));
    expect(made.Payment).not.toHaveProperty("Provider");
    expect(made.Payment).not.toHaveProperty("QrCode");
    expect(made.Payment).toMatchObject({
      AcquirerTransactionId: expect.any(String),
      ProofOfSale: expect.any(String),
    });
  });

  it("lets the payer pay while the QR code lives: 2, an EndToEndId, and a notification (ChangeType 1)", async () => {
    const received: unknown[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { mock } = await started({
      notificationUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cielo`,
    });
    const made = await madePix(mock);
    mock.payPending(made.Payment.PaymentId);
    await mock.notificationsSettled();
    const paid = await query(mock, made.Payment.PaymentId);
    expect(paid.Payment).toMatchObject({
      Status: 2,
      EndToEndId: expect.stringMatching(/^E\d{8}\d{12}[A-Za-z0-9]{11}$/),
    });
    expect(received).toEqual([
      { PaymentId: made.Payment.PaymentId, ChangeType: 1 },
      { PaymentId: made.Payment.PaymentId, ChangeType: 1 },
    ]);
    expect(() => mock.payPending(made.Payment.PaymentId), "paid once only").toThrow(/not waiting/);
    expect(mock.records().sales[0]).toMatchObject({ paidAmount: 100 });
  });

  it("refuses payment of a QR code past its life, and still answers it Pending (Cielo documents no expired status)", async () => {
    const { mock, clock } = await started();
    const made = await madePix(mock);
    clock.advance(600_000);
    expect(() => mock.payPending(made.Payment.PaymentId)).toThrow(/expired/);
    expect((await query(mock, made.Payment.PaymentId)).Payment.Status).toBe(12);
  });

  it("removes an unpaid Cielo2 QR code on a void without amount (10), and refuses it for the legacy provider", async () => {
    const { mock } = await started();
    const made = await madePix(mock);
    expect(await voidOf(mock, made.Payment.PaymentId)).toMatchObject({ status: 200, json: { Status: 10 } });
    expect(() => mock.payPending(made.Payment.PaymentId)).toThrow(/not waiting/);
    const legacy = await madePix(mock, pixBody({ Payment: { Provider: undefined, QrCode: undefined } }));
    expect((await voidOf(mock, legacy.Payment.PaymentId)).json).toEqual([
      expect.objectContaining({ Code: 309 }),
    ]);
  });

  it("takes a refund of a paid PIX as requested (12, pix-refund-response.json), in part or in full, never more than was paid", async () => {
    const { mock } = await started();
    const made = await madePix(mock);
    mock.payPending(made.Payment.PaymentId);
    expect(await voidOf(mock, made.Payment.PaymentId, 30)).toMatchObject({
      status: 200,
      json: { Status: 12, ReasonCode: 0, ReturnCode: "0", ReturnMessage: "Reembolso solicitado com sucesso" },
    });
    expect((await voidOf(mock, made.Payment.PaymentId, 71)).json).toEqual([
      expect.objectContaining({ Code: 312 }),
    ]);
    expect((await query(mock, made.Payment.PaymentId)).Payment).toMatchObject({ Status: 2 });
    expect(mock.records().sales[0]?.pixRefunds).toEqual([
      expect.objectContaining({ amount: 30, status: "requested" }),
    ]);

    expect(mock.settlePixRefunds(made.Payment.PaymentId, "accepted")).toBe(1);
    expect((await query(mock, made.Payment.PaymentId)).Payment).toMatchObject({
      Status: 2,
      VoidedAmount: 30,
    });
    await voidOf(mock, made.Payment.PaymentId, 70);
    mock.settlePixRefunds(made.Payment.PaymentId, "accepted");
    expect((await query(mock, made.Payment.PaymentId)).Payment).toMatchObject({
      Status: 11,
      VoidedAmount: 100,
    });
  });

  it("gives nothing back for a refund Cielo's PIX provider denies, and lets it be asked again", async () => {
    const { mock } = await started();
    const made = await madePix(mock);
    mock.payPending(made.Payment.PaymentId);
    await voidOf(mock, made.Payment.PaymentId, 100);
    mock.settlePixRefunds(made.Payment.PaymentId, "denied");
    expect((await query(mock, made.Payment.PaymentId)).Payment).not.toHaveProperty("VoidedAmount");
    expect((await voidOf(mock, made.Payment.PaymentId, 100)).status).toBe(200);
  });

  it("answers the refuseNextVoid fault on a PIX with the documented 422 moneyback refusal", async () => {
    const { mock } = await started();
    const made = await madePix(mock);
    mock.payPending(made.Payment.PaymentId);
    mock.refuseNextVoid();
    expect((await voidOf(mock, made.Payment.PaymentId, 100)).json).toEqual([
      { Code: 422, Message: "Error on pix service integration for moneyback" },
    ]);
    expect(mock.records().sales[0]?.pixRefunds).toEqual([]);
  });

  it("makes the PIX and holds its answer under the after_charge fault, and lists it by MerchantOrderId", async () => {
    const { mock } = await started();
    mock.timeoutNextCreate("after_charge");
    const body = pixBody();
    const held = fetch(`${mock.apiUrl}/1/sales/`, {
      method: "POST",
      headers: headersOf(mock),
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(300),
    });
    await expect(held).rejects.toThrow();
    const listed = await fetch(`${mock.queryUrl}/1/sales?merchantOrderId=${body.MerchantOrderId}`, {
      headers: headersOf(mock),
    });
    expect(((await listed.json()) as { Payments: unknown[] }).Payments).toHaveLength(1);
    expect(mock.records().sales).toEqual([
      expect.objectContaining({ type: "Pix", merchantOrderId: body.MerchantOrderId }),
    ]);
  });

  it("refuses to capture a PIX (308)", async () => {
    const { mock } = await started();
    const made = await madePix(mock);
    const answer = await fetch(`${mock.apiUrl}/1/sales/${made.Payment.PaymentId}/capture`, {
      method: "PUT",
      headers: headersOf(mock),
    });
    expect(await answer.json()).toEqual([expect.objectContaining({ Code: 308 })]);
  });
});
