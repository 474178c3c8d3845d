import { createManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { callbackBodySchema, orderSchema } from "../../pagolivre-protocol";
import { type LoopbackCallbackReceiver, startLoopbackCallbackReceiver } from "./loopback-callback-receiver";
import { type PagoLivreMock, startPagoLivreMock } from "./pagolivre-mock";
import { call, createOrder, lookupPath } from "./pagolivre-test-session";

// After the first payment PagoLivre charges the card each month and reports each charge
// confirmed or denied (the BEMP integration). How it does so is unpublished: the mock's model
// (assumed) is the order's `installments` detail and `installment.*` callbacks.
describe("the mock PagoLivre's monthly charges", () => {
  const clock = createManualClock("2026-01-15T12:00:00.000Z");
  let mock: PagoLivreMock | undefined;
  let receiver: LoopbackCallbackReceiver | undefined;
  afterEach(async () => {
    await mock?.close();
    await receiver?.close();
    mock = undefined;
    receiver = undefined;
  });

  async function paidOrder() {
    receiver = await startLoopbackCallbackReceiver();
    mock = await startPagoLivreMock({ clock, retryDelaysMs: [5], enforceLookupRateLimit: false });
    const order = await createOrder(mock, {
      amount: 300,
      installments: 3,
      callbackUrl: receiver.callbackUrl,
    });
    mock.pay(order.orderKey);
    return { pagolivre: mock, hook: receiver, order };
  }
  const events = (hook: LoopbackCallbackReceiver) =>
    hook.received().map((callback) => callbackBodySchema.parse(JSON.parse(callback.rawBody)));

  it("pays monthly charge 1 on the hosted page's payment", async () => {
    const { pagolivre } = await paidOrder();
    const [record] = pagolivre.records().orders;
    expect(record?.installments.map((charge) => [charge.number, charge.status, charge.paidAt])).toEqual([
      [1, "paid", "2026-01-15T12:00:00.000Z"],
      [2, "scheduled", undefined],
      [3, "scheduled", undefined],
    ]);
    expect(record?.collected).toEqual({ amount: 10000, currency: "BRL" });
  });

  it("records a paid monthly charge and notifies installment.paid with its installmentNumber", async () => {
    const { pagolivre, hook, order } = await paidOrder();
    clock.set("2026-02-15T09:00:00.000Z");
    pagolivre.chargeMonth(order.orderKey, 2, "paid");
    await pagolivre.notificationsSettled();
    expect(events(hook)).toEqual([
      { eventName: "order.paid", orderKey: order.orderKey, orderId: order.id },
      { eventName: "installment.paid", orderKey: order.orderKey, orderId: order.id, installmentNumber: 2 },
    ]);
    const found = orderSchema.parse((await call(pagolivre, "GET", lookupPath(order.orderKey))).json);
    expect(found.status).toBe("paid");
    expect(found.installments?.[1]).toEqual({
      number: 2,
      dueDate: "2026-02-15",
      amount: 100,
      status: "paid",
      attempt: 1,
      paidAt: "2026-02-15T09:00:00.000Z",
    });
    expect(pagolivre.records().orders[0]?.collected).toEqual({ amount: 20000, currency: "BRL" });
  });

  it("records a declined monthly charge with its reason, notifies installment.declined, the order staying paid", async () => {
    const { pagolivre, hook, order } = await paidOrder();
    pagolivre.chargeMonth(order.id, 3, "declined", "Cartão vencido");
    await pagolivre.notificationsSettled();
    expect(events(hook).at(-1)).toEqual({
      eventName: "installment.declined",
      orderKey: order.orderKey,
      orderId: order.id,
      installmentNumber: 3,
    });
    const [record] = pagolivre.records().orders;
    expect(record?.status).toBe("paid");
    expect(record?.installments[2]).toMatchObject({
      status: "declined",
      attempt: 1,
      decliningReason: "Cartão vencido",
    });
  });

  it("tries a declined monthly charge again as its next attempt", async () => {
    const { pagolivre, order } = await paidOrder();
    pagolivre.chargeMonth(order.id, 2, "declined");
    pagolivre.chargeMonth(order.id, 2, "paid");
    const charge = pagolivre.records().orders[0]?.installments[1];
    expect(charge).toMatchObject({ status: "paid", attempt: 2 });
    expect(charge?.decliningReason).toBeUndefined();
  });

  it("refuses a monthly charge that cannot happen: the first, one past the last, a paid one, an unpaid order's", async () => {
    const { pagolivre, order } = await paidOrder();
    expect(() => pagolivre.chargeMonth(order.id, 1, "paid")).toThrow(/no monthly charge 1/);
    expect(() => pagolivre.chargeMonth(order.id, 4, "paid")).toThrow(/no monthly charge 4/);
    pagolivre.chargeMonth(order.id, 2, "paid");
    expect(() => pagolivre.chargeMonth(order.id, 2, "paid")).toThrow(/is paid/);
    const unpaid = await createOrder(pagolivre);
    expect(() => pagolivre.chargeMonth(unpaid.id, 2, "paid")).toThrow(/not paid/);
    expect(() => pagolivre.pay("no-such-order")).toThrow(/no order/);
  });
});
