import { type CreatePaymentRequest, isTesseraError } from "@tessera/core";
import { describe, expect, it } from "vitest";
import type { CieloMethodOptions } from "./cielo-methods";
import { cieloPixSaleBody } from "./pix-sale-request";
import { saleRequestSchema } from "./testing/mock-cielo/cielo-request-schemas";

/**
 * The PIX `POST /1/sales/` body from the port's request, each checked against the mock's
 * schema of what Cielo accepts (as `sale-request.test.ts` does for cards).
 */

const cielo2: CieloMethodOptions = { pix: true, pixProvider: "Cielo2", boleto: "off" };
const legacy: CieloMethodOptions = { ...cielo2, pixProvider: "legacy" };

function request(overrides: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  return {
    idempotencyKey: "pay01HZX3K9Q2",
    amount: { amount: 12_990, currency: "BRL" },
    method: "pix",
    description: "Plano mensal",
    payer: {
      name: "Maria Souza",
      email: "maria@example.com",
      phone: null,
      document: { kind: "cpf", value: "52998224725" },
      address: null,
    },
    expiresInSeconds: 3_600,
    ...overrides,
  };
}

function bodyOf(input: CreatePaymentRequest, methods = cielo2) {
  const body = cieloPixSaleBody(input, { origin: "cielo", methods });
  const accepted = saleRequestSchema.safeParse(body);
  expect(accepted.success, JSON.stringify(accepted.error?.issues)).toBe(true);
  return body;
}

function refusal(build: () => unknown) {
  try {
    build();
  } catch (error) {
    if (isTesseraError(error)) return error;
    throw error;
  }
  throw new Error("expected the body to be refused");
}

describe("cieloPixSaleBody", () => {
  it("names the sale by our key, charges the amount in cents, and names the payer by name and CPF", () => {
    expect(bodyOf(request())).toEqual({
      MerchantOrderId: "pay01HZX3K9Q2",
      Customer: { Name: "Maria Souza", Identity: "52998224725", IdentityType: "CPF" },
      Payment: { Type: "Pix", Amount: 12_990, Provider: "Cielo2", QrCode: { Expiration: 3_600 } },
    });
  });

  it("sends a CNPJ as Identity with IdentityType CNPJ", () => {
    const payer = { ...request().payer, document: { kind: "cnpj" as const, value: "11222333000181" } };
    expect(bodyOf(request({ payer })).Customer).toMatchObject({
      Identity: "11222333000181",
      IdentityType: "CNPJ",
    });
  });

  it("refuses a payer without a CPF or CNPJ (none, or a foreign document) before anything is built", () => {
    for (const document of [null, { kind: "foreign" as const, value: "X1234567" }]) {
      const error = refusal(() =>
        cieloPixSaleBody(request({ payer: { ...request().payer, document } }), {
          origin: "cielo",
          methods: cielo2,
        }),
      );
      expect(error.code).toBe("gateway_invalid_request");
      expect(error.details).toMatchObject({ field: "payer.document", origin: "cielo" });
    }
  });

  it("asks Cielo2 for the QR code's life in seconds, at most its 24 hours, and the 24 hours when the request says nothing", () => {
    expect(bodyOf(request({ expiresInSeconds: 600 })).Payment).toMatchObject({ QrCode: { Expiration: 600 } });
    expect(bodyOf(request({ expiresInSeconds: 3 * 86_400 })).Payment).toMatchObject({
      QrCode: { Expiration: 86_400 },
    });
    expect(bodyOf(request({ expiresInSeconds: undefined })).Payment).toMatchObject({
      QrCode: { Expiration: 86_400 },
    });
  });

  it("sends the legacy provider's body as the manual's example: no Provider and no lifetime (Cielo fixes two hours)", () => {
    expect(bodyOf(request(), legacy).Payment).toEqual({ Type: "Pix", Amount: 12_990 });
  });

  it("refuses a key Cielo2 would refuse: over 25 characters, or anything but letters and digits", () => {
    for (const idempotencyKey of ["A".repeat(26), "pay_01HZX3K9Q2", ""]) {
      const error = refusal(() =>
        cieloPixSaleBody(request({ idempotencyKey }), { origin: "cielo", methods: cielo2 }),
      );
      expect(error.code).toBe("gateway_invalid_request");
      expect(error.details).toMatchObject({ field: "idempotencyKey", maxLength: 25 });
    }
    expect(bodyOf(request({ idempotencyKey: "A".repeat(50) }), legacy).MerchantOrderId).toHaveLength(50);
  });

  it("refuses an amount of no centavos, a fraction of one, or a lifetime of no seconds", () => {
    for (const amount of [0, -100, 12.5])
      expect(
        refusal(() =>
          cieloPixSaleBody(request({ amount: { amount, currency: "BRL" } }), {
            origin: "cielo",
            methods: cielo2,
          }),
        ).details,
      ).toMatchObject({ field: "amount" });
    expect(
      refusal(() => cieloPixSaleBody(request({ expiresInSeconds: 0 }), { origin: "cielo", methods: cielo2 }))
        .details,
    ).toMatchObject({ field: "expiresInSeconds" });
  });
});
