import { type CreatePaymentRequest, isTesseraError, type PostalAddress } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { cieloBoletoSaleBody } from "./boleto-sale-request";
import type { CieloMethodOptions } from "./cielo-methods";
import { saleRequestSchema } from "./testing/mock-cielo/cielo-request-schemas";

/**
 * The boleto `POST /1/sales/` body from the port's request, each checked against the mock's
 * schema of what Cielo accepts (as `sale-request.test.ts` does for cards).
 */

const bradesco: CieloMethodOptions = { pix: false, pixProvider: "Cielo2", boleto: "Bradesco2" };
const bancoDoBrasil: CieloMethodOptions = { ...bradesco, boleto: "BancoDoBrasil2" };
/** 2026-03-10 12:00 in São Paulo. */
const now = "2026-03-10T15:00:00.000Z";

const address: PostalAddress = {
  street: "Avenida Marechal Câmara",
  number: "160",
  complement: "Sala 934",
  district: "Centro",
  city: "Rio de Janeiro",
  state: "RJ",
  postalCode: "22750-012",
  country: "BR",
};

function request(overrides: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  return {
    idempotencyKey: "pay01HZX3K9Q2",
    amount: { amount: 15_700, currency: "BRL" },
    method: "boleto",
    description: "Plano mensal",
    payer: {
      name: "João da Silva",
      email: "joao@example.com",
      phone: null,
      document: { kind: "cpf", value: "52998224725" },
      address,
    },
    dueDate: "2026-03-13",
    ...overrides,
  };
}

type BodyOptions = Parameters<typeof cieloBoletoSaleBody>[1];
const production: BodyOptions = { origin: "cielo", methods: bradesco, sandbox: false, now };

function bodyOf(input: CreatePaymentRequest, options: BodyOptions = production) {
  const body = cieloBoletoSaleBody(input, options);
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

describe("cieloBoletoSaleBody", () => {
  it("sends the bank, the amount in cents, the due day, and the payer's name, CPF and address as the manual's example", () => {
    expect(bodyOf(request())).toEqual({
      MerchantOrderId: "pay01HZX3K9Q2",
      Customer: {
        Name: "João da Silva",
        Identity: "52998224725",
        IdentityType: "CPF",
        Address: {
          Street: "Avenida Marechal Câmara",
          Number: "160",
          Complement: "Sala 934",
          ZipCode: "22750012",
          District: "Centro",
          City: "Rio de Janeiro",
          State: "RJ",
          Country: "BRA",
        },
      },
      Payment: {
        Type: "Boleto",
        Amount: 15_700,
        Provider: "Bradesco2",
        ExpirationDate: "2026-03-13",
        Demonstrative: "Plano mensal",
      },
    });
  });

  it("sends Cielo's Simulado in the sandbox, whatever bank the store chose", () => {
    expect(bodyOf(request(), { ...production, sandbox: true }).Payment.Provider).toBe("Simulado");
  });

  it("falls due dueDays from today in São Paulo when the request names no day, and names none when neither does", () => {
    expect(
      bodyOf(request({ dueDate: undefined }), { ...production, dueDays: 5 }).Payment.ExpirationDate,
    ).toBe("2026-03-15");
    expect(bodyOf(request({ dueDate: undefined })).Payment).not.toHaveProperty("ExpirationDate");
  });

  it("refuses a due day already past", () => {
    expect(
      refusal(() => cieloBoletoSaleBody(request({ dueDate: "2026-03-09" }), production)).details,
    ).toMatchObject({
      field: "dueDate",
    });
  });

  it("refuses a payer without an address, without a CPF or CNPJ, or with a CEP that is not 8 digits", () => {
    const payer = request().payer;
    const cases: [Partial<typeof payer>, string][] = [
      [{ address: null }, "payer.address"],
      [{ document: null }, "payer.document"],
      [{ document: { kind: "foreign", value: "X1234567" } }, "payer.document"],
      [{ address: { ...address, postalCode: "1234" } }, "payer.address.postalCode"],
      [{ address: { ...address, state: "Rio" } }, "payer.address.state"],
    ];
    for (const [change, field] of cases) {
      const error = refusal(() =>
        cieloBoletoSaleBody(request({ payer: { ...payer, ...change } }), production),
      );
      expect(error.code, field).toBe("gateway_invalid_request");
      expect(error.details).toMatchObject({ field, origin: "cielo" });
    }
  });

  it("cuts what Bradesco limits (name 34, street 70, number 10, complement 20), so no boleto is refused for a long street", () => {
    const long: PostalAddress = {
      ...address,
      street: "Rua ".padEnd(90, "x"),
      number: "1234567890123",
      complement: "Bloco B, apartamento 1204, fundos",
    };
    const payer = { ...request().payer, name: "Maria Aparecida dos Santos Oliveira Pereira", address: long };
    const body = bodyOf(request({ payer }));
    expect(body.Customer.Name).toHaveLength(34);
    expect(body.Customer.Address.Street).toHaveLength(70);
    expect(body.Customer.Address.Number).toHaveLength(10);
    expect(body.Customer.Address.Complement?.length).toBeLessThanOrEqual(20);
  });

  it("refuses a key over Bradesco's 27 characters, and takes 50 for Banco do Brasil's", () => {
    const idempotencyKey = "A".repeat(28);
    expect(refusal(() => cieloBoletoSaleBody(request({ idempotencyKey }), production)).details).toMatchObject(
      {
        field: "idempotencyKey",
        maxLength: 27,
      },
    );
    expect(
      bodyOf(request({ idempotencyKey }), { ...production, methods: bancoDoBrasil }).MerchantOrderId,
    ).toBe(idempotencyKey);
  });

  it("writes Banco do Brasil's name and address in capitals without accents, its city in 18", () => {
    const payer = { ...request().payer, address: { ...address, city: "São José dos Campos do Norte" } };
    const body = bodyOf(request({ payer }), { ...production, methods: bancoDoBrasil });
    expect(body.Customer.Name).toBe("JOAO DA SILVA");
    expect(body.Customer.Address).toMatchObject({
      Street: "AVENIDA MARECHAL CAMARA",
      City: "SAO JOSE DOS CAMPO",
    });
    expect(body.Payment.Provider).toBe("BancoDoBrasil2");
  });
});
