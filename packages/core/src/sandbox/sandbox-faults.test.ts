import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import type { CreatePaymentRequest } from "../ports/gateway";
import { defaultConformancePayer } from "../testing/gateway-conformance/scenario-kit";
import { createManualClock } from "../testing/manual-clock";
import { paymentReferenceFor } from "../testing/payment-reference-for";
import { createSandboxGateway } from "./sandbox-gateway";
import type { SandboxGatewayOptions } from "./sandbox-options";

const brl = (amount: number) => ({ amount, currency: "BRL" });

function setup(options: SandboxGatewayOptions = {}) {
  const clock = createManualClock("2026-03-10T15:00:00.000Z");
  const gateway = createSandboxGateway({ clock, webhookSecret: "whsec_unit_0123456789abcdef", ...options });
  let keys = 0;
  const request = (method: "pix" | "boleto"): CreatePaymentRequest => {
    keys += 1;
    return {
      idempotencyKey: `pay_fault_${keys}`,
      amount: brl(10_000),
      method,
      description: "Plano mensal",
      payer: defaultConformancePayer,
      ...(method === "boleto" ? { dueDate: "2026-03-13" } : { expiresInSeconds: 600 }),
    };
  };
  const byKey = (idempotencyKey: string) => paymentReferenceFor({ idempotencyKey });
  return { clock, gateway, request, byKey };
}

const code = (expected: string) => (error: unknown) => isTesseraError(error) && error.code === expected;

describe("sandbox faults", () => {
  it("answers one call after a rate limit with gateway_unavailable and its Retry-After, doing nothing", async () => {
    const { gateway, request } = setup();
    gateway.sandbox.injectFault({ kind: "rate_limited", retryAfterSeconds: 30 });
    const refused = gateway.createPayment(request("pix"));
    await expect(refused).rejects.toSatisfy(code("gateway_unavailable"));
    await expect(refused).rejects.toMatchObject({
      details: { retryAfterSeconds: 30, status: 429, origin: "sandbox" },
    });
    expect(gateway.sandbox.ledger().charges).toEqual([]);
    expect((await gateway.createPayment(request("pix"))).status, "only the next call").toBe("pending");
  });

  it("answers maintenance the same way, with 503", async () => {
    const { gateway, byKey } = setup();
    gateway.sandbox.injectFault({ kind: "maintenance", retryAfterSeconds: 120 });
    await expect(gateway.getPayment(byKey("pay_any"))).rejects.toMatchObject({
      code: "gateway_unavailable",
      details: { status: 503, retryAfterSeconds: 120 },
    });
  });

  it("refuses every provider call with refuseCredentials, as gateway_authentication", async () => {
    const { gateway, request, byKey } = setup({ refuseCredentials: true });
    await expect(gateway.createPayment(request("pix"))).rejects.toSatisfy(code("gateway_authentication"));
    await expect(gateway.getPayment(byKey("pay_any"))).rejects.toSatisfy(code("gateway_authentication"));
    await expect(gateway.cancel(byKey("pay_any"))).rejects.toSatisfy(code("gateway_authentication"));
    await expect(gateway.capture(byKey("pay_any"))).rejects.toSatisfy(code("gateway_authentication"));
    await expect(gateway.cardTokenizationSession({ amount: brl(10_000) })).rejects.toSatisfy(
      code("gateway_authentication"),
    );
  });

  it("loses a PIX create before the provider: unknown, and nothing in the books", async () => {
    const { gateway, request, byKey } = setup();
    gateway.sandbox.injectFault({ kind: "timeout", method: "pix", when: "before_receipt" });
    const sent = request("pix");
    expect((await gateway.createPayment(sent)).status).toBe("unknown");
    expect(await gateway.getPayment(byKey(sent.idempotencyKey))).toBeNull();
    expect(gateway.sandbox.ledger().charges).toEqual([]);
  });

  it("loses the answer to a boleto create the provider made: unknown, and found pending by our key", async () => {
    const { gateway, request, byKey } = setup();
    // A timeout queued for another method waits for it.
    gateway.sandbox.injectFault({ kind: "timeout", method: "boleto", when: "after_charge" });
    expect((await gateway.createPayment(request("pix"))).status).toBe("pending");
    const sent = request("boleto");
    expect((await gateway.createPayment(sent)).status).toBe("unknown");
    expect((await gateway.getPayment(byKey(sent.idempotencyKey)))?.status).toBe("pending");
  });

  it("declines the next card charge a create makes with the fault's code, once, whatever the card", async () => {
    const { gateway, request } = setup();
    let keys = 0;
    const cardSale = async (): Promise<CreatePaymentRequest> => {
      const { token } = await gateway.sandbox.tokenizeCard({
        number: gateway.sandbox.testCards.approvedVisa.number,
        holder: "MARIA DA SILVA",
        expMonth: 12,
        expYear: 2030,
        cvc: "123",
      });
      keys += 1;
      return {
        idempotencyKey: `pay_card_fault_${keys}`,
        amount: brl(10_000),
        method: "card",
        description: "Plano mensal",
        payer: defaultConformancePayer,
        card: { type: "token", token },
      };
    };
    gateway.sandbox.injectFault({ kind: "card_declined", declineCode: "insufficient_funds" });
    // A PIX is no card charge: the fault waits for one.
    expect((await gateway.createPayment(request("pix"))).status).toBe("pending");
    expect(await gateway.createPayment(await cardSale())).toMatchObject({
      status: "declined",
      declineCode: "insufficient_funds",
      rawStatus: "declined:51",
    });
    expect((await gateway.createPayment(await cardSale())).status, "only the next one").toBe("succeeded");
  });

  it("refuses a fault with a negative Retry-After as a configuration mistake", () => {
    const { gateway } = setup();
    expect(() => gateway.sandbox.injectFault({ kind: "rate_limited", retryAfterSeconds: -1 })).toThrow(
      /retryAfterSeconds/,
    );
  });
});

