import { randomUUID } from "node:crypto";
import { createManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { orderSchema } from "../../pagolivre-protocol";
import { type PagoLivreMock, startPagoLivreMock } from "./pagolivre-mock";
import { call, lookupPath, orderBody } from "./pagolivre-test-session";

// The same orderKey twice: PagoLivre's docs promise the existing order back (and an error
// for another requestId); its sandbox made another payable order every time. The mock does
// either, by `behaviour`.
describe("the mock PagoLivre's repeated orderKey", () => {
  const clock = createManualClock("2026-01-15T12:00:00.000Z");
  let mock: PagoLivreMock | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });

  it("documented (the default): the same orderKey and requestId answer the existing order, 200, making nothing", async () => {
    mock = await startPagoLivreMock({ clock });
    const body = orderBody();
    const first = await call(mock, "POST", "/orders", body);
    const again = await call(mock, "POST", "/orders", body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(orderSchema.parse(again.json)).toEqual(orderSchema.parse(first.json));
    expect(mock.records().orders).toHaveLength(1);
  });

  it("documented: the same orderKey with another requestId is refused (409) and makes nothing", async () => {
    mock = await startPagoLivreMock({ clock, behaviour: "documented" });
    const body = orderBody();
    await call(mock, "POST", "/orders", body);
    const other = await call(mock, "POST", "/orders", { ...body, requestId: randomUUID() });
    expect(other.status).toBe(409);
    expect(other.json).toEqual({ errors: [{ field: "requestId", message: expect.any(String) }] });
    expect(mock.records().orders).toHaveLength(1);
  });

  it("observed: every create makes another payable order with its own link; lookup answers the latest", async () => {
    mock = await startPagoLivreMock({ clock, behaviour: "observed", enforceLookupRateLimit: false });
    const body = orderBody();
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await call(mock, "POST", "/orders", body));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    const orders = answers.map((answer) => orderSchema.parse(answer.json));
    expect(new Set(orders.map((order) => order.id)).size).toBe(3);
    expect(new Set(orders.map((order) => order.paymentUrl)).size).toBe(3);
    expect(mock.records().orders.map((order) => [order.orderKey, order.status])).toEqual([
      [body.orderKey, "created"],
      [body.orderKey, "created"],
      [body.orderKey, "created"],
    ]);
    const found = orderSchema.parse((await call(mock, "GET", lookupPath(body.orderKey))).json);
    expect(found.id).toBe(orders[2]?.id);
    // Each is payable: the payer may pay two links for one sale.
    mock.pay(orders[0]?.id ?? "");
    mock.pay(orders[1]?.id ?? "");
    expect(mock.records().orders.map((order) => order.status)).toEqual(["paid", "paid", "created"]);
  });
});
