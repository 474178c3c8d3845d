import { randomUUID } from "node:crypto";
import { createManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { orderSchema } from "../../pagolivre-protocol";
import { type PagoLivreMock, startPagoLivreMock } from "./pagolivre-mock";
import { call, cancelPath, createOrder } from "./pagolivre-test-session";

// POST /orders/{id}/cancel {cancellationRequestId, reason, amount?}: an unpaid order is
// canceled (the studio's "cancel the pending attempt"); a paid one is refunded, whole or in
// part (assumed model: `refunds`).
describe("the mock PagoLivre's cancel", () => {
  const clock = createManualClock("2026-01-15T12:00:00.000Z");
  let mock: PagoLivreMock | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });
  async function start() {
    mock = await startPagoLivreMock({ clock, retryDelaysMs: [] });
    return mock;
  }
  const cancel = (pagolivre: PagoLivreMock, id: string, extra: { amount?: number; id?: string } = {}) =>
    call(pagolivre, "POST", cancelPath(id), {
      cancellationRequestId: extra.id ?? randomUUID(),
      reason: "Cliente desistiu",
      ...(extra.amount === undefined ? {} : { amount: extra.amount }),
    });

  it("cancels an unpaid order: 200, status canceled, every monthly charge canceled, order.canceled sent", async () => {
    const pagolivre = await start();
    const order = await createOrder(pagolivre);
    const answer = await cancel(pagolivre, order.id);
    expect(answer.status).toBe(200);
    const canceled = orderSchema.parse(answer.json);
    expect(canceled).toMatchObject({ status: "canceled", cancelingReason: "Cliente desistiu", refunds: [] });
    expect(canceled.installments?.map((charge) => charge.status)).toEqual([
      "canceled",
      "canceled",
      "canceled",
    ]);
    await pagolivre.notificationsSettled();
    expect(pagolivre.deliveries().map((delivery) => delivery.body.eventName)).toEqual(["order.canceled"]);
    expect(() => pagolivre.pay(order.id)).toThrow(/canceled/);
  });

  it("records a partial cancel of a paid order as a pending refund of that amount; the order stays paid", async () => {
    const pagolivre = await start();
    const order = await createOrder(pagolivre, { amount: 300, installments: 3 });
    pagolivre.pay(order.id);
    const requestId = randomUUID();
    const answer = await cancel(pagolivre, order.id, { amount: 40.5, id: requestId });
    expect(answer.status).toBe(200);
    expect(orderSchema.parse(answer.json)).toMatchObject({
      status: "paid",
      refunds: [{ cancellationRequestId: requestId, amount: 40.5, status: "pending" }],
    });
    const [record] = pagolivre.records().orders;
    expect(record?.refunds).toEqual([
      { cancellationRequestId: requestId, amount: { amount: 4050, currency: "BRL" }, status: "pending" },
    ]);
    expect(record?.refunded).toEqual({ amount: 4050, currency: "BRL" });
    expect(record?.installments.map((charge) => charge.status)).toEqual(["paid", "scheduled", "scheduled"]);
    pagolivre.settleRefunds();
    expect(pagolivre.records().orders[0]?.refunds[0]?.status).toBe("refunded");
  });

  it("changes nothing for a cancellationRequestId already acted on", async () => {
    const pagolivre = await start();
    const order = await createOrder(pagolivre);
    pagolivre.pay(order.id);
    const id = randomUUID();
    await cancel(pagolivre, order.id, { amount: 10, id });
    expect((await cancel(pagolivre, order.id, { amount: 10, id })).status).toBe(200);
    expect(pagolivre.records().orders[0]?.refunds).toHaveLength(1);
  });

  it("refuses a refund above what is left to refund (the monthly charges collected so far)", async () => {
    const pagolivre = await start();
    const order = await createOrder(pagolivre, { amount: 300, installments: 3 });
    pagolivre.pay(order.id);
    await cancel(pagolivre, order.id, { amount: 60 });
    const over = await cancel(pagolivre, order.id, { amount: 40.01 });
    expect(over.status).toBe(400);
    expect(over.json).toEqual({ errors: [{ field: "amount", message: expect.stringContaining("40.00") }] });
    expect((await cancel(pagolivre, order.id, { amount: 40 })).status).toBe(200);
  });

  it("cancels a paid order whole without amount: refunds what was collected, stops the charges to come", async () => {
    const pagolivre = await start();
    const order = await createOrder(pagolivre, { amount: 300, installments: 3 });
    pagolivre.pay(order.id);
    pagolivre.chargeMonth(order.id, 2, "paid");
    const canceled = orderSchema.parse((await cancel(pagolivre, order.id)).json);
    expect(canceled.status).toBe("canceled");
    expect(canceled.refunds?.map((refund) => refund.amount)).toEqual([200]);
    expect(canceled.installments?.map((charge) => charge.status)).toEqual(["paid", "paid", "canceled"]);
    await pagolivre.notificationsSettled();
    expect(
      pagolivre
        .deliveries()
        .map((delivery) => delivery.body.eventName)
        .at(-1),
    ).toBe("order.canceled");
  });

  it("refuses a partial cancel of an unpaid order, and any cancel of a declined one", async () => {
    const pagolivre = await start();
    const unpaid = await createOrder(pagolivre);
    expect((await cancel(pagolivre, unpaid.id, { amount: 10 })).status).toBe(400);
    expect(pagolivre.records().orders[0]?.status).toBe("created");
    const declined = await createOrder(pagolivre);
    pagolivre.decline(declined.id);
    const answer = await cancel(pagolivre, declined.id);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      errors: [{ field: "status", message: expect.stringContaining("declined") }],
    });
  });

  it("answers a canceled order canceled again as it is", async () => {
    const pagolivre = await start();
    const order = await createOrder(pagolivre);
    await cancel(pagolivre, order.id);
    const again = await cancel(pagolivre, order.id);
    expect(again.status).toBe(200);
    expect(orderSchema.parse(again.json).status).toBe("canceled");
  });

  it("answers 404 for an unknown order id and 400 for a body without cancellationRequestId", async () => {
    const pagolivre = await start();
    expect((await cancel(pagolivre, randomUUID())).status).toBe(404);
    const order = await createOrder(pagolivre);
    const answer = await call(pagolivre, "POST", cancelPath(order.id), { reason: "x" });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      errors: [{ field: "cancellationRequestId", message: expect.any(String) }],
    });
  });
});
