import { describe, expect, it } from "vitest";
import {
  callbackBodySchema,
  cancelRequestSchema,
  orderCreateRequestSchema,
  orderSchema,
  pagolivreBehaviour,
  pagolivrePath,
  pagolivreProtocol,
} from "./pagolivre-protocol";

const createBody = {
  requestId: "0b6f8a5e-3c1d-4e2a-9f7b-1a2b3c4d5e6f",
  orderKey: "5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d",
  amount: 199.9,
  orderGuests: [{ cpf: "12345678909", mobileNumber: "3132345678" }],
  installments: 12,
  receivingOptionType: "creditCard",
  callbackUrl: "https://api.estudio.example/hooks/pagolivre",
  returnUrl: "https://estudio.example/volta",
};

// The one module that holds PagoLivre's wire protocol: its data and its schemas.
describe("the PagoLivre protocol module", () => {
  it("names the sandbox host, the paths and PagoLivre's callback retries as data", () => {
    expect(pagolivreProtocol.hosts.sandbox).toBe("https://api.sbx.pagolivre.com.br/api/v2");
    expect(pagolivreProtocol.callback).toMatchObject({
      tokenParameter: "accessToken",
      retries: 10,
      retryIntervalMs: 300_000,
    });
    expect(pagolivreProtocol.eventNames).toEqual([
      "order.paid",
      "order.declined",
      "order.canceled",
      "order.expired",
      "installment.paid",
      "installment.declined",
    ]);
    expect(Object.keys(pagolivreBehaviour)).toEqual(["documented", "observed"]);
  });

  it("fills a path's parameters URI-encoded and refuses a missing one", () => {
    expect(pagolivrePath(pagolivreProtocol.paths.orderByKey, { orderKey: "a b/c" })).toBe(
      "/orders/byOrderKey/a%20b%2Fc",
    );
    expect(() => pagolivrePath(pagolivreProtocol.paths.cancelOrder)).toThrow(/\{id\}/);
  });

  it("accepts the create body Tessera sends, description optional", () => {
    expect(orderCreateRequestSchema.parse(createBody)).toEqual(createBody);
    expect(orderCreateRequestSchema.safeParse({ ...createBody, description: "Plano" }).success).toBe(true);
  });

  it("takes amounts as decimal reais with at most 2 decimals, above zero", () => {
    for (const amount of [0.01, 10, 10.1, 1234.56, 0.1 + 0.2]) {
      expect(orderCreateRequestSchema.safeParse({ ...createBody, amount }).success).toBe(true);
    }
    for (const amount of [0, -1, 1.001, Number.NaN]) {
      expect(orderCreateRequestSchema.safeParse({ ...createBody, amount }).success).toBe(false);
    }
  });

  it("parses an order answer without the assumed fields, as the real API may send it", () => {
    const order = {
      id: "9f1e",
      orderKey: createBody.orderKey,
      status: "created",
      paymentUrl: "https://checkout.sbx.pagolivre.com.br/abc",
      expirationDate: "2026-01-17T12:00:00-03:00",
      decliningReason: null,
      unknownField: 1,
    };
    expect(orderSchema.parse(order)).toEqual({
      id: "9f1e",
      orderKey: createBody.orderKey,
      status: "created",
      paymentUrl: order.paymentUrl,
      expirationDate: order.expirationDate,
      decliningReason: null,
    });
    expect(orderSchema.safeParse({ ...order, status: "authorized" }).success).toBe(false);
  });

  it("reads a cancel with or without a partial amount, and a callback with or without installmentNumber", () => {
    const cancel = { cancellationRequestId: createBody.requestId, reason: "Desistência" };
    expect(cancelRequestSchema.safeParse(cancel).success).toBe(true);
    expect(cancelRequestSchema.safeParse({ ...cancel, amount: 50.25 }).success).toBe(true);
    expect(cancelRequestSchema.safeParse({ ...cancel, amount: 50.255 }).success).toBe(false);
    const callback = { eventName: "order.paid", orderKey: "k", orderId: "i" };
    expect(callbackBodySchema.parse(callback)).toEqual(callback);
    expect(callbackBodySchema.parse({ ...callback, installmentNumber: 2 }).installmentNumber).toBe(2);
  });
});
