import {
  type CardInput,
  type CreatePaymentRequest,
  isTesseraError,
  type RecurrenceRequest,
} from "@tessera/core";
import { describe, expect, it } from "vitest";
import { storedCardToken } from "./card-token";
import { cieloSaleBody } from "./sale-request";
import { saleRequestSchema } from "./testing/mock-cielo/cielo-request-schemas";

/**
 * The `POST /1/sales/` body built from the port's request. Each body is also checked
 * against the mock's schema of what Cielo accepts, so a body Cielo would refuse fails here
 * and not only on the wire.
 */

const tokenCard: CardInput = { type: "token", token: "5c5b8c2e-7b0f-4b0e-9a59-3f1a2e0c6d11", brand: "Visa" };

function request(overrides: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  return {
    idempotencyKey: "pay01HZX3K9Q2",
    amount: { amount: 12_990, currency: "BRL" },
    method: "card",
    description: "Plano mensal",
    payer: {
      name: "Maria Souza",
      email: "maria@example.com",
      phone: null,
      document: { kind: "cpf", value: "52998224725" },
      address: null,
    },
    card: tokenCard,
    ...overrides,
  };
}

function monthly(overrides: Partial<RecurrenceRequest> = {}): RecurrenceRequest {
  return {
    interval: { unit: "month", count: 1 },
    charges: null,
    amount: { amount: 12_990, currency: "BRL" },
    secondChargeOn: "2026-03-11",
    ...overrides,
  };
}

const options = { origin: "cielo", acceptRawCards: false };

function bodyOf(input: CreatePaymentRequest, given: Parameters<typeof cieloSaleBody>[1] = options) {
  const body = cieloSaleBody(input, given);
  const accepted = saleRequestSchema.safeParse(body);
  expect(accepted.success, JSON.stringify(accepted.error?.issues)).toBe(true);
  return body;
}

/** The TesseraError a build throws; fails the test when it throws something else or nothing. */
function refusal(build: () => unknown) {
  try {
    build();
  } catch (error) {
    if (isTesseraError(error)) return error;
    throw error;
  }
  throw new Error("expected the body to be refused");
}