describe("sandbox asynchronous boletos (boletoIssueDelayMs)", () => {
  it("answer processing without a line, cannot be paid or canceled yet, then wait on the payer once issued", async () => {
    const { clock, gateway, request, byKey } = setup({ boletoIssueDelayMs: 5_000 });
    const sent = request("boleto");
    expect(await gateway.createPayment(sent)).toMatchObject({
      status: "processing",
      rawStatus: "processing",
    });
    expect(() => gateway.sandbox.pay(sent.idempotencyKey)).toThrow(/still being issued/);
    expect((await gateway.cancel(byKey(sent.idempotencyKey))).status, "answered as it stands").toBe(
      "processing",
    );
    clock.advance(5_000);
    const issued = await gateway.getPayment(byKey(sent.idempotencyKey));
    expect(issued?.status).toBe("pending");
    if (issued?.status === "pending")
      expect(issued.action).toMatchObject({ type: "boleto", dueDate: "2026-03-13" });
    expect(gateway.sandbox.pay(sent.idempotencyKey).status).toBe("succeeded");
  });

  it("are never paid by autoPayAfterMs before they are issued", async () => {
    const { clock, gateway, request, byKey } = setup({ boletoIssueDelayMs: 5_000, autoPayAfterMs: 1_000 });
    const sent = request("boleto");
    await gateway.createPayment(sent);
    clock.advance(4_999);
    expect((await gateway.getPayment(byKey(sent.idempotencyKey)))?.status).toBe("processing");
    clock.advance(1);
    expect((await gateway.getPayment(byKey(sent.idempotencyKey)))?.status).toBe("succeeded");
  });

  it("leave PIX alone", async () => {
    const { gateway, request } = setup({ boletoIssueDelayMs: 5_000 });
    expect((await gateway.createPayment(request("pix"))).status).toBe("pending");
  });
});

describe("sandbox notifications as they really arrive", () => {
  it("post several payments paid together in one signed body, read as one event each", async () => {
    const { gateway, request } = setup();
    const references: string[] = [];
    for (let i = 0; i < 3; i++)
      references.push((await gateway.createPayment(request("pix"))).providerReference as string);
    gateway.sandbox.payTogether(references);
    const notifications = gateway.sandbox.takeNotifications();
    expect(notifications.map((notification) => notification.type)).toEqual(["batch"]);
    const [batch] = notifications;
    if (batch === undefined) return expect.fail("no notification");
    const parsed = await gateway.parseWebhook(batch);
    if (!parsed.authentic) return expect.fail(parsed.reason);
    expect(parsed.events.map((event) => event.payment.providerReference)).toEqual(references);
    expect(new Set(parsed.events.map((event) => event.providerEventId)).size).toBe(3);
  });

  it("send one alone as an ordinary notification", async () => {
    const { gateway, request } = setup();
    const reference = (await gateway.createPayment(request("pix"))).providerReference as string;
    gateway.sandbox.payTogether([reference]);
    expect(gateway.sandbox.takeNotifications().map((notification) => notification.type)).toEqual([
      "payment.paid",
    ]);
  });

  it("notify a charge made outside Tessera, under a key Tessera never made", async () => {
    const { gateway } = setup();
    const outside = gateway.sandbox.chargeOutside();
    expect(outside.status).toBe("succeeded");
    const [notification] = gateway.sandbox.takeNotifications();
    if (notification === undefined) return expect.fail("no notification");
    const parsed = await gateway.parseWebhook(notification);
    if (!parsed.authentic) return expect.fail(parsed.reason);
    expect(parsed.events[0]?.idempotencyKey).toMatch(/^outside_/);
  });
});
