import { createManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type PagoLivreMock, startPagoLivreMock } from "./pagolivre-mock";
import { createOrder, testUserAgent } from "./pagolivre-test-session";

// The payer's side: the order's paymentUrl shows the merchant, the amount and the monthly
// charges with a card form; submitting it pays (or declines) and redirects to returnUrl.
describe("the mock PagoLivre's hosted payment page", () => {
  const clock = createManualClock("2026-01-15T12:00:00.000Z");
  let mock: PagoLivreMock | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });
  async function start() {
    mock = await startPagoLivreMock({ clock, retryDelaysMs: [], merchantName: "Estúdio <Luz>" });
    return mock;
  }
  const page = (url: string) => fetch(url, { headers: { "user-agent": testUserAgent } });
  const submit = (url: string, form: Record<string, string>) =>
    fetch(url, {
      method: "POST",
      redirect: "manual",
      headers: { "user-agent": testUserAgent, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });

  it("shows the title PagoLivre, the merchant, the amount, the monthly charges and a card form with Pagar", async () => {
    const pagolivre = await start();
    const order = await createOrder(pagolivre, { amount: 1234.5, installments: 3 });
    const response = await page(order.paymentUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("<title>PagoLivre</title>");
    expect(html).toContain("Estúdio &#60;Luz&#62;");
    expect(html).toMatch(/R\$\s1\.234,50/);
    expect(html).toMatch(/3 parcelas mensais de R\$\s411,50/);
    expect(html).toContain('name="cardNumber"');
    expect(html).toContain(`action="/pay/${order.id}"`);
    expect(html).toContain(">Pagar</button>");
  });

  it("pays on submit (outcome paid by default) and redirects 303 to the returnUrl", async () => {
    const pagolivre = await start();
    const order = await createOrder(pagolivre, { returnUrl: "https://estudio.example/obrigado" });
    const response = await submit(order.paymentUrl, { cardNumber: "4111111111111111" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("https://estudio.example/obrigado");
    expect(pagolivre.records().orders[0]?.status).toBe("paid");
    await pagolivre.notificationsSettled();
    expect(pagolivre.deliveries().map((delivery) => delivery.body.eventName)).toEqual(["order.paid"]);
  });

  it("declines on submit with outcome=declined, still redirecting to the returnUrl", async () => {
    const pagolivre = await start();
    const order = await createOrder(pagolivre);
    const response = await submit(order.paymentUrl, { cardNumber: "4000000000000002", outcome: "declined" });
    expect(response.status).toBe(303);
    expect(pagolivre.records().orders[0]).toMatchObject({
      status: "declined",
      decliningReason: "Cartão recusado",
    });
  });

  it("shows no form for an order no longer payable and refuses paying it again (409)", async () => {
    const pagolivre = await start();
    const order = await createOrder(pagolivre);
    pagolivre.pay(order.id);
    const html = await (await page(order.paymentUrl)).text();
    expect(html).not.toContain("<form");
    expect(html).toContain("paid");
    expect((await submit(order.paymentUrl, {})).status).toBe(409);
  });

  it("answers 404 for an unknown order and 400 for an unknown outcome", async () => {
    const pagolivre = await start();
    expect((await page(`${pagolivre.origin}/pay/no-such-order`)).status).toBe(404);
    const order = await createOrder(pagolivre);
    expect((await submit(order.paymentUrl, { outcome: "maybe" })).status).toBe(400);
    expect(pagolivre.records().orders[0]?.status).toBe("created");
  });
});
