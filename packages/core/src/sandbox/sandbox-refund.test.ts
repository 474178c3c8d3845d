import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import type { CreatePaymentRequest, RefundReference, RefundResult } from "../ports/gateway";
import { defaultConformancePayer } from "../testing/gateway-conformance/scenario-kit";
import { createManualClock } from "../testing/manual-clock";
import { paymentReferenceFor } from "../testing/payment-reference-for";
import { createSandboxGateway } from "./sandbox-gateway";
import type { SandboxGatewayOptions } from "./sandbox-options";

const brl = (amount: number) => ({ amount, currency: "BRL" });
const day = 86_400_000;

function setup(options: SandboxGatewayOptions = {}) {
  const clock = createManualClock("2026-03-10T15:00:00.000Z");
  const gateway = createSandboxGateway({ clock, webhookSecret: "whsec_unit_0123456789abcdef", ...options });
  let keys = 0;
  const request = (method: "card" | "pix" | "boleto", card?: string): CreatePaymentRequest => {
    keys += 1;
    return {
      idempotencyKey: `pay_refund_${keys}`,
      amount: brl(10_000),
      method,
      description: "Plano trimestral",
      payer: defaultConformancePayer,
      ...(method === "card" ? { card: { type: "token" as const, token: card ?? "" } } : {}),
      ...(method === "boleto" ? { dueDate: "2026-03-13" } : {}),
      ...(method === "pix" ? { expiresInSeconds: 600 } : {}),
    };
  };
  /** A paid payment by `method`, and a way to refund it. */
  const paid = async (method: "card" | "pix" | "boleto") => {
    const token =
      method === "card"
        ? (
            await gateway.sandbox.tokenizeCard({
              number: gateway.sandbox.testCards.approvedVisa.number,
              holder: "MARIA DA SILVA",
              expMonth: 12,
              expYear: 2030,
              cvc: "123",
            })
          ).token
        : undefined;
    const sent = request(method, token);
    const created = await gateway.createPayment(sent);
    const providerReference = created.providerReference as string;
    if (method !== "card") gateway.sandbox.pay(providerReference);
    const refund = (amount: number, refundKey: string) =>
      gateway.refund({
        refundKey,
        providerReference,
        paymentIdempotencyKey: sent.idempotencyKey,
        amount: brl(amount),
      });
    const lookup = (known: Partial<RefundReference> & { refundKey: string }): RefundReference => ({
      providerRefundReference: null,
      payment: paymentReferenceFor({ idempotencyKey: sent.idempotencyKey, providerReference, method }),
      amount: brl(3000),
      createdAt: "2026-03-10T15:00:00.000Z",
      ...known,
    });
    return { created, refund, lookup };
  };
  return { clock, gateway, paid };
}

async function refusal(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (error) {
    if (isTesseraError(error, "gateway_invalid_request")) return error.message;
    throw error;
  }
  throw new Error("expected gateway_invalid_request");
}

const referenceOf = (result: RefundResult) =>
  "providerRefundReference" in result ? result.providerRefundReference : null;

describe("sandbox refund rules", () => {
  it("declare cards partial within 360 days, PIX partial within 90 by our key, and no boletos, by default", () => {
    expect(setup().gateway.capabilities.refunds).toEqual({
      card: { partial: true, windowDays: 360, keyedByUs: false },
      pix: { partial: true, windowDays: 90, keyedByUs: true },
    });
  });

  it("refuse a boleto, as Banco Inter refunds none", async () => {
    const { paid } = setup();
    const { refund } = await paid("boleto");
    expect(await refusal(refund(10_000, "rf1"))).toMatch(/boleto payment cannot be refunded/);
  });

  it("refuse part of a payment where the declared rules say whole only, and refund it whole", async () => {
    const { gateway, paid } = setup({
      refundRules: { card: { partial: false, windowDays: 360, keyedByUs: false } },
    });
    expect(gateway.capabilities.refunds).toEqual({
      card: { partial: false, windowDays: 360, keyedByUs: false },
    });
    const { refund } = await paid("card");
    expect(await refusal(refund(4000, "rf1"))).toMatch(/refunded only whole/);
    expect(await refund(10_000, "rf2")).toMatchObject({ status: "succeeded" });
  });

  it("refuse a PIX refund past 90 days of being paid, by the sandbox's clock", async () => {
    const { clock, paid } = setup();
    const { refund } = await paid("pix");
    clock.advance(90 * day);
    expect(await refund(1000, "rf1")).toMatchObject({ status: "succeeded" });
    clock.advance(1);
    expect(await refusal(refund(1000, "rf2"))).toMatch(/within 90 days/);
  });

  it("refuse rules that make no sense with gateway_configuration", () => {
    for (const refundRules of [
      { card: { partial: true, windowDays: 0, keyedByUs: false } },
      { payment_link: { partial: true, windowDays: null, keyedByUs: false } },
    ]) {
      expect(() => setup({ refundRules } as SandboxGatewayOptions)).toThrow(/options are invalid/);
    }
  });
});

