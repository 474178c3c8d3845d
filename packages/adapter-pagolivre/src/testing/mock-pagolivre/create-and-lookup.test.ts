import { createManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { orderSchema, pagolivreProtocol } from "../../pagolivre-protocol";
import { type PagoLivreMock, startPagoLivreMock } from "./pagolivre-mock";
import type { PagoLivreMockOptions } from "./pagolivre-mock-options";
import { call, createOrder, lookupPath, orderBody } from "./pagolivre-test-session";

// POST /orders makes an order and its link, charging nobody; GET /orders/byOrderKey finds it
// by our key (204 when unknown), no sooner than 5 s after creation, at most once a second.
describe("the mock PagoLivre's orders: create and lookup", () => {
  const clock = createManualClock("2026-01-15T12:00:00.000Z");
  let mock: PagoLivreMock | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });
  async function start(options: PagoLivreMockOptions = {}): Promise<PagoLivreMock> {
    mock = await startPagoLivreMock({ clock, retryDelaysMs: [5], ...options });
    return mock;
  }

  it("creates an order: 201, status created, a paymentUrl on its hosted page, charging nobody", async () => {
    const pagolivre = await start();
    const body = orderBody({ amount: 100, installments: 3 });
    const answer = await call(pagolivre, "POST", "/orders", body);
    expect(answer.status).toBe(201);
    const order = orderSchema.parse(answer.json);
    expect(order).toMatchObject({
      orderKey: body.orderKey,
      status: "created",
      paymentUrl: `${pagolivre.origin}/pay/${order.id}`,
      expirationDate: "2026-01-17T12:00:00.000Z",
      decliningReason: null,
      amount: 100,
      refunds: [],
    });
    // The monthly charges split the whole, the leftover centavo on the first, due a month apart.
    expect(order.installments).toEqual([
      { number: 1, dueDate: "2026-01-15", amount: 33.34, status: "scheduled", attempt: 1 },
      { number: 2, dueDate: "2026-02-15", amount: 33.33, status: "scheduled", attempt: 1 },
      { number: 3, dueDate: "2026-03-15", amount: 33.33, status: "scheduled", attempt: 1 },
    ]);
    expect(pagolivre.records().orders).toEqual([
      expect.objectContaining({
        id: order.id,
        orderKey: body.orderKey,
        requestId: body.requestId,
        status: "created",
        amount: { amount: 10000, currency: "BRL" },
        collected: { amount: 0, currency: "BRL" },
        guests: body.orderGuests,
        receivingOptionType: "creditCard",
      }),
    ]);
  });

  it("keeps the decimal reais of the wire as integer centavos in its books", async () => {
    const pagolivre = await start();
    await createOrder(pagolivre, { amount: 1234.56, installments: 1 });
    const [record] = pagolivre.records().orders;
    expect(record?.amount).toEqual({ amount: 123456, currency: "BRL" });
    expect(record?.installments[0]?.amount).toEqual({ amount: 123456, currency: "BRL" });
  });

  it("answers 204 with no body for an unknown orderKey", async () => {
    const pagolivre = await start();
    const answer = await call(pagolivre, "GET", lookupPath("no-such-key"));
    expect(answer.status).toBe(204);
    expect(answer.text).toBe("");
  });

  it("answers 429 with Retry-After to a lookup sooner than 5 s after creation, then the order", async () => {
    const pagolivre = await start();
    const order = await createOrder(pagolivre);
    const early = await call(pagolivre, "GET", lookupPath(order.orderKey));
    expect(early.status).toBe(429);
    expect(early.headers.get("retry-after")).toBe("5");
    clock.advance(3_500);
    expect((await call(pagolivre, "GET", lookupPath(order.orderKey))).headers.get("retry-after")).toBe("2");
    clock.advance(1_500);
    const found = await call(pagolivre, "GET", lookupPath(order.orderKey));
    expect(found.status).toBe(200);
    expect(orderSchema.parse(found.json)).toEqual(order);
  });

  it("answers 429 to a second lookup of one order within a second; another order is not limited by it", async () => {
    const pagolivre = await start();
    const first = await createOrder(pagolivre);
    const second = await createOrder(pagolivre);
    clock.advance(pagolivreProtocol.lookup.firstAfterCreateMs);
    expect((await call(pagolivre, "GET", lookupPath(first.orderKey))).status).toBe(200);
    clock.advance(999);
    const again = await call(pagolivre, "GET", lookupPath(first.orderKey));
    expect(again.status).toBe(429);
    expect(again.headers.get("retry-after")).toBe("1");
    expect((await call(pagolivre, "GET", lookupPath(second.orderKey))).status).toBe(200);
    clock.advance(1);
    expect((await call(pagolivre, "GET", lookupPath(first.orderKey))).status).toBe(200);
  });

  it("serves lookups at once with enforceLookupRateLimit: false", async () => {
    const pagolivre = await start({ enforceLookupRateLimit: false });
    const order = await createOrder(pagolivre);
    expect((await call(pagolivre, "GET", lookupPath(order.orderKey))).status).toBe(200);
    expect((await call(pagolivre, "GET", lookupPath(order.orderKey))).status).toBe(200);
  });

  it("expires an unpaid order once the clock passes its expirationDate", async () => {
    const pagolivre = await start({ orderLifetimeMs: 60_000, enforceLookupRateLimit: false });
    const order = await createOrder(pagolivre);
    clock.advance(60_000);
    const found = orderSchema.parse((await call(pagolivre, "GET", lookupPath(order.orderKey))).json);
    expect(found.status).toBe("expired");
    expect(found.installments?.map((charge) => charge.status)).toEqual(["canceled", "canceled", "canceled"]);
    await pagolivre.notificationsSettled();
    // Nobody listens at its callbackUrl: the first try and its one retry.
    expect(pagolivre.deliveries().map((delivery) => [delivery.body.eventName, delivery.attempt])).toEqual([
      ["order.expired", 1],
      ["order.expired", 2],
    ]);
  });
});
