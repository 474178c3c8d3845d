import { afterEach, describe, expect, it, vi } from "vitest";
import { isConsistentBoleto } from "../boleto/boleto-line";
import { isTesseraError } from "../errors/tessera-error";
import { decodeTlv } from "../pix/brcode";
import type { CreatePaymentRequest, GatewayPayer, PaymentResult } from "../ports/gateway";
import { createManualClock } from "../testing/manual-clock";
import { paymentReferenceFor } from "../testing/payment-reference-for";
import type { RawCard } from "./card-tokenizer";
import type { SandboxNotification } from "./notification-outbox";
import { createSandboxGateway } from "./sandbox-gateway";
import type { SandboxGatewayOptions } from "./sandbox-options";
import { type SandboxTestCardName, sandboxTestCards } from "./test-cards";
import { signWebhookPayload } from "./webhook-signature";

const payer: GatewayPayer = {
  name: "Maria da Silva",
  email: "maria@example.com",
  phone: null,
  document: { kind: "cpf", value: "52998224725" },
  address: {
    street: "Avenida Paulista",
    number: "1578",
    district: "Bela Vista",
    city: "São Paulo",
    state: "SP",
    postalCode: "01310200",
    country: "BR",
  },
};
const brl = (amount: number) => ({ amount, currency: "BRL" });

function setup(options: SandboxGatewayOptions = {}) {
  const clock = createManualClock("2026-03-10T15:00:00.000Z");
  const gateway = createSandboxGateway({ clock, webhookSecret: "whsec_unit_0123456789abcdef", ...options });
  let keys = 0;
  const key = () => {
    keys += 1;
    return `pay_unit_${keys}`;
  };
  const token = async (name: SandboxTestCardName, card: Partial<RawCard> = {}) => {
    const number = sandboxTestCards[name].number;
    const base = { number, holder: "MARIA DA SILVA", expMonth: 12, expYear: 2030, cvc: "123" };
    return (await gateway.sandbox.tokenizeCard({ ...base, ...card })).token;
  };
  const base = (method: CreatePaymentRequest["method"]) => ({
    idempotencyKey: key(),
    amount: brl(10_000),
    method,
    description: "Plano trimestral",
    payer,
  });
  const card = (tokenValue: string): CreatePaymentRequest => ({
    ...base("card"),
    card: { type: "token", token: tokenValue },
  });
  const pix = (expiresInSeconds = 600): CreatePaymentRequest => ({ ...base("pix"), expiresInSeconds });
  const boleto = (dueDate = "2026-03-13"): CreatePaymentRequest => ({ ...base("boleto"), dueDate });
  return { clock, gateway, token, card, pix, boleto };
}

async function invalidRequest(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (error) {
    if (isTesseraError(error, "gateway_invalid_request")) return error.message;
    throw error;
  }
  throw new Error("expected gateway_invalid_request");
}

function referenceOf(result: PaymentResult): string {
  if (result.providerReference === null) throw new Error(`no provider reference: ${result.status}`);
  return result.providerReference;
}