describe("sandbox getRefund", () => {
  it("finds a PIX refund by our key alone, and answers null for a key it was never sent", async () => {
    const { gateway, paid } = setup();
    const { refund, lookup } = await paid("pix");
    const made = await refund(3000, "rfpix1");
    expect(await gateway.getRefund(lookup({ refundKey: "rfpix1" }))).toEqual(made);
    expect(await gateway.getRefund(lookup({ refundKey: "rfpix2" }))).toBeNull();
  });

  it("finds a card refund by its provider reference, never by our key, which Cielo does not keep", async () => {
    const { gateway, paid } = setup();
    const { refund, lookup } = await paid("card");
    const made = await refund(3000, "rfcard1");
    expect(
      await gateway.getRefund(lookup({ refundKey: "other", providerRefundReference: referenceOf(made) })),
    ).toEqual(made);
    expect(
      await gateway.getRefund(lookup({ refundKey: "rfcard1", providerRefundReference: "sbxref_none" })),
    ).toBeNull();
  });

  it("without the provider's reference, takes the one card refund of that amount made since, and cannot tell two apart", async () => {
    const { clock, gateway, paid } = setup();
    const { refund, lookup } = await paid("card");
    clock.advance(60_000);
    const asked = clock.now();
    const first = await refund(3000, "rfcard1");
    const one = lookup({ refundKey: "rfcard1", createdAt: asked });
    expect(await gateway.getRefund(one)).toEqual(first);
    expect(await gateway.getRefund({ ...one, amount: brl(2000) }), "none of that amount").toBeNull();
    expect(await gateway.getRefund({ ...one, createdAt: clock.advance(1) }), "none made since").toBeNull();
    await refund(3000, "rfcard2");
    expect(await gateway.getRefund(one)).toMatchObject({ status: "unknown" });
  });

  it("reports a held refund pending, then succeeded once settled", async () => {
    const { gateway, paid } = setup();
    const { refund, lookup } = await paid("pix");
    gateway.sandbox.answerNextRefund("pending");
    const answer = await refund(3000, "rfpix1");
    expect(answer).toMatchObject({ status: "pending", rawStatus: "refund_pending" });
    expect(await gateway.getRefund(lookup({ refundKey: "rfpix1" }))).toMatchObject({ status: "pending" });
    gateway.sandbox.settleRefund(referenceOf(answer) as string, "succeeded");
    expect(await gateway.getRefund(lookup({ refundKey: "rfpix1" }))).toMatchObject({ status: "succeeded" });
    expect(await refund(3000, "rfpix2"), "only the next refund was held").toMatchObject({
      status: "succeeded",
    });
  });
});

describe("sandbox refusing a refund", () => {
  it("answers it failed, notifies so, gives nothing back, and answers a replay of it failed again", async () => {
    const { gateway, paid } = setup();
    const { created, refund, lookup } = await paid("card");
    gateway.sandbox.takeNotifications();
    gateway.sandbox.answerNextRefund("failed");
    const answer = await refund(10_000, "rfcard1");
    expect(answer).toMatchObject({ status: "failed", rawStatus: "refund_failed" });
    const [notification] = gateway.sandbox.takeNotifications();
    expect(notification?.type).toBe("refund.failed");
    expect(gateway.sandbox.ledger().charges[0]?.refundedAmount).toEqual(brl(0));
    expect(await refund(10_000, "rfcard1")).toEqual(answer);
    expect(
      await gateway.getRefund(lookup({ refundKey: "rfcard1", providerRefundReference: referenceOf(answer) })),
    ).toEqual(answer);
    // Nothing was taken: the whole payment can still be refunded.
    expect(await refund(10_000, "rfcard2")).toMatchObject({ status: "succeeded" });
    expect(created.status).toBe("succeeded");
  });

  it("keeps its answer for a refund it takes, not one it refuses as invalid", async () => {
    const { gateway, paid } = setup();
    const { refund } = await paid("card");
    gateway.sandbox.answerNextRefund("failed");
    await refusal(refund(20_000, "rfcard1"));
    expect(await refund(1000, "rfcard2")).toMatchObject({ status: "failed" });
  });
});
