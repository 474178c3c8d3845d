import { createManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type PagoLivreMock, startPagoLivreMock } from "./pagolivre-mock";
import type { PagoLivreMockOptions } from "./pagolivre-mock-options";
import { call, lookupPath, orderBody } from "./pagolivre-test-session";

// The faults a gateway must survive: a 429 and a create that times out — after the order was
// made (recovery finds it by orderKey) or before PagoLivre read it (nothing to find).
describe("the mock PagoLivre's faults", () => {
  const clock = createManualClock("2026-01-15T12:00:00.000Z");
  let mock: PagoLivreMock | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });
  async function start(options: PagoLivreMockOptions = {}) {
    mock = await startPagoLivreMock({ clock, retryDelaysMs: [], enforceLookupRateLimit: false, ...options });
    return mock;
  }
  const ordersKeyed = (pagolivre: PagoLivreMock, orderKey: string) =>
    pagolivre.records().orders.filter((order) => order.orderKey === orderKey);

  it("answers 429 with Retry-After: 1 to the next requests, doing nothing, then serves again", async () => {
    const pagolivre = await start();
    pagolivre.rateLimitNext(2);
    const body = orderBody();
    const first = await call(pagolivre, "POST", "/orders", body);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    expect((await call(pagolivre, "GET", lookupPath(body.orderKey))).status).toBe(429);
    expect(ordersKeyed(pagolivre, body.orderKey)).toEqual([]);
    expect((await call(pagolivre, "POST", "/orders", body)).status).toBe(201);
  });

  it("after_charge: makes the order and holds the answer past the client's timeout; the order is found by orderKey", async () => {
    const pagolivre = await start();
    pagolivre.timeoutNextCreate("after_charge");
    const body = orderBody();
    await expect(
      call(pagolivre, "POST", "/orders", body, { signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow(/aborted|timeout/i);
    expect(ordersKeyed(pagolivre, body.orderKey)).toHaveLength(1);
    const found = await call(pagolivre, "GET", lookupPath(body.orderKey));
    expect(found.status).toBe(200);
    expect(found.json).toMatchObject({ orderKey: body.orderKey, status: "created" });
  });

  it("after_charge: a client that waits longer sees the connection dropped after createHoldMs", async () => {
    const pagolivre = await start({ createHoldMs: 20 });
    pagolivre.timeoutNextCreate("after_charge");
    const body = orderBody();
    await expect(call(pagolivre, "POST", "/orders", body)).rejects.toThrow();
    expect(ordersKeyed(pagolivre, body.orderKey)).toHaveLength(1);
  });

  it("before_receipt: drops the connection unread and makes nothing; the fault is spent", async () => {
    const pagolivre = await start();
    pagolivre.timeoutNextCreate("before_receipt");
    const body = orderBody();
    await expect(call(pagolivre, "POST", "/orders", body)).rejects.toThrow();
    expect(ordersKeyed(pagolivre, body.orderKey)).toEqual([]);
    expect((await call(pagolivre, "GET", lookupPath(body.orderKey))).status).toBe(204);
    expect((await call(pagolivre, "POST", "/orders", body)).status).toBe(201);
    expect(ordersKeyed(pagolivre, body.orderKey)).toHaveLength(1);
  });

  it("applies timeoutNextCreate to the create only", async () => {
    const pagolivre = await start();
    pagolivre.timeoutNextCreate("before_receipt");
    expect((await call(pagolivre, "GET", lookupPath("any"))).status).toBe(204);
    await expect(call(pagolivre, "POST", "/orders", orderBody())).rejects.toThrow();
  });

  it("closes with a held create still open", async () => {
    const pagolivre = await start();
    pagolivre.timeoutNextCreate("after_charge");
    const pending = call(pagolivre, "POST", "/orders", orderBody()).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await pagolivre.close();
    mock = undefined;
    expect(await pending).toBeInstanceOf(Error);
  });
});
