import { type CreatePaymentRequest, isTesseraError, type WebhookInput } from "@tessera/core";
import { createManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createPagoLivreGateway } from "./pagolivre-gateway";
import {
  type LoopbackCallbackReceiver,
  type PagoLivreMock,
  startLoopbackCallbackReceiver,
  startPagoLivreMock,
} from "./testing";

let mock: PagoLivreMock | null = null;
let receiver: LoopbackCallbackReceiver | null = null;
afterEach(async () => {
  await mock?.close();
  await receiver?.close();
  mock = null;
  receiver = null;
});

async function setUp(options: { token?: string } = {}) {
  const clock = createManualClock("2026-03-10T15:00:00.000Z");
  mock = await startPagoLivreMock({ clock, retryDelaysMs: [10, 20], createHoldMs: 400 });
  receiver = await startLoopbackCallbackReceiver();
  const gateway = createPagoLivreGateway({
    sandbox: true,
    token: options.token ?? mock.token,
    baseUrl: mock.baseUrl,
    userAgent: "Tessera tests",
    clock,
    timeoutMs: 200,
    webhookUrl: receiver.callbackUrl,
  });
  let seen = 0;
  const callbacks = async (): Promise<WebhookInput[]> => {
    await mock?.notificationsSettled();
    const all = receiver?.received() ?? [];
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh.map((callback) => ({
      headers: callback.headers,
      rawBody: callback.rawBody,
      url: callback.url,
    }));
  };
  /** Past PagoLivre's five seconds before a first lookup, and its one a second after. */
  const wait = (ms = 6_000) => void clock.advance(ms);
  return { clock, mock, gateway, callbacks, wait };
}

function sale(overrides: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  return {
    idempotencyKey: crypto.randomUUID(),
    amount: { amount: 15_990, currency: "BRL" },
    method: "payment_link",
    description: "Anual em 3 parcelas",
    payer: {
      name: "Ana Souza",
      email: "ana@example.com",
      phone: "+55 11 98765-4321",
      document: { kind: "cpf", value: "52998224725" },
      address: null,
    },
    returnUrl: "https://studio.example/obrigado",
    recurrence: {
      interval: { unit: "month", count: 1 },
      charges: 3,
      amount: { amount: 15_990, currency: "BRL" },
      secondChargeOn: "2026-04-10",
    },
    ...overrides,
  };
}

const lookupOf = (request: CreatePaymentRequest, providerReference: string | null) => ({
  idempotencyKey: request.idempotencyKey,
  providerReference,
  method: request.method,
  amount: request.amount,
  createdAt: "2026-03-10T15:00:00.000Z",
});

