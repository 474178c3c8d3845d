import { describe, expect, it } from "vitest";
import { isTesseraError, type TesseraError } from "../errors/tessera-error";
import type { Payment } from "../payments/payment";
import type { PaymentMethod } from "../payments/payment-method";
import { createSandboxGateway } from "../sandbox/sandbox-gateway";
import { addMilliseconds } from "../time/instant";
import { checkRefundRules } from "./refund-rules";

const madeAt = "2026-03-10T15:00:00.000Z";
const day = 86_400_000;
const brl = (amount: number) => ({ amount, currency: "BRL" });

// Cards as Cielo (partial, 360 days), PIX whole only and without a window, no boletos.
const gateway = createSandboxGateway({
  refundRules: {
    card: { partial: true, windowDays: 360, keyedByUs: false },
    pix: { partial: false, windowDays: null, keyedByUs: true },
  },
});

function payment(method: PaymentMethod): Payment {
  return {
    id: "pay_01JAAAAAAAAAAAAAAAAAAAAAAA",
    unitId: "unit_01JAAAAAAAAAAAAAAAAAAAAAAA",
    customerId: "cus_01JAAAAAAAAAAAAAAAAAAAAAAA",
    gatewayId: "sandbox",
    method,
    amount: brl(10_000),
    installmentIds: [],
    idempotencyKey: "pay01JAAAAAAAAAAAAAAAAAAAAAAA",
    providerReference: "sbxpay_1",
    status: "succeeded",
    rawStatus: "paid",
    action: null,
    failureCode: null,
    failureMessage: null,
    card: null,
    refundedAmount: brl(0),
    fromBalance: null,
    attempt: 1,
    createdAt: madeAt,
    updatedAt: madeAt,
    version: 1,
  };
}

function refusal(method: PaymentMethod, amount: number, ageMs: number): TesseraError | null {
  try {
    checkRefundRules(gateway, payment(method), brl(amount), addMilliseconds(madeAt, ageMs));
    return null;
  } catch (error) {
    if (isTesseraError(error)) return error;
    throw error;
  }
}

describe("checkRefundRules", () => {
  it("lets a partial card refund through on the 360th day", () => {
    expect(refusal("card", 2_500, 360 * day)).toBeNull();
  });

  it("refuses a card refund a moment past 360 days as refund_not_possible, window_passed", () => {
    const error = refusal("card", 10_000, 360 * day + 1);
    expect(error?.code).toBe("refund_not_possible");
    expect(error?.details).toMatchObject({
      reason: "window_passed",
      windowDays: 360,
      madeAt,
      method: "card",
    });
    expect(error?.message).toMatch(/wallet or by hand/);
  });

  it("refuses a method the gateway declares no refunds for, however young the payment", () => {
    const error = refusal("boleto", 10_000, 0);
    expect(error?.code).toBe("refund_not_possible");
    expect(error?.details).toMatchObject({
      reason: "method_not_refundable",
      gatewayId: "sandbox",
      method: "boleto",
    });
  });

  it("refuses part of a payment whose method refunds only whole, naming the amount, and lets the whole through", () => {
    const error = refusal("pix", 9_999, 0);
    expect(error?.code).toBe("validation_failed");
    expect(error?.details.issues).toEqual([
      expect.objectContaining({ path: ["amount"], code: "partial_not_supported" }),
    ]);
    expect(refusal("pix", 10_000, 0)).toBeNull();
  });

  it("has no window where windowDays is null", () => {
    expect(refusal("pix", 10_000, 5_000 * day)).toBeNull();
  });
});
