import { createManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { callbackBodySchema, pagolivreProtocol } from "../../pagolivre-protocol";
import { type LoopbackCallbackReceiver, startLoopbackCallbackReceiver } from "./loopback-callback-receiver";
import { type PagoLivreMock, startPagoLivreMock } from "./pagolivre-mock";
import { pagolivreRetryDelaysMs } from "./pagolivre-mock-options";
import { createOrder } from "./pagolivre-test-session";

// PagoLivre posts {eventName, orderKey, orderId} to the order's callbackUrl with the merchant
// token as ?accessToken=, and tries again after anything but a 2xx; repeats and disorder happen.
describe("the mock PagoLivre's callbacks", () => {
  const clock = createManualClock("2026-01-15T12:00:00.000Z");
  let mock: PagoLivreMock | undefined;
  let receiver: LoopbackCallbackReceiver | undefined;
  afterEach(async () => {
    await mock?.close();
    await receiver?.close();
    mock = undefined;
    receiver = undefined;
  });

  async function start(statuses: number[] = [], retryDelaysMs = [5, 5, 5]) {
    receiver = await startLoopbackCallbackReceiver({ statuses });
    mock = await startPagoLivreMock({ clock, retryDelaysMs });
    const order = await createOrder(mock, { callbackUrl: receiver.callbackUrl });
    return { pagolivre: mock, hook: receiver, order };
  }
  const events = (hook: LoopbackCallbackReceiver) =>
    hook.received().map((callback) => callbackBodySchema.parse(JSON.parse(callback.rawBody)));

  it("posts order.paid as JSON to the callbackUrl with ?accessToken=<the merchant's token> once paid", async () => {
    const { pagolivre, hook, order } = await start();
    pagolivre.pay(order.orderKey);
    await pagolivre.notificationsSettled();
    const [callback] = hook.received();
    expect(callback?.method).toBe("POST");
    expect(callback?.headers["content-type"]).toBe("application/json");
    const url = new URL(callback?.url ?? "", "http://127.0.0.1");
    expect(url.pathname).toBe("/hooks/pagolivre");
    expect(url.searchParams.get(pagolivreProtocol.callback.tokenParameter)).toBe(pagolivre.token);
    expect(events(hook)).toEqual([{ eventName: "order.paid", orderKey: order.orderKey, orderId: order.id }]);
    expect(pagolivre.deliveries()).toEqual([
      expect.objectContaining({ attempt: 1, status: 200, url: expect.stringContaining("accessToken=") }),
    ]);
  });

  it("posts order.declined and order.expired for the hosted page's decline and an expired link", async () => {
    const { pagolivre, hook, order } = await start();
    const other = await createOrder(pagolivre, { callbackUrl: hook.callbackUrl });
    pagolivre.decline(order.id, "Saldo insuficiente");
    pagolivre.expire(other.orderKey);
    await pagolivre.notificationsSettled();
    expect(events(hook).map((event) => [event.eventName, event.orderId])).toEqual([
      ["order.declined", order.id],
      ["order.expired", other.id],
    ]);
    expect(pagolivre.records().orders.map((record) => [record.status, record.decliningReason])).toEqual([
      ["declined", "Saldo insuficiente"],
      ["expired", null],
    ]);
  });

  it("retries a callback answered non-2xx until a 2xx", async () => {
    const { pagolivre, hook, order } = await start([500, 503]);
    pagolivre.pay(order.id);
    await pagolivre.notificationsSettled();
    expect(pagolivre.deliveries().map((delivery) => [delivery.attempt, delivery.status])).toEqual([
      [1, 500],
      [2, 503],
      [3, 200],
    ]);
    expect(hook.received()).toHaveLength(3);
  });

  it("retries while the receiver is unreachable (failNextCallbacks), then delivers", async () => {
    const { pagolivre, hook, order } = await start();
    pagolivre.failNextCallbacks(2);
    pagolivre.pay(order.id);
    await pagolivre.notificationsSettled();
    expect(pagolivre.deliveries().map((delivery) => [delivery.attempt, delivery.status])).toEqual([
      [1, null],
      [2, null],
      [3, 200],
    ]);
    expect(hook.received()).toHaveLength(1);
  });

  it("gives up after its retries are spent (PagoLivre's: 10, 5 minutes apart)", async () => {
    expect(pagolivreRetryDelaysMs).toEqual(Array.from({ length: 10 }, () => 300_000));
    const { pagolivre, hook, order } = await start([500, 500, 500], [5, 5]);
    pagolivre.pay(order.id);
    await pagolivre.notificationsSettled();
    expect(pagolivre.deliveries().map((delivery) => delivery.status)).toEqual([500, 500, 500]);
    expect(hook.received()).toHaveLength(3);
  });

  it("sends the next callback twice after repeatNextCallback", async () => {
    const { pagolivre, hook, order } = await start();
    pagolivre.repeatNextCallback();
    pagolivre.pay(order.id);
    await pagolivre.notificationsSettled();
    expect(events(hook).map((event) => event.eventName)).toEqual(["order.paid", "order.paid"]);
  });

  it("delivers the next callback after the one that follows it with deliverOutOfOrder", async () => {
    const { pagolivre, hook, order } = await start();
    pagolivre.deliverOutOfOrder();
    pagolivre.pay(order.id);
    pagolivre.chargeMonth(order.id, 2, "paid");
    await pagolivre.notificationsSettled();
    expect(events(hook).map((event) => event.eventName)).toEqual(["installment.paid", "order.paid"]);
  });

  it("still delivers a callback held for disorder when none follows it", async () => {
    const { pagolivre, hook, order } = await start();
    pagolivre.deliverOutOfOrder();
    pagolivre.pay(order.id);
    await pagolivre.notificationsSettled();
    expect(events(hook).map((event) => event.eventName)).toEqual(["order.paid"]);
  });

  it("never posts beyond this machine: a callbackUrl off loopback is recorded as not sent", async () => {
    mock = await startPagoLivreMock({ clock, retryDelaysMs: [] });
    const order = await createOrder(mock, { callbackUrl: "https://estudio.example/hooks" });
    mock.pay(order.id);
    await mock.notificationsSettled();
    expect(mock.deliveries()).toEqual([
      expect.objectContaining({ status: null, error: expect.stringContaining("not sent") }),
    ]);
  });
});