describe("the PagoLivre gateway on a loopback PagoLivre", () => {
  it("sells N monthly charges as one link sent to the payer's CPF and mobile, with our token on the callback URL", async () => {
    const { gateway, mock, wait } = await setUp();
    const request = sale();
    const created = await gateway.createPayment(request);
    expect(created).toMatchObject({
      status: "pending",
      amount: { amount: 15_990 },
      action: { type: "redirect" },
    });
    if (created.status !== "pending") return;
    const [order] = mock.records().orders;
    expect(order).toMatchObject({
      orderKey: request.idempotencyKey,
      amount: { amount: 3 * 15_990 },
      guests: [{ cpf: "52998224725", mobileNumber: "11987654321" }],
      installments: [{ number: 1 }, { number: 2 }, { number: 3 }],
    });
    expect(created.action.type === "redirect" && created.action.url).toBe(order?.paymentUrl);
    expect(new URL(order?.callbackUrl ?? "").searchParams.get("accessToken")).toBe(mock.token);
    expect(created.recurrenceReference).toBe(order?.id);
    // Within PagoLivre's first five seconds a lookup is refused: unavailable, never "never received".
    const early = await gateway.getPayment(lookupOf(request, null)).catch((error: unknown) => error);
    expect(isTesseraError(early, "gateway_unavailable")).toBe(true);
    wait();
    expect((await gateway.getPayment(lookupOf(request, null)))?.status).toBe("pending");
    wait();
    expect(await gateway.getPayment(lookupOf(sale(), null)), "a key PagoLivre never received").toBeNull();
  });

  it("refuses a payer without CPF or mobile before asking PagoLivre", async () => {
    const { gateway, mock } = await setUp();
    for (const payer of [
      { ...sale().payer, phone: null },
      { ...sale().payer, document: null },
    ]) {
      const error = await gateway.createPayment(sale({ payer })).catch((caught: unknown) => caught);
      expect(isTesseraError(error, "gateway_invalid_request")).toBe(true);
    }
    expect(mock.requests()).toEqual([]);
  });

  it("reports the first payment and each monthly charge from callbacks confirmed by lookup, repeats keeping their event ids", async () => {
    const { gateway, mock, callbacks, wait } = await setUp();
    const request = sale();
    const created = await gateway.createPayment(request);
    const orderId = created.status === "pending" ? created.providerReference : "";
    wait();
    mock.pay(orderId);
    const paid = await callbacks();
    wait();
    const first = await gateway.parseWebhook(paid[0]!);
    expect(first).toMatchObject({
      authentic: true,
      events: [
        {
          idempotencyKey: request.idempotencyKey,
          payment: { status: "succeeded", providerReference: orderId },
        },
      ],
    });

    const news = async () => {
      const parsed = [];
      for (const callback of await callbacks()) {
        wait(1_100);
        const result = await gateway.parseWebhook(callback);
        if (result.authentic) parsed.push(...result.events.filter((event) => event.recurrenceCharge));
      }
      return parsed;
    };
    // A declined month is not tried again (assumed): it stays declined, the next goes on.
    mock.chargeMonth(orderId, 2, "declined");
    const declined = await news();
    mock.chargeMonth(orderId, 3, "paid");
    const last = await news();
    const monthly = [...declined, ...last];
    expect(monthly.map((event) => [event.recurrenceCharge, event.payment.status])).toEqual([
      [{ recurrenceReference: orderId, sequence: 2, attempt: 1, recurrenceEnded: false }, "declined"],
      [{ recurrenceReference: orderId, sequence: 3, attempt: 1, recurrenceEnded: true }, "succeeded"],
    ]);
    // Each monthly charge is its own payment, never matched by our key (charge 1's).
    expect(monthly.every((event) => event.idempotencyKey === null)).toBe(true);
    expect(new Set(monthly.map((event) => event.payment.providerReference)).size).toBe(2);
    wait(1_100);
    expect(
      await gateway.getPayment(lookupOf(request, monthly[1]?.payment.providerReference ?? "")),
    ).toMatchObject({
      status: "succeeded",
      amount: { amount: 15_990 },
    });

    // A callback delivered again (PagoLivre repeats) gives the same event ids: the inbox drops it.
    wait(1_100);
    const again = await gateway.parseWebhook(paid[0]!);
    const ids = (result: typeof again) =>
      result.authentic ? result.events.map((event) => event.providerEventId) : [];
    wait(1_100);
    expect(ids(again)).toEqual(ids(await gateway.parseWebhook(paid[0]!)));
  });
  it("ends the recurrence on the last month, declined too, and never on a late callback about an earlier one", async () => {
    const { gateway, mock, callbacks, wait } = await setUp();
    const created = await gateway.createPayment(sale());
    const orderId = created.status === "pending" ? created.providerReference : "";
    wait();
    mock.pay(orderId);
    mock.chargeMonth(orderId, 2, "paid");
    mock.chargeMonth(orderId, 3, "declined");
    // Read only now, after month 3: month 2's callback is late, yet it ended nothing.
    const monthly = [];
    for (const callback of await callbacks()) {
      wait(1_100);
      const parsed = await gateway.parseWebhook(callback);
      if (parsed.authentic) monthly.push(...parsed.events.filter((event) => event.recurrenceCharge));
    }
    expect(monthly.map((event) => [event.recurrenceCharge, event.payment.status])).toEqual([
      [{ recurrenceReference: orderId, sequence: 2, attempt: 1, recurrenceEnded: false }, "succeeded"],
      [{ recurrenceReference: orderId, sequence: 3, attempt: 1, recurrenceEnded: true }, "declined"],
    ]);
  });

  it("refuses a callback without our token, or with another, and changes nothing", async () => {
    const { gateway, mock, callbacks, wait } = await setUp();
    const created = await gateway.createPayment(sale());
    wait();
    mock.pay(created.status === "pending" ? created.providerReference : "");
    const [callback] = await callbacks();
    const url = new URL(callback!.url ?? "", "http://x.invalid");
    url.searchParams.set("accessToken", "not-the-token");
    expect(await gateway.parseWebhook({ ...callback!, url: `${url.pathname}${url.search}` })).toMatchObject({
      authentic: false,
    });
    url.searchParams.delete("accessToken");
    expect(await gateway.parseWebhook({ ...callback!, url: `${url.pathname}${url.search}` })).toMatchObject({
      authentic: false,
    });
  });

  it("cancels an unpaid link, and answers a cancel of a paid one with the payment as it stands", async () => {
    const { gateway, mock, wait } = await setUp();
    const unpaid = sale();
    const first = await gateway.createPayment(unpaid);
    wait();
    expect(
      await gateway.cancel?.(lookupOf(unpaid, first.status === "pending" ? first.providerReference : null)),
    ).toMatchObject({
      status: "canceled",
      reason: "by_us",
    });
    const paid = sale();
    const second = await gateway.createPayment(paid);
    const orderId = second.status === "pending" ? second.providerReference : "";
    wait();
    mock.pay(orderId);
    expect(await gateway.cancel?.(lookupOf(paid, orderId))).toMatchObject({ status: "succeeded" });
    expect(mock.records().orders.map((order) => order.status)).toEqual(["canceled", "paid"]);
  });

  it("refunds part of a paid charge under our refund key, finds it again by that key, and refuses more than is left", async () => {
    const { gateway, mock, wait } = await setUp();
    const request = sale();
    const created = await gateway.createPayment(request);
    const orderId = created.status === "pending" ? created.providerReference : "";
    wait();
    mock.pay(orderId);
    wait();
    const refundKey = "ref_01JQ0000000000000000000001";
    const refund = {
      refundKey,
      providerReference: orderId,
      paymentIdempotencyKey: request.idempotencyKey,
      amount: { amount: 5_000, currency: "BRL" },
    };
    expect(await gateway.refund(refund)).toMatchObject({ status: "pending" });
    const reference = {
      refundKey,
      providerRefundReference: null,
      payment: lookupOf(request, orderId),
      amount: refund.amount,
      createdAt: "2026-03-10T15:00:00.000Z",
    };
    wait();
    expect(await gateway.getRefund(reference)).toMatchObject({ status: "pending" });
    mock.settleRefunds();
    wait();
    expect(await gateway.getRefund(reference)).toMatchObject({ status: "succeeded" });
    wait();
    expect(
      await gateway.getRefund({ ...reference, refundKey: "ref_01JQ0000000000000000000002" }),
      "a refund never sent",
    ).toBeNull();
    wait();
    const over = await gateway
      .refund({
        ...refund,
        refundKey: "ref_01JQ0000000000000000000003",
        amount: { amount: 20_000, currency: "BRL" },
      })
      .catch((error: unknown) => error);
    expect(isTesseraError(over, "gateway_invalid_request")).toBe(true);
    expect(mock.records().orders[0]?.refunded.amount).toBe(5_000);
  });

  it("stops the later monthly charges without refunding the paid ones, and says already_ended when asked again", async () => {
    const { gateway, mock, wait } = await setUp();
    const request = sale();
    const created = await gateway.createPayment(request);
    const orderId = created.status === "pending" ? created.providerReference : "";
    wait();
    mock.pay(orderId);
    wait();
    const reference = { recurrenceReference: orderId, firstPayment: lookupOf(request, orderId) };
    expect(await gateway.deactivateRecurrence?.(reference)).toMatchObject({ status: "deactivated" });
    wait();
    expect(await gateway.deactivateRecurrence?.(reference)).toMatchObject({ status: "already_ended" });
    const [order] = mock.records().orders;
    expect(order?.status).toBe("paid");
    expect(order?.refunded.amount).toBe(0);
    expect(order?.installments.map((charge) => charge.status)).toEqual(["paid", "canceled", "canceled"]);
  });

  it("reports a create whose answer was lost as unknown, and a refused token as gateway_authentication", async () => {
    const { gateway, mock, wait } = await setUp();
    mock.timeoutNextCreate("after_charge");
    const request = sale();
    expect((await gateway.createPayment(request)).status).toBe("unknown");
    wait();
    expect((await gateway.getPayment(lookupOf(request, null)))?.status, "recovery finds it by our key").toBe(
      "pending",
    );
    const wrong = createPagoLivreGateway({
      sandbox: true,
      token: "someone-elses-token",
      baseUrl: mock.baseUrl,
      userAgent: "t",
      webhookUrl: "http://127.0.0.1:1/hooks",
    });
    const error = await wrong.createPayment(sale()).catch((caught: unknown) => caught);
    expect(isTesseraError(error, "gateway_authentication")).toBe(true);
  });
});