describe("sandbox cards", () => {
  it("declines a card whose expiry month has passed as expired_card, with return code 54", async () => {
    const { gateway, token, card } = setup();
    const result = await gateway.createPayment(
      card(await token("approvedVisa", { expMonth: 2, expYear: 2026 })),
    );
    expect(result).toMatchObject({
      status: "declined",
      declineCode: "expired_card",
      rawStatus: "declined:54",
    });
  });

  it("uses a token once: a second payment with it is refused", async () => {
    const { gateway, token, card } = setup();
    const tokenValue = await token("approvedVisa");
    expect((await gateway.createPayment(card(tokenValue))).status).toBe("succeeded");
    expect(await invalidRequest(gateway.createPayment(card(tokenValue)))).toMatch(
      /token is unknown, already used/,
    );
  });

  it("refuses a token charged as another brand than the card's, and leaves it usable", async () => {
    const { gateway, token, card } = setup();
    const tokenValue = await token("approvedVisa");
    const asMaster = {
      ...card(tokenValue),
      card: { type: "token" as const, token: tokenValue, brand: "Master" },
    };
    expect(await invalidRequest(gateway.createPayment(asMaster))).toMatch(/is visa, not Master/);
    const asVisa = {
      ...card(tokenValue),
      card: { type: "token" as const, token: tokenValue, brand: "Visa" },
    };
    expect((await gateway.createPayment(asVisa)).status).toBe("succeeded");
  });

  it("refuses a token after its lifetime on the clock", async () => {
    const { clock, gateway, token, card } = setup({ cardTokenTtlSeconds: 60 });
    const tokenValue = await token("approvedVisa");
    clock.advance(60_000);
    expect(await invalidRequest(gateway.createPayment(card(tokenValue)))).toMatch(/expired/);
  });

  it("leaves the token usable when the request never reached the provider", async () => {
    const { gateway, token, card } = setup();
    const tokenValue = await token("timeoutBeforeReceipt");
    expect((await gateway.createPayment(card(tokenValue))).status).toBe("unknown");
    expect((await gateway.createPayment(card(tokenValue))).status).toBe("unknown");
    expect(gateway.sandbox.ledger().charges).toEqual([]);
  });

  it("still notifies a charge whose answer was lost, so a webhook can recover it too", async () => {
    const { gateway, token, card } = setup();
    const request = card(await token("timeoutAfterCharge"));
    expect(await gateway.createPayment(request)).toMatchObject({
      status: "unknown",
      providerReference: null,
    });
    const [notification] = gateway.sandbox.takeNotifications();
    const parsed = await gateway.parseWebhook(notification ?? { headers: {}, rawBody: "" });
    expect(parsed).toMatchObject({
      authentic: true,
      events: [{ idempotencyKey: request.idempotencyKey, payment: { status: "succeeded" } }],
    });
  });

  it("takes a raw card number only with acceptRawCardNumbers, and then declares it", async () => {
    const { gateway } = setup({ acceptRawCardNumbers: true });
    expect(gateway.capabilities.acceptsRawCard).toBe(true);
    expect(setup().gateway.capabilities.acceptsRawCard).toBe(false);
    const result = await gateway.createPayment({
      idempotencyKey: "pay_raw_1",
      amount: brl(5000),
      method: "card",
      description: "Avulso",
      payer,
      card: {
        type: "raw",
        number: "5555555555554444",
        holder: "MARIA",
        expMonth: 1,
        expYear: 2031,
        cvc: "321",
      },
    });
    expect(result).toMatchObject({ status: "succeeded", card: { brand: "mastercard", last4: "4444" } });
  });

  it("refuses an unknown stored card token", async () => {
    const { gateway, card } = setup();
    const request = { ...card("x"), card: { type: "stored" as const, token: "card_nope" } };
    expect(await invalidRequest(gateway.createPayment(request))).toMatch(/stored card token is unknown/);
  });

  it("refuses an idempotency key reused for a different payment", async () => {
    const { gateway, pix } = setup();
    const request = pix();
    await gateway.createPayment(request);
    const changed = { ...request, amount: brl(20_000) };
    expect(await invalidRequest(gateway.createPayment(changed))).toMatch(
      /already used for a different payment/,
    );
    expect(gateway.sandbox.ledger().charges).toHaveLength(1);
  });

  it("refuses another currency, a method it does not offer and a zero amount", async () => {
    const { gateway, pix } = setup();
    await invalidRequest(gateway.createPayment({ ...pix(), amount: { amount: 100, currency: "USD" } }));
    await invalidRequest(gateway.createPayment({ ...pix(), method: "payment_link" }));
    await invalidRequest(gateway.createPayment({ ...pix(), amount: brl(0) }));
    expect(gateway.sandbox.ledger().charges).toEqual([]);
  });
});

