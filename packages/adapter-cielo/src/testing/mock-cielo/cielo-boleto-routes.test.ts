import { isConsistentBoleto } from "@tessera/core";
import { createManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type CieloMock, type CieloMockOptions, startCieloMock } from "./cielo-mock";

/**
 * The mock Cielo's boletos over real HTTP (manual "Boleto" and its "Regras Adicionais",
 * `boleto-request.json`, `boleto-response.json`): what it refuses, what it answers and keeps,
 * and its control for the payer paying at the bank.
 */

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function started(options: CieloMockOptions = {}): Promise<CieloMock> {
  const mock = await startCieloMock({ clock: createManualClock("2026-03-10T15:00:00.000Z"), ...options });
  closers.push(() => mock.close());
  return mock;
}

const headersOf = (mock: CieloMock) => ({
  merchantid: mock.merchantId,
  merchantkey: mock.merchantKey,
  "content-type": "application/json",
});

const address = {
  Street: "Avenida Marechal Câmara",
  Number: "160",
  Complement: "Sala 934",
  ZipCode: "22750012",
  District: "Centro",
  City: "Rio de Janeiro",
  State: "RJ",
  Country: "BRA",
};

/** The manual's request, with a CPF (a registered boleto is issued to one). */
function boletoBody(
  overrides: {
    Customer?: Record<string, unknown>;
    Payment?: Record<string, unknown>;
    MerchantOrderId?: string;
  } = {},
) {
  return {
    MerchantOrderId:
      overrides.MerchantOrderId ?? `bol${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`,
    Customer: {
      Name: "Comprador Teste Boleto",
      Identity: "52998224725",
      IdentityType: "CPF",
      Address: address,
      ...overrides.Customer,
    },
    Payment: {
      Type: "Boleto",
      Amount: 15_700,
      Provider: "Bradesco2",
      ExpirationDate: "2026-03-13",
      Instructions: "Aceitar somente até a data de vencimento.",
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

interface BoletoAnswer {
  Payment: Record<string, unknown> & {
    PaymentId: string;
    Status: number;
    DigitableLine: string;
    BarCodeNumber: string;
  };
}

async function madeBoleto(mock: CieloMock, body = boletoBody()): Promise<BoletoAnswer> {
  const answer = await post(mock, body);
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  return answer.json as BoletoAnswer;
}

async function query(mock: CieloMock, paymentId: string): Promise<BoletoAnswer> {
  const answer = await fetch(`${mock.queryUrl}/1/sales/${paymentId}`, { headers: headersOf(mock) });
  return (await answer.json()) as BoletoAnswer;
}

describe("the mock Cielo refuses boletos as Cielo does", () => {
  it("refuses wrong JSON types and a bank it has not (133)", async () => {
    const mock = await started();
    expect((await post(mock, boletoBody({ Payment: { Amount: "15700" } }))).json).toEqual([
      expect.objectContaining({ Code: 108 }),
    ]);
    expect((await post(mock, boletoBody({ Payment: { Provider: "Itau" } }))).json).toEqual([
      expect.objectContaining({ Code: 133 }),
    ]);
    expect((await post(mock, boletoBody({ Payment: { Provider: undefined } }))).status).toBe(400);
    expect(mock.records().sales).toEqual([]);
  });

  it("refuses a boleto without the payer's address or a field of it, naming each with Cielo's code", async () => {
    const mock = await started();
    expect((await post(mock, boletoBody({ Customer: { Address: undefined } }))).json).toEqual([
      expect.objectContaining({ Code: 197 }),
    ]);
    const { ZipCode: _zip, ...withoutZip } = address;
    expect((await post(mock, boletoBody({ Customer: { Address: withoutZip } }))).json).toEqual([
      { Code: 199, Message: "ZipCode is required" },
    ]);
    expect(mock.records().sales).toEqual([]);
  });

  it("refuses a registered boleto without the payer's Identity (104), and takes a Simulado one without", async () => {
    const mock = await started();
    const noIdentity = { Identity: undefined, IdentityType: undefined };
    expect((await post(mock, boletoBody({ Customer: noIdentity }))).json).toEqual([
      expect.objectContaining({ Code: 104 }),
    ]);
    expect(
      (await post(mock, boletoBody({ Customer: noIdentity, Payment: { Provider: "Simulado" } }))).status,
    ).toBe(201);
  });

  it("refuses what Bradesco limits: MerchantOrderId over 27 (107), a street over 70 (147); Banco do Brasil's city over 18 (151)", async () => {
    const mock = await started();
    expect((await post(mock, boletoBody({ MerchantOrderId: "A".repeat(28) }))).json).toEqual([
      expect.objectContaining({ Code: 107 }),
    ]);
    expect(
      (await post(mock, boletoBody({ Customer: { Address: { ...address, Street: "R".repeat(71) } } }))).json,
    ).toEqual([expect.objectContaining({ Code: 147 })]);
    const bb = { Provider: "BancoDoBrasil2" };
    expect((await post(mock, boletoBody({ MerchantOrderId: "A".repeat(50), Payment: bb }))).status).toBe(201);
    expect(
      (
        await post(
          mock,
          boletoBody({ Payment: bb, Customer: { Address: { ...address, City: "São José dos Campos" } } }),
        )
      ).json,
    ).toEqual([expect.objectContaining({ Code: 151 })]);
  });

  it("refuses Instructions or Demonstrative over 255 characters (161, 162)", async () => {
    const mock = await started();
    expect((await post(mock, boletoBody({ Payment: { Instructions: "x".repeat(256) } }))).json).toEqual([
      expect.objectContaining({ Code: 161 }),
    ]);
    expect((await post(mock, boletoBody({ Payment: { Demonstrative: "x".repeat(256) } }))).json).toEqual([
      expect.objectContaining({ Code: 162 }),
    ]);
  });
});

describe("the mock Cielo's boletos", () => {
  it("answers 201 Status 1 with Url, a printed DigitableLine and a BarCodeNumber that agree, as boleto-response.json", async () => {
    const mock = await started();
    const made = await madeBoleto(mock);
    expect(made.Payment).toMatchObject({
      Type: "Boleto",
      Status: 1,
      Provider: "Bradesco2",
      ExpirationDate: "2026-03-13",
      Url: expect.stringContaining(`/post/pagador/reenvia.asp/${made.Payment.PaymentId}`),
      Instructions: "Aceitar somente até a data de vencimento.",
    });
    expect(made.Payment).not.toHaveProperty("ReturnCode");
    expect(made.Payment.DigitableLine).toMatch(/^\d{5}\.\d{5} \d{5}\.\d{6} \d{5}\.\d{6} \d \d{14}$/);
    expect(made.Payment.BarCodeNumber).toMatch(/^237\d{41}$/);
    expect(
      isConsistentBoleto(made.Payment.DigitableLine.replace(/\D/g, ""), made.Payment.BarCodeNumber),
    ).toBe(true);
    expect(mock.records().sales).toEqual([
      expect.objectContaining({ type: "Boleto", status: 1, provider: "Bradesco2" }),
    ]);
    expect(await query(mock, made.Payment.PaymentId)).toEqual(made);
  });

  it("cuts a Bradesco payer's name at 34 itself, as the manual says Cielo does", async () => {
    const mock = await started();
    const made = await madeBoleto(mock, boletoBody({ Customer: { Name: "N".repeat(40) } }));
    expect((made as unknown as { Customer: { Name: string } }).Customer.Name).toHaveLength(34);
  });

  it("reconciles a boleto the payer paid (2), once; never one of Banco do Brasil's", async () => {
    const mock = await started();
    const made = await madeBoleto(mock);
    mock.payPending(made.Payment.PaymentId);
    expect((await query(mock, made.Payment.PaymentId)).Payment.Status).toBe(2);
    expect(mock.records().sales[0]).toMatchObject({ paidAmount: 15_700 });
    expect(() => mock.payPending(made.Payment.PaymentId)).toThrow(/not waiting/);
    const bb = await madeBoleto(mock, boletoBody({ Payment: { Provider: "BancoDoBrasil2" } }));
    expect(() => mock.payPending(bb.Payment.PaymentId)).toThrow(/does not reconcile/);
    expect((await query(mock, bb.Payment.PaymentId)).Payment.Status).toBe(1);
  });

  it("voids no boleto (309) and captures none (308)", async () => {
    const mock = await started();
    const made = await madeBoleto(mock);
    mock.payPending(made.Payment.PaymentId);
    for (const [action, code] of [
      ["void?amount=15700", 309],
      ["capture", 308],
    ] as const) {
      const answer = await fetch(`${mock.apiUrl}/1/sales/${made.Payment.PaymentId}/${action}`, {
        method: "PUT",
        headers: headersOf(mock),
      });
      expect(await answer.json()).toEqual([expect.objectContaining({ Code: code })]);
    }
    expect((await query(mock, made.Payment.PaymentId)).Payment.Status).toBe(2);
  });

  it("falls due seven days on when the sale names no day (the mock's own default), and refuses every boleto with 173 when not enabled", async () => {
    const mock = await started();
    const made = await madeBoleto(mock, boletoBody({ Payment: { ExpirationDate: undefined } }));
    expect(made.Payment.ExpirationDate).toBe("2026-03-17");
    const disabled = await started({ disabledMethods: ["Boleto"] });
    expect((await post(disabled, boletoBody())).json).toEqual([expect.objectContaining({ Code: 173 })]);
  });
});
