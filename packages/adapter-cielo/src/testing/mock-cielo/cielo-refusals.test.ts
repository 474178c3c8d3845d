import { afterEach, describe, expect, it } from "vitest";
import { type CieloMock, startCieloMock } from "./cielo-mock";
import { testCardNumber } from "./test-cards";

let cielo: CieloMock | null = null;
afterEach(async () => {
  await cielo?.close();
  cielo = null;
});

async function started(): Promise<CieloMock> {
  cielo = await startCieloMock();
  return cielo;
}

function headersOf(mock: CieloMock, extra: Record<string, string> = { "content-type": "application/json" }) {
  return { merchantid: mock.merchantId, merchantkey: mock.merchantKey, ...extra };
}

function saleBody(
  overrides: { Amount?: unknown; Installments?: unknown; number?: string; MerchantOrderId?: string } = {},
) {
  return {
    MerchantOrderId: overrides.MerchantOrderId ?? "order123",
    Customer: { Name: "Maria" },
    Payment: {
      Type: "CreditCard",
      Amount: overrides.Amount ?? 1500,
      Installments: overrides.Installments ?? 1,
      Capture: true,
      CreditCard: {
        CardNumber: overrides.number ?? testCardNumber("1"),
        Holder: "MARIA",
        ExpirationDate: "12/2030",
        SecurityCode: "123",
        Brand: "Visa",
      },
    },
  };
}

describe("the mock Cielo refuses what Cielo refuses", () => {
  it("refuses a number sent as a string, naming the field with Cielo's code", async () => {
    const mock = await started();
    for (const [overrides, code] of [
      [{ Amount: "1500" }, 108],
      [{ Installments: "1" }, 123],
    ] as const) {
      const answer = await fetch(`${mock.apiUrl}/1/sales/`, {
        method: "POST",
        headers: headersOf(mock),
        body: JSON.stringify(saleBody(overrides)),
      });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual([expect.objectContaining({ Code: code })]);
    }
    expect(mock.records().sales).toEqual([]);
  });

  it("refuses a POST or a bodiless PUT without Content-Type: application/json, and voids nothing", async () => {
    const mock = await started();
    const made = await fetch(`${mock.apiUrl}/1/sales/`, {
      method: "POST",
      headers: headersOf(mock),
      body: JSON.stringify(saleBody()),
    });
    expect(made.status, "a denial or an approval, a sale is 201").toBe(201);
    const { Payment } = (await made.json()) as { Payment: { PaymentId: string; Status: number } };
    expect(Payment.Status).toBe(2);
    const untyped = await fetch(`${mock.apiUrl}/1/sales/`, {
      method: "POST",
      headers: headersOf(mock, {}),
      body: JSON.stringify(saleBody()),
    });
    expect(untyped.status).toBe(415);
    const bare = await fetch(`${mock.apiUrl}/1/sales/${Payment.PaymentId}/void`, {
      method: "PUT",
      headers: headersOf(mock, {}),
    });
    expect(bare.status).toBe(415);
    expect(mock.records().sales.map((sale) => sale.voidedAmount)).toEqual([0]);
    const typed = await fetch(`${mock.apiUrl}/1/sales/${Payment.PaymentId}/void`, {
      method: "PUT",
      headers: headersOf(mock),
    });
    expect(typed.status).toBe(200);
    expect(mock.records().sales.map((sale) => sale.voidedAmount)).toEqual([1500]);
  });

  it("answers a wrong MerchantKey with a bare 401, and keeps the query host for GETs and the transaction host for the rest", async () => {
    const mock = await started();
    const wrong = await fetch(`${mock.apiUrl}/1/sales/`, {
      method: "POST",
      headers: { ...headersOf(mock), merchantkey: "not-the-key" },
      body: JSON.stringify(saleBody()),
    });
    expect([wrong.status, await wrong.text()]).toEqual([401, ""]);
    expect(
      (await fetch(`${mock.queryUrl}/1/sales/`, { method: "POST", headers: headersOf(mock), body: "{}" }))
        .status,
    ).toBe(405);
    expect(
      (await fetch(`${mock.apiUrl}/1/sales?merchantOrderId=x`, { headers: headersOf(mock) })).status,
    ).toBe(405);
  });

  it("makes a second sale for a repeated MerchantOrderId, and lists both under it", async () => {
    const mock = await started();
    for (let index = 0; index < 2; index += 1) {
      const answer = await fetch(`${mock.apiUrl}/1/sales/`, {
        method: "POST",
        headers: headersOf(mock),
        body: JSON.stringify(saleBody({ MerchantOrderId: "sameorder" })),
      });
      expect(answer.status).toBe(201);
    }
    const listed = await fetch(`${mock.queryUrl}/1/sales?merchantOrderId=sameorder`, {
      headers: headersOf(mock),
    });
    const { Payments } = (await listed.json()) as { Payments: { PaymentId: string }[] };
    expect(Payments).toHaveLength(2);
    expect(new Set(Payments.map((payment) => payment.PaymentId)).size).toBe(2);
  });

  it("answers the sandbox's outcome by the card's last digit: 05 denied, 57 expired, 99 not finished", async () => {
    const mock = await started();
    const outcomes = [];
    for (const digit of ["2", "3", "6"]) {
      const answer = await fetch(`${mock.apiUrl}/1/sales/`, {
        method: "POST",
        headers: headersOf(mock),
        body: JSON.stringify(saleBody({ number: testCardNumber(digit) })),
      });
      const { Payment } = (await answer.json()) as { Payment: { Status: number; ReturnCode: string } };
      outcomes.push([answer.status, Payment.Status, Payment.ReturnCode]);
    }
    expect(outcomes).toEqual([
      [201, 3, "05"],
      [201, 3, "57"],
      [201, 0, "99"],
    ]);
  });
});