describe("sandbox PIX", () => {
  it("gives a dynamic BR Code pointing at the sandbox's location, expiring when asked", async () => {
    const { gateway, pix } = setup({ pixMerchantName: "Estúdio Aurora" });
    const result = await gateway.createPayment(pix(600));
    if (result.status !== "pending" || result.action.type !== "pix") throw new Error(result.status);
    expect(result.action.expiresAt).toBe("2026-03-10T15:10:00.000Z");
    const fields = Object.fromEntries(
      decodeTlv(result.action.qrCodePayload).map((field) => [field.id, field.value]),
    );
    expect(fields["26"]).toMatch(
      /^0014br\.gov\.bcb\.pix25\d\dpix\.sandbox\.tessera\.invalid\/qr\/v2\/cob_[0-9a-f]{24}$/,
    );
    expect(fields["59"]).toBe("Estudio Aurora");
  });

  it("pays itself autoPayAfterMs after creation, by the injected clock", async () => {
    const { clock, gateway, pix } = setup({ autoPayAfterMs: 30_000 });
    const request = pix(600);
    await gateway.createPayment(request);
    clock.advance(29_999);
    expect(
      (await gateway.getPayment(paymentReferenceFor({ idempotencyKey: request.idempotencyKey })))?.status,
    ).toBe("pending");
    clock.advance(5_000);
    const paid = await gateway.getPayment(paymentReferenceFor({ idempotencyKey: request.idempotencyKey }));
    expect(paid).toMatchObject({ status: "succeeded", paidAt: "2026-03-10T15:00:30.000Z" });
    expect(gateway.sandbox.takeNotifications().map((notification) => notification.type)).toEqual([
      "payment.paid",
    ]);
  });

  it("turns a PIX nobody paid into canceled when it expires, notifies, and cannot be paid after", async () => {
    const { clock, gateway, pix } = setup();
    const created = await gateway.createPayment(pix(600));
    clock.advance(600_000);
    expect(
      await gateway.getPayment(paymentReferenceFor({ providerReference: referenceOf(created) })),
    ).toMatchObject({
      status: "canceled",
      rawStatus: "expired",
    });
    expect(gateway.sandbox.takeNotifications().map((notification) => notification.type)).toEqual([
      "payment.expired",
    ]);
    expect(() => gateway.sandbox.pay(referenceOf(created))).toThrow(/this one is expired/);
  });

  it("expires rather than pays when the automatic payment would come after the expiry", async () => {
    const { clock, gateway, pix } = setup({ autoPayAfterMs: 900_000 });
    const created = await gateway.createPayment(pix(600));
    clock.advance(3_600_000);
    expect(
      (await gateway.getPayment(paymentReferenceFor({ providerReference: referenceOf(created) })))?.status,
    ).toBe("canceled");
  });

  it("is paid on demand by our key as well as by its reference", async () => {
    const { gateway, pix } = setup();
    const request = pix();
    await gateway.createPayment(request);
    expect(gateway.sandbox.pay(request.idempotencyKey).status).toBe("succeeded");
    expect(() => gateway.sandbox.pay(request.idempotencyKey)).toThrow(/this one is paid/);
    expect(() => gateway.sandbox.pay("sbxpay_nobody")).toThrow(/No payment/);
  });
});