describe("cieloSaleBody", () => {
  it("names the sale by our key, charges the amount in cents in one installment, and captures by default", () => {
    const body = bodyOf(request());
    expect(body.MerchantOrderId).toBe("pay01HZX3K9Q2");
    expect(body.Payment).toMatchObject({
      Type: "CreditCard",
      Amount: 12_990,
      Installments: 1,
      Capture: true,
    });
    expect(body.Payment).not.toHaveProperty("RecurrentPayment");
    expect(body.Payment).not.toHaveProperty("SoftDescriptor");
  });

  it("sends Capture false only when the request asks for it", () => {
    expect(bodyOf(request({ capture: false })).Payment.Capture).toBe(false);
    expect(bodyOf(request({ capture: true })).Payment.Capture).toBe(true);
    expect(bodyOf(request({ capture: undefined })).Payment.Capture).toBe(true);
  });

  it("puts the store's SoftDescriptor on the sale when it has one", () => {
    expect(bodyOf(request(), { ...options, softDescriptor: "ACADEMIA X" }).Payment.SoftDescriptor).toBe(
      "ACADEMIA X",
    );
  });

  describe("the card", () => {
    it("sends a Silent Order Post token as PaymentToken beside its Brand", () => {
      expect(bodyOf(request()).Payment.CreditCard).toEqual({
        PaymentToken: "5c5b8c2e-7b0f-4b0e-9a59-3f1a2e0c6d11",
        Brand: "Visa",
        SaveCard: false,
      });
    });

    it("asks Cielo to save the card (SaveCard) when the payer keeps it for renewals", () => {
      expect(bodyOf(request({ card: { ...tokenCard, saveForRenewals: true } })).Payment.CreditCard).toEqual({
        PaymentToken: "5c5b8c2e-7b0f-4b0e-9a59-3f1a2e0c6d11",
        Brand: "Visa",
        SaveCard: true,
      });
    });

    it("refuses a token without a brand with gateway_invalid_request: Cielo answers 182 Brand is required", () => {
      for (const brand of [undefined, "", "  "]) {
        const error = refusal(() =>
          cieloSaleBody(request({ card: { type: "token", token: tokenCard.token, brand } }), options),
        );
        expect(error.code).toBe("gateway_invalid_request");
        expect(error.details).toMatchObject({ field: "card.brand", origin: "cielo" });
      }
    });

    it("sends a stored token made by storedCardToken as CardToken with its Brand", () => {
      const cardToken = "6e1bf77a-b28b-4660-b14f-455e2a1c95e9";
      const body = bodyOf(request({ card: { type: "stored", token: storedCardToken("Master", cardToken) } }));
      expect(body.Payment.CreditCard).toEqual({ CardToken: cardToken, Brand: "Master" });
    });

    it("refuses a stored token the adapter did not make", () => {
      for (const token of ["6e1bf77a-b28b-4660-b14f-455e2a1c95e9", "Master.not-a-token", "tok_123"]) {
        const error = refusal(() => cieloSaleBody(request({ card: { type: "stored", token } }), options));
        expect(error.code).toBe("gateway_invalid_request");
      }
    });

    const raw: CardInput = {
      type: "raw",
      number: "5555666677778884",
      holder: "MARIA SOUZA DA SILVA SANTOS OLIVEIRA",
      expMonth: 3,
      expYear: 2031,
      cvc: "123",
    };

    it("refuses a raw card number unless the store accepts raw cards", () => {
      const error = refusal(() => cieloSaleBody(request({ card: raw }), options));
      expect(error.code).toBe("gateway_invalid_request");
      expect(error.message).not.toContain("5555666677778884");
    });

    it("sends a raw card, where accepted, with MM/YYYY expiry, the holder cut to 25 and the brand of its BIN", () => {
      const body = bodyOf(request({ card: raw }), { ...options, acceptRawCards: true });
      expect(body.Payment.CreditCard).toEqual({
        CardNumber: "5555666677778884",
        Holder: "MARIA SOUZA DA SILVA SANT",
        ExpirationDate: "03/2031",
        SecurityCode: "123",
        Brand: "Master",
      });
    });

    it("refuses a payment with no card", () => {
      expect(refusal(() => cieloSaleBody(request({ card: undefined }), options)).code).toBe(
        "gateway_invalid_request",
      );
    });
  });

  describe("the customer", () => {
    it("sends a CPF as Identity with IdentityType CPF", () => {
      expect(bodyOf(request()).Customer).toEqual({
        Name: "Maria Souza",
        Identity: "52998224725",
        IdentityType: "CPF",
        Email: "maria@example.com",
      });
    });

    it("sends a CNPJ as Identity with IdentityType CNPJ", () => {
      const payer = { ...request().payer, document: { kind: "cnpj" as const, value: "11222333000181" } };
      expect(bodyOf(request({ payer })).Customer).toMatchObject({
        Identity: "11222333000181",
        IdentityType: "CNPJ",
      });
    });

    it("sends no Identity for a foreign document or none", () => {
      for (const document of [{ kind: "foreign" as const, value: "X1234567" }, null]) {
        const customer = bodyOf(request({ payer: { ...request().payer, document } })).Customer;
        expect(customer).not.toHaveProperty("Identity");
        expect(customer).not.toHaveProperty("IdentityType");
      }
    });
  });

  describe("a recurrence", () => {
    it("asks Cielo to charge now (AuthorizeNow) and captures that first charge", () => {
      const body = bodyOf(request({ recurrence: monthly() }));
      expect(body.Payment.RecurrentPayment).toEqual({ AuthorizeNow: true, Interval: "Monthly" });
      expect(body.Payment.Capture).toBe(true);
    });

    it("names the interval as Cielo does: 1 Monthly, 2 Bimonthly, 3 Quarterly, 6 SemiAnnual, 12 Annual", () => {
      const names = [1, 2, 3, 6, 12].map(
        (count) =>
          bodyOf(request({ recurrence: monthly({ interval: { unit: "month", count } }) })).Payment
            .RecurrentPayment?.Interval,
      );
      expect(names).toEqual(["Monthly", "Bimonthly", "Quarterly", "SemiAnnual", "Annual"]);
    });

    it("refuses intervals Cielo has no name for: 4 or 24 months, or any count of days", () => {
      const intervals: RecurrenceRequest["interval"][] = [
        { unit: "month", count: 4 },
        { unit: "month", count: 24 },
        { unit: "day", count: 30 },
        { unit: "day", count: 1 },
      ];
      for (const interval of intervals) {
        const error = refusal(() => cieloSaleBody(request({ recurrence: monthly({ interval }) }), options));
        expect(error.code).toBe("gateway_invalid_request");
        expect(error.details).toMatchObject({ field: "recurrence.interval" });
      }
    });

    it("ends on the day of the last charge: 3 monthly charges from secondChargeOn 2026-03-11 end 2026-04-11", () => {
      const body = bodyOf(request({ recurrence: monthly({ charges: 3 }) }));
      expect(body.Payment.RecurrentPayment?.EndDate).toBe("2026-04-11");
    });

    it("ends on secondChargeOn when charge 2 is the last, and keeps the month's end across short months", () => {
      expect(bodyOf(request({ recurrence: monthly({ charges: 2 }) })).Payment.RecurrentPayment?.EndDate).toBe(
        "2026-03-11",
      );
      const quarterly = monthly({
        charges: 4,
        interval: { unit: "month", count: 3 },
        secondChargeOn: "2026-01-31",
      });
      expect(bodyOf(request({ recurrence: quarterly })).Payment.RecurrentPayment?.EndDate).toBe("2026-07-31");
    });

    it("refuses a recurrence of fewer than two charges, whose EndDate would fall before its second charge", () => {
      for (const charges of [1, 0, 2.5]) {
        const error = refusal(() => cieloSaleBody(request({ recurrence: monthly({ charges }) }), options));
        expect(error.code).toBe("gateway_invalid_request");
        expect(error.details).toMatchObject({ field: "recurrence.charges" });
      }
    });

    it("sends no EndDate for an open-ended recurrence", () => {
      expect(
        bodyOf(request({ recurrence: monthly({ charges: null }) })).Payment.RecurrentPayment,
      ).not.toHaveProperty("EndDate");
    });
  });
});
