import { createManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { callbackBodySchema, orderSchema } from "../../pagolivre-protocol";
import { type LoopbackCallbackReceiver, startLoopbackCallbackReceiver } from "./loopback-callback-receiver";
import { type PagoLivreMock, startPagoLivreMock } from "./pagolivre-mock";
import { call, cancelPath, createOrder, lookupPath } from "./pagolivre-test-session";

const events = (hook: LoopbackCallbackReceiver) =>
  hook.received().map((callback) => callbackBodySchema.parse(JSON.parse(callback.rawBody)));

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

  it("never tries a declined monthly charge again (assumed): it stays declined, its first attempt", async () => {
    const { pagolivre, order } = await paidOrder();
    pagolivre.chargeMonth(order.id, 2, "declined");
    expect(() => pagolivre.chargeMonth(order.id, 2, "paid")).toThrow(/does not try a declined month again/);
    expect(pagolivre.records().orders[0]?.installments[1]).toMatchObject({ status: "declined", attempt: 1 });
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

// PagoLivre charges each month by itself; the mock does so when told the clock moved
// (`runDueCharges`): on each charge's day, n − 1 months after the order's creation day in
// São Paulo (assumed), on the card the payer gave.
describe("the mock PagoLivre's monthly charges as time passes", () => {
  let mock: PagoLivreMock | undefined;
  let receiver: LoopbackCallbackReceiver | undefined;
  afterEach(async () => {
    await mock?.close();
    await receiver?.close();
    mock = undefined;
    receiver = undefined;
  });

  // 02:30 UTC on the 31st is still the 30th in São Paulo: the days follow São Paulo's.
  async function orderOfThree() {
    const clock = createManualClock("2026-01-31T02:30:00.000Z");
    receiver = await startLoopbackCallbackReceiver();
    mock = await startPagoLivreMock({ clock, retryDelaysMs: [5], enforceLookupRateLimit: false });
    const order = await createOrder(mock, {
      amount: 300,
      installments: 3,
      callbackUrl: receiver.callbackUrl,
    });
    return { clock, pagolivre: mock, hook: receiver, order };
  }
  const monthsOf = (pagolivre: PagoLivreMock) =>
    pagolivre.records().orders[0]?.installments.map((charge) => [charge.dueDate, charge.status]);

  it("makes each monthly charge once its São Paulo day has come, never before, with its callback", async () => {
    const { clock, pagolivre, hook, order } = await orderOfThree();
    pagolivre.pay(order.id);
    clock.set("2026-02-28T02:59:00.000Z");
    pagolivre.runDueCharges();
    expect(monthsOf(pagolivre), "still Feb 27 in São Paulo").toEqual([
      ["2026-01-30", "paid"],
      ["2026-02-28", "scheduled"],
      ["2026-03-30", "scheduled"],
    ]);
    clock.set("2026-02-28T03:00:00.000Z");
    pagolivre.runDueCharges();
    pagolivre.runDueCharges();
    expect(monthsOf(pagolivre)?.[1], "Feb 28 has come, and the charge is made once").toEqual([
      "2026-02-28",
      "paid",
    ]);
    clock.set("2026-06-01T12:00:00.000Z");
    pagolivre.runDueCharges();
    await pagolivre.notificationsSettled();
    expect(monthsOf(pagolivre)?.[2]).toEqual(["2026-03-30", "paid"]);
    expect(events(hook).map((event) => [event.eventName, event.installmentNumber])).toEqual([
      ["order.paid", undefined],
      ["installment.paid", 2],
      ["installment.paid", 3],
    ]);
  });

  it("declines every monthly charge of a card that declines them, once each, and goes on to the next month", async () => {
    const { clock, pagolivre, order } = await orderOfThree();
    pagolivre.pay(order.id, { laterCharges: "declined" });
    clock.set("2026-05-01T12:00:00.000Z");
    pagolivre.runDueCharges();
    const [record] = pagolivre.records().orders;
    expect(record?.installments.map((charge) => [charge.status, charge.attempt])).toEqual([
      ["paid", 1],
      ["declined", 1],
      ["declined", 1],
    ]);
    expect(record?.status, "the order stays paid").toBe("paid");
    expect(record?.collected).toEqual({ amount: 10000, currency: "BRL" });
  });

  it("charges no month of an order unpaid, or whose later months were stopped", async () => {
    const { clock, pagolivre, order: unpaid } = await orderOfThree();
    clock.set("2026-05-01T12:00:00.000Z");
    pagolivre.runDueCharges();
    const [expired] = pagolivre.records().orders;
    expect(expired?.id).toBe(unpaid.id);
    expect(
      expired?.installments.map((charge) => charge.status),
      "the link expired unpaid",
    ).toEqual(["canceled", "canceled", "canceled"]);
    const stopped = await createOrder(pagolivre, { amount: 300, installments: 3 });
    pagolivre.pay(stopped.id);
    const cancel = {
      cancellationRequestId: crypto.randomUUID(),
      reason: "Contrato cancelado",
      refund: false,
    };
    expect((await call(pagolivre, "POST", cancelPath(stopped.id), cancel)).status).toBe(200);
    clock.set("2026-09-01T12:00:00.000Z");
    pagolivre.runDueCharges();
    expect(pagolivre.records().orders[1]?.installments.map((charge) => charge.status)).toEqual([
      "paid",
      "canceled",
      "canceled",
    ]);
  });
});