describe("sandbox boletos", () => {
  it("issue a consistent line due on the requested day, with a PDF link when configured", async () => {
    const { gateway, boleto } = setup({ boletoPdfBaseUrl: "https://sandbox.example/boletos/" });
    const result = await gateway.createPayment(boleto("2026-03-13"));
    if (result.status !== "pending" || result.action.type !== "boleto") throw new Error(result.status);
    expect(result.action.dueDate).toBe("2026-03-13");
    expect(result.action.digitableLine.slice(0, 4)).toBe("9999");
    expect(result.action.barcode.slice(5, 19)).toBe("13840000010000");
    expect(isConsistentBoleto(result.action.digitableLine, result.action.barcode)).toBe(true);
    expect(result.action.pdfUrl).toBe(`https://sandbox.example/boletos/${result.providerReference}.pdf`);
  });

  it("link their PDF under a root-relative base, as a server serving them on its own origin sets it", async () => {
    const { gateway, boleto } = setup({ boletoPdfBaseUrl: "/sandbox/boletos" });
    const result = await gateway.createPayment(boleto());
    if (result.status !== "pending" || result.action.type !== "boleto") throw new Error(result.status);
    expect(result.action.pdfUrl).toBe(`/sandbox/boletos/${result.providerReference}.pdf`);
    // A protocol-relative "//host" would send the payer to another site: only a URL or a path.
    expect(() => setup({ boletoPdfBaseUrl: "//evil.example/boletos" })).toThrow(/options are invalid/);
  });

  it("carry no PDF link without a base URL", async () => {
    const { gateway, boleto } = setup();
    const result = await gateway.createPayment(boleto());
    expect(result.status === "pending" && result.action.type === "boleto" && result.action.pdfUrl).toBeNull();
  });

  it("are refused without a due date, with one already past in Brasília, without the payer's document or address, or under R$ 2,50", async () => {
    const { gateway, boleto } = setup();
    const { dueDate: _dueDate, ...undated } = boleto();
    expect(await invalidRequest(gateway.createPayment(undated))).toMatch(/needs `dueDate`/);
    expect(await invalidRequest(gateway.createPayment(boleto("2026-03-09")))).toMatch(/past/);
    const anonymous = { ...boleto(), payer: { ...payer, document: null } };
    expect(await invalidRequest(gateway.createPayment(anonymous))).toMatch(/CPF or CNPJ/);
    const homeless = { ...boleto(), payer: { ...payer, address: null } };
    expect(await invalidRequest(gateway.createPayment(homeless))).toMatch(/address/);
    expect(await invalidRequest(gateway.createPayment({ ...boleto(), amount: brl(249) }))).toMatch(
      /at least R\$ 2,50/,
    );
    expect((await gateway.createPayment(boleto("2026-03-10"))).status).toBe("pending");
  });
});

describe("sandbox asynchronous refunds", () => {
  it("answer pending, hold the amount, then succeed on the clock with a notification carrying the refund", async () => {
    const { clock, gateway, token, card } = setup({ asyncRefunds: true, refundSettleAfterMs: 60_000 });
    const request = card(await token("approvedVisa"));
    const paid = await gateway.createPayment(request);
    gateway.sandbox.takeNotifications();
    const refund = (amount: number, refundKey: string) =>
      gateway.refund({
        refundKey,
        providerReference: referenceOf(paid),
        paymentIdempotencyKey: request.idempotencyKey,
        amount: brl(amount),
      });
    expect(await refund(6000, "rf1")).toMatchObject({ status: "pending", rawStatus: "refund_pending" });
    // A pending refund still counts against what is left.
    expect(await invalidRequest(refund(4001, "rf2"))).toMatch(/exceeds what is left/);
    const lookup = paymentReferenceFor({ idempotencyKey: request.idempotencyKey });
    expect(await gateway.getPayment(lookup)).toMatchObject({ refundedAmount: brl(0) });
    clock.advance(60_000);
    expect(await gateway.getPayment(lookup)).toMatchObject({ refundedAmount: brl(6000) });
    const [notification] = gateway.sandbox.takeNotifications();
    const parsed = await gateway.parseWebhook(notification as SandboxNotification);
    expect(parsed).toMatchObject({
      authentic: true,
      events: [{ refund: { refundKey: "rf1", status: "succeeded", amount: brl(6000) } }],
    });
    expect(await refund(6000, "rf1"), "a replay answers the refund as it now stands").toMatchObject({
      status: "succeeded",
    });
  });

  it("settle on demand as failed, giving nothing back and freeing the amount", async () => {
    const { gateway, token, card } = setup({ asyncRefunds: true });
    const request = card(await token("approvedVisa"));
    const paid = await gateway.createPayment(request);
    const answer = await gateway.refund({
      refundKey: "rf1",
      providerReference: referenceOf(paid),
      paymentIdempotencyKey: request.idempotencyKey,
      amount: brl(10_000),
    });
    if (answer.status !== "pending") throw new Error(`expected pending, got ${answer.status}`);
    expect(gateway.sandbox.settleRefund(answer.providerRefundReference, "failed").status).toBe("failed");
    expect(() => gateway.sandbox.settleRefund(answer.providerRefundReference, "succeeded")).toThrow(
      /No pending refund/,
    );
    expect(gateway.sandbox.ledger().charges[0]?.refundedAmount).toEqual(brl(0));
  });
});

