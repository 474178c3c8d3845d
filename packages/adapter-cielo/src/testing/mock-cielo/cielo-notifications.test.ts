import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type CieloMock, startCieloMock } from "./cielo-mock";
import { testCardNumber } from "./test-cards";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A store's notification endpoint: answers each POST with the next of `statuses` (then 200), and keeps what came. */
async function receiver(statuses: number[] = []) {
  const received: { headers: Record<string, string | string[] | undefined>; body: { PaymentId: string } }[] =
    [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      response.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cielo`, received };
}

async function sale(cielo: CieloMock): Promise<string> {
  const answer = await fetch(`${cielo.apiUrl}/1/sales/`, {
    method: "POST",
    headers: {
      merchantid: cielo.merchantId,
      merchantkey: cielo.merchantKey,
      "content-type": "application/json",
    },
    body: JSON.stringify({
      MerchantOrderId: `order${Math.random().toString(36).slice(2, 10)}`,
      Customer: { Name: "Maria" },
      Payment: {
        Type: "CreditCard",
        Amount: 1000,
        Installments: 1,
        Capture: true,
        CreditCard: {
          CardNumber: testCardNumber("1"),
          Holder: "MARIA",
          ExpirationDate: "12/2030",
          Brand: "Visa",
        },
      },
    }),
  });
  return ((await answer.json()) as { Payment: { PaymentId: string } }).Payment.PaymentId;
}

describe("the mock Cielo's notifications", () => {
  it("post with the store's custom header, are tried again after a non-200, and can come twice or out of order", async () => {
    const endpoint = await receiver([500]);
    const cielo = await startCieloMock({
      notificationUrl: endpoint.url,
      notificationHeaders: { "X-Store-Secret": "s3cret-value" },
      retryDelaysMs: [10, 20, 40],
    });
    closers.push(() => cielo.close());

    const first = await sale(cielo);
    await cielo.notificationsSettled();
    expect(endpoint.received.map((entry) => entry.body.PaymentId)).toEqual([first, first]);
    expect(endpoint.received.every((entry) => entry.headers["x-store-secret"] === "s3cret-value")).toBe(true);
    expect(cielo.deliveries().map((delivery) => delivery.status)).toEqual([500, 200]);

    cielo.repeatNextNotification();
    const twice = await sale(cielo);
    await cielo.notificationsSettled();
    expect(endpoint.received.slice(2).map((entry) => entry.body.PaymentId)).toEqual([twice, twice]);

    cielo.deliverOutOfOrder();
    const earlier = await sale(cielo);
    const later = await sale(cielo);
    await cielo.notificationsSettled();
    expect(endpoint.received.slice(4).map((entry) => entry.body.PaymentId)).toEqual([later, earlier]);
  });
});