describe("sandbox refunds and cancels", () => {
  async function paid() {
    const context = setup();
    const request = context.card(await context.token("approvedVisa"));
    const result = await context.gateway.createPayment(request);
    const refund = (amount: number, refundKey: string, paymentIdempotencyKey = request.idempotencyKey) =>
      context.gateway.refund({
        refundKey,
        providerReference: referenceOf(result),
        paymentIdempotencyKey,
        amount: brl(amount),
      });
    return { ...context, request, result, refund };
  }

  it("report partially_refunded, then refunded, as the provider's raw status", async () => {
    const { gateway, result, refund } = await paid();
    await refund(4000, "ref_1");
    expect(
      await gateway.getPayment(paymentReferenceFor({ providerReference: referenceOf(result) })),
    ).toMatchObject({
      rawStatus: "partially_refunded",
      refundedAmount: brl(4000),
    });
    await refund(6000, "ref_2");
    expect(
      await gateway.getPayment(paymentReferenceFor({ providerReference: referenceOf(result) })),
    ).toMatchObject({
      status: "succeeded",
      rawStatus: "refunded",
      refundedAmount: brl(10_000),
    });
  });

  it("refuse a refund key reused for another amount, and a payment key that does not match", async () => {
    const { refund } = await paid();
    await refund(1000, "ref_1");
    expect(await invalidRequest(refund(2000, "ref_1"))).toMatch(/different amount/);
    expect(await invalidRequest(refund(1000, "ref_2", "pay_other"))).toMatch(/different payments/);
  });

  it("answer a cancel of a paid payment with the payment as it stands, and canceled to a second cancel", async () => {
    const { gateway, result, pix } = await paid();
    expect(
      await gateway.cancel(paymentReferenceFor({ providerReference: referenceOf(result) })),
    ).toMatchObject({
      status: "succeeded",
      providerReference: referenceOf(result),
    });
    const pending = await gateway.createPayment(pix());
    expect(
      (await gateway.cancel(paymentReferenceFor({ providerReference: referenceOf(pending) }))).status,
    ).toBe("canceled");
    expect(
      (await gateway.cancel(paymentReferenceFor({ providerReference: referenceOf(pending) }))).status,
    ).toBe("canceled");
    expect(
      await invalidRequest(gateway.cancel(paymentReferenceFor({ idempotencyKey: "pay_nobody" }))),
    ).toMatch(/No payment/);
  });
});

describe("sandbox notifications", () => {
  it("go out for every status change, each with its own event id", async () => {
    const { gateway, token, card, pix } = setup();
    const charged = await gateway.createPayment(card(await token("approvedMastercard")));
    const paidPix = await gateway.createPayment(pix());
    gateway.sandbox.pay(referenceOf(paidPix));
    const dropped = await gateway.createPayment(pix());
    await gateway.cancel(paymentReferenceFor({ providerReference: referenceOf(dropped) }));
    await gateway.refund({
      refundKey: "ref_1",
      providerReference: referenceOf(charged),
      paymentIdempotencyKey: gateway.sandbox.ledger().charges[0]?.idempotencyKey ?? "",
      amount: brl(2500),
    });
    const notifications = gateway.sandbox.takeNotifications();
    expect(notifications.map((notification) => notification.type)).toEqual([
      "payment.paid",
      "payment.paid",
      "payment.canceled",
      "refund.succeeded",
    ]);
    expect(new Set(notifications.map((notification) => notification.eventId)).size).toBe(4);
    const parsed = await Promise.all(notifications.map((notification) => gateway.parseWebhook(notification)));
    const events = parsed.flatMap((result) => (result.authentic ? result.events : []));
    expect(events.map((event) => event.providerEventId)).toEqual(notifications.map((n) => n.eventId));
    expect(events[3]?.payment).toMatchObject({ status: "succeeded", refundedAmount: brl(2500) });
    expect(gateway.sandbox.takeNotifications()).toEqual([]);
  });

  it("are signed when handed over, so a clock moved since still verifies", async () => {
    const { clock, gateway, token, card } = setup();
    await gateway.createPayment(card(await token("approvedVisa")));
    clock.advance(3_600_000);
    const [notification] = gateway.sandbox.takeNotifications();
    expect((await gateway.parseWebhook(notification ?? { headers: {}, rawBody: "" })).authentic).toBe(true);
  });

  it("are POSTed to webhookUrl with the injected fetch, and failures are recorded, not thrown", async () => {
    const received: Request[] = [];
    const { gateway, token, card } = setup({
      webhookUrl: "https://studio.example/webhooks/sandbox",
      fetch: async (input, init) => {
        received.push(new Request(input, init));
        return new Response(null, { status: received.length === 1 ? 200 : 503 });
      },
    });
    await gateway.createPayment(card(await token("approvedVisa")));
    await gateway.createPayment(card(await token("approvedVisa")));
    const deliveries = await gateway.sandbox.settleDeliveries();
    expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 503]);
    const first = received[0];
    if (first === undefined) throw new Error("nothing POSTed");
    expect(first.method).toBe("POST");
    const headers = Object.fromEntries(first.headers.entries());
    expect((await gateway.parseWebhook({ headers, rawBody: await first.text() })).authentic).toBe(true);
  });

  it("record a delivery that could not connect", async () => {
    const { gateway, pix } = setup({
      webhookUrl: "https://studio.example/webhooks/sandbox",
      fetch: async () => {
        throw new TypeError("fetch failed");
      },
    });
    const created = await gateway.createPayment(pix());
    gateway.sandbox.pay(referenceOf(created));
    expect(await gateway.sandbox.settleDeliveries()).toEqual([
      expect.objectContaining({ status: null, error: "fetch failed" }),
    ]);
  });

  it("refuse a correctly signed body that is not a sandbox notification", async () => {
    const { gateway } = setup();
    const rawBody = '{"hello":"world"}';
    const header = signWebhookPayload("whsec_unit_0123456789abcdef", 1_773_154_800, rawBody);
    expect(await gateway.parseWebhook({ headers: { "tessera-sandbox-signature": header }, rawBody })).toEqual(
      {
        authentic: false,
        reason: "the body is not a sandbox notification",
      },
    );
  });
});

describe("sandbox options", () => {
  it("refuse bad values with gateway_configuration, naming each field", () => {
    try {
      createSandboxGateway({ latencyMs: -1, webhookSecret: "short", webhookUrl: "not a url" });
      throw new Error("expected gateway_configuration");
    } catch (error) {
      if (!isTesseraError(error, "gateway_configuration")) throw error;
      const paths = (error.details.issues ?? []).map((issue) => issue.path.join("."));
      expect(paths.sort()).toEqual(["latencyMs", "webhookSecret", "webhookUrl"]);
    }
  });

  it("generate a webhook secret when none is given, different for each sandbox", () => {
    const a = createSandboxGateway().sandbox.webhookSecret;
    expect(a).toMatch(/^whsec_[0-9a-f]{48}$/);
    expect(createSandboxGateway().sandbox.webhookSecret).not.toBe(a);
  });

  it("keep two sandboxes in one process apart: no state is shared", async () => {
    const first = setup();
    const second = setup();
    const request = first.pix();
    await first.gateway.createPayment(request);
    expect(
      await second.gateway.getPayment(paymentReferenceFor({ idempotencyKey: request.idempotencyKey })),
    ).toBeNull();
  });

  it("take an id", () => {
    expect(createSandboxGateway({ id: "sandbox-2" }).id).toBe("sandbox-2");
    expect(createSandboxGateway().id).toBe("sandbox");
  });
});

describe("sandbox latency", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("delays every gateway call by latencyMs", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    const { gateway } = setup({ latencyMs: 250 });
    let answered = false;
    const lookup = gateway
      .getPayment(paymentReferenceFor({ idempotencyKey: "pay_nobody" }))
      .then((result) => {
        answered = true;
        return result;
      });
    await vi.advanceTimersByTimeAsync(249);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(answered).toBe(true);
    expect(await lookup).toBeNull();
  });

  it("answers at once without it", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    const { gateway } = setup();
    let answered = false;
    void gateway.getPayment(paymentReferenceFor({ idempotencyKey: "pay_nobody" })).then(() => {
      answered = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(answered).toBe(true);
  });
});
