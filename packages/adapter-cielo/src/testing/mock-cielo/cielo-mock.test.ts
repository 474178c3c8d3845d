import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { runInNewContext } from "node:vm";
import { createManualClock, type ManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type CieloMock, type CieloMockOptions, startCieloMock } from "./cielo-mock";
import { testCardNumber } from "./test-cards";

/**
 * The mock Cielo over real HTTP: what it accepts and refuses is what the adapter is tested
 * against, so each refusal Cielo documents is proved here on the wire (STYLE 20).
 */

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const dayMs = 86_400_000;

async function started(options: CieloMockOptions = {}): Promise<CieloMock> {
  const mock = await startCieloMock(options);
  closers.push(() => mock.close());
  return mock;
}

/** A mock on a manual clock, at noon in São Paulo. */
async function startedOnClock(
  options: CieloMockOptions = {},
): Promise<{ mock: CieloMock; clock: ManualClock }> {
  const clock = createManualClock("2026-03-10T15:00:00.000Z");
  return { mock: await started({ ...options, clock }), clock };
}

const json = { "content-type": "application/json" };

function merchant(mock: CieloMock, extra: Record<string, string> = json): Record<string, string> {
  return { merchantid: mock.merchantId, merchantkey: mock.merchantKey, ...extra };
}

const uniqueOrder = () => `order${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;

interface SaleOverrides {
  MerchantOrderId?: string;
  Amount?: unknown;
  Installments?: unknown;
  Capture?: boolean;
  CreditCard?: Record<string, unknown>;
  RecurrentPayment?: Record<string, unknown>;
}

function saleBody(overrides: SaleOverrides = {}) {
  return {
    MerchantOrderId: overrides.MerchantOrderId ?? uniqueOrder(),
    Customer: { Name: "Maria Souza" },
    Payment: {
      Type: "CreditCard",
      Amount: overrides.Amount ?? 1500,
      Installments: overrides.Installments ?? 1,
      Capture: overrides.Capture ?? false,
      CreditCard: overrides.CreditCard ?? {
        CardNumber: testCardNumber("1"),
        Holder: "MARIA SOUZA",
        ExpirationDate: "12/2030",
        SecurityCode: "123",
        Brand: "Visa",
      },
      ...(overrides.RecurrentPayment !== undefined ? { RecurrentPayment: overrides.RecurrentPayment } : {}),
    },
  };
}

function rawCard(number: string, extra: Record<string, unknown> = {}) {
  return { CardNumber: number, Holder: "MARIA SOUZA", ExpirationDate: "12/2030", Brand: "Visa", ...extra };
}

interface SaleAnswer {
  status: number;
  body: unknown;
}

async function postSale(mock: CieloMock, body: unknown, headers = merchant(mock)): Promise<SaleAnswer> {
  const answer = await fetch(`${mock.apiUrl}/1/sales/`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  const text = await answer.text();
  return { status: answer.status, body: text === "" ? null : JSON.parse(text) };
}

interface MadeSale {
  MerchantOrderId: string;
  Payment: {
    PaymentId: string;
    Status: number;
    ReturnCode: string;
    RecurrentPayment?: { RecurrentPaymentId: string; NextRecurrency: string };
  };
}

function isMadeSale(body: unknown): body is MadeSale {
  return typeof body === "object" && body !== null && "Payment" in body;
}

async function madeSale(mock: CieloMock, overrides: SaleOverrides = {}): Promise<MadeSale> {
  const answer = await postSale(mock, saleBody(overrides));
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  if (!isMadeSale(answer.body)) throw new Error(`not a sale: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A Luhn-invalid number: a valid one with its check digit moved by one. */
function luhnInvalid(): string {
  const valid = testCardNumber("1");
  return `${valid.slice(0, -1)}${(Number(valid.slice(-1)) + 1) % 10}`;
}

async function oauth(mock: CieloMock, clientSecret = mock.sopClientSecret) {
  return fetch(`${mock.sopUrl}/oauth2/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${mock.sopClientId}:${clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
}

async function sopAccessToken(mock: CieloMock): Promise<string> {
  const token = (await (await oauth(mock)).json()) as { access_token: string };
  const answer = await fetch(`${mock.sopUrl}/post/api/public/v2/accesstoken`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token.access_token}`,
      merchantid: mock.merchantId,
      "content-type": "application/json",
    },
  });
  expect(answer.status).toBe(201);
  return ((await answer.json()) as { AccessToken: string }).AccessToken;
}

/** What the page's script posts: the card, from the browser, with the session's access token. */
async function postCard(mock: CieloMock, accessToken: string, number = testCardNumber("1")) {
  const answer = await fetch(`${mock.sopUrl}/post/api/public/v2/card`, {
    method: "POST",
    body: new URLSearchParams({
      AccessToken: accessToken,
      HolderName: "MARIA SOUZA",
      RawNumber: number,
      Expiration: "12/2030",
      SecurityCode: "123",
      EnableBinQuery: "true",
    }),
  });
  return { status: answer.status, body: (await answer.json()) as { PaymentToken?: string; brand?: string } };
}

async function getJson<T>(mock: CieloMock, path: string): Promise<{ status: number; body: T }> {
  const answer = await fetch(`${mock.queryUrl}${path}`, { headers: merchant(mock) });
  return { status: answer.status, body: (await answer.json()) as T };
}

interface RecurrenceAnswer {
  RecurrentPayment: {
    Status: number;
    NextRecurrency: string;
    RecurrentTransactions: { PaymentId: string; PaymentNumber: number; TryNumber: number }[];
  };
}

async function recurrence(mock: CieloMock, id: string): Promise<RecurrenceAnswer["RecurrentPayment"]> {
  const answer = await getJson<RecurrenceAnswer>(mock, `/1/RecurrentPayment/${id}`);
  expect(answer.status).toBe(200);
  return answer.body.RecurrentPayment;
}

function recurrenceIdOf(sale: MadeSale): string {
  const id = sale.Payment.RecurrentPayment?.RecurrentPaymentId;
  if (id === undefined) throw new Error("the sale started no recurrence");
  return id;
}

/** The clock moves one day at a time and Cielo's daily job runs each day, as it would. */
function passDays(mock: CieloMock, clock: ManualClock, days: number): void {
  for (let day = 0; day < days; day += 1) {
    clock.advance(dayMs);
    mock.runDueRecurrences();
  }
}

describe("the mock Cielo validates requests as Cielo types them", () => {
  it("refuses Amount sent as a string with 400 [{Code 108, Message naming Amount}], and makes no sale", async () => {
    const mock = await started();
    const answer = await postSale(mock, saleBody({ Amount: "1500" }));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual([{ Code: 108, Message: expect.stringContaining("Amount") }]);
    expect(mock.records().sales).toEqual([]);
  });

  it("refuses Installments sent as a string with 400, and makes no sale", async () => {
    const mock = await started();
    const answer = await postSale(mock, saleBody({ Installments: "1" }));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual([expect.objectContaining({ Code: 123 })]);
    expect(mock.records().sales).toEqual([]);
  });

  it("answers 415 to a POST /1/sales without Content-Type: application/json, and makes no sale", async () => {
    const mock = await started();
    // fetch labels a string body text/plain: the JSON is fine, the header is not.
    const answer = await postSale(mock, saleBody(), merchant(mock, {}));
    expect(answer.status).toBe(415);
    expect(mock.records().sales).toEqual([]);
  });

  it("answers 415 to a bodiless PUT …/void without Content-Type, and voids nothing until it has one", async () => {
    const mock = await started();
    const sale = await madeSale(mock, { Capture: true });
    const bare = await fetch(`${mock.apiUrl}/1/sales/${sale.Payment.PaymentId}/void`, {
      method: "PUT",
      headers: merchant(mock, {}),
    });
    expect(bare.status).toBe(415);
    expect(mock.records().sales.map((entry) => [entry.status, entry.voidedAmount])).toEqual([[2, 0]]);
    const typed = await fetch(`${mock.apiUrl}/1/sales/${sale.Payment.PaymentId}/void`, {
      method: "PUT",
      headers: merchant(mock),
    });
    expect(typed.status, "the same PUT with the header goes through").toBe(200);
    expect(mock.records().sales.map((entry) => [entry.status, entry.voidedAmount])).toEqual([[10, 1500]]);
  });

  it("answers a wrong MerchantKey with 401 and an empty body, on both hosts", async () => {
    const mock = await started();
    const wrong = merchant(mock, { ...json, merchantkey: `${mock.merchantKey}x` });
    const create = await fetch(`${mock.apiUrl}/1/sales/`, {
      method: "POST",
      headers: wrong,
      body: JSON.stringify(saleBody()),
    });
    expect([create.status, await create.text()]).toEqual([401, ""]);
    const query = await fetch(`${mock.queryUrl}/1/sales?merchantOrderId=anything`, { headers: wrong });
    expect([query.status, await query.text()]).toEqual([401, ""]);
    expect(mock.records().sales).toEqual([]);
  });

  it("keeps its hosts apart: the query host refuses POST (405), the transaction host refuses GET (405)", async () => {
    const mock = await started();
    const post = await fetch(`${mock.queryUrl}/1/sales/`, {
      method: "POST",
      headers: merchant(mock),
      body: JSON.stringify(saleBody()),
    });
    expect(post.status).toBe(405);
    expect(mock.records().sales, "the POST to the query host made no sale").toEqual([]);
    const sale = await madeSale(mock);
    const get = await fetch(`${mock.apiUrl}/1/sales/${sale.Payment.PaymentId}`, { headers: merchant(mock) });
    expect(get.status).toBe(405);
    const onQuery = await getJson<MadeSale>(mock, `/1/sales/${sale.Payment.PaymentId}`);
    expect([onQuery.status, onQuery.body.Payment.PaymentId]).toEqual([200, sale.Payment.PaymentId]);
  });
});

describe("the mock Cielo's sales", () => {
  it("makes two sales for one MerchantOrderId sent twice (Cielo does not deduplicate) and lists both under Payments", async () => {
    const mock = await started();
    const order = uniqueOrder();
    const first = await madeSale(mock, { MerchantOrderId: order });
    const second = await madeSale(mock, { MerchantOrderId: order });
    expect(first.Payment.PaymentId).not.toBe(second.Payment.PaymentId);
    const listed = await getJson<{ Payments: { PaymentId: string; ReceveidDate: string }[] }>(
      mock,
      `/1/sales?merchantOrderId=${order}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.Payments.map((entry) => entry.PaymentId).sort()).toEqual(
      [first.Payment.PaymentId, second.Payment.PaymentId].sort(),
    );
    expect(mock.records().sales.map((entry) => entry.merchantOrderId)).toEqual([order, order]);
  });

  it("answers the sandbox's outcome by the card's last digit, each with 201", async () => {
    const mock = await started();
    const cases = [
      { digit: "2", capture: false, expected: [3, "05"] },
      { digit: "3", capture: false, expected: [3, "57"] },
      { digit: "6", capture: false, expected: [0, "99"] },
      { digit: "1", capture: false, expected: [1, "4"] },
      { digit: "1", capture: true, expected: [2, "6"] },
    ] as const;
    const outcomes = [];
    for (const { digit, capture } of cases) {
      const sale = await madeSale(mock, { Capture: capture, CreditCard: rawCard(testCardNumber(digit)) });
      outcomes.push([sale.Payment.Status, sale.Payment.ReturnCode]);
    }
    expect(outcomes).toEqual(cases.map((entry) => entry.expected));
    expect(mock.records().sales.map((entry) => entry.capturedAmount)).toEqual([0, 0, 0, 0, 1500]);
  });

  it("refuses SaveCard with a Luhn-invalid number (400), though it charges the same number unsaved", async () => {
    const mock = await started();
    const number = luhnInvalid();
    const saved = await postSale(mock, saleBody({ CreditCard: rawCard(number, { SaveCard: true }) }));
    expect(saved.status).toBe(400);
    expect(saved.body).toEqual([expect.objectContaining({ Code: 213 })]);
    expect(mock.records().sales).toEqual([]);
    // Luhn is checked only when a card is saved (the sandbox card table's note).
    const unsaved = await postSale(mock, saleBody({ CreditCard: rawCard(number) }));
    expect(unsaved.status).toBe(201);
  });

  it("takes a PaymentToken once: the second sale with it is 400 code 180 and makes nothing", async () => {
    const mock = await started();
    const card = await postCard(mock, await sopAccessToken(mock));
    expect(card.status).toBe(201);
    const token = { PaymentToken: card.body.PaymentToken, Brand: card.body.brand };
    await madeSale(mock, { CreditCard: token });
    const again = await postSale(mock, saleBody({ CreditCard: token }));
    expect(again.status).toBe(400);
    expect(again.body).toEqual([expect.objectContaining({ Code: 180 })]);
    expect(mock.records().sales).toHaveLength(1);
  });
});

describe("the mock Cielo's Silent Order Post", () => {
  it("refuses OAuth with a wrong Basic (401) and issues nothing", async () => {
    const mock = await started();
    const answer = await oauth(mock, `${mock.sopClientSecret}x`);
    expect(answer.status).toBe(401);
    expect(mock.issuedTokens()).toEqual([]);
  });

  it("trades the OAuth token for an access token: 201 with AccessToken and ExpiresIn twenty minutes on", async () => {
    const { mock } = await startedOnClock();
    const token = (await (await oauth(mock)).json()) as { access_token: string };
    const answer = await fetch(`${mock.sopUrl}/post/api/public/v2/accesstoken`, {
      method: "POST",
      headers: { authorization: `Bearer ${token.access_token}`, merchantid: mock.merchantId },
    });
    expect(answer.status).toBe(201);
    const body = (await answer.json()) as { AccessToken: string; ExpiresIn: string };
    expect(body.AccessToken).toEqual(expect.any(String));
    expect(body.AccessToken.length).toBeGreaterThan(0);
    // 15:20 UTC is 12:20 in São Paulo, Cielo's wall time.
    expect(body.ExpiresIn).toBe("2026-03-10T12:20:00");
    expect(mock.issuedTokens()).toEqual([token.access_token, body.AccessToken]);
  });

  it("refuses an access token that is not the OAuth's issue (401)", async () => {
    const mock = await started();
    const answer = await fetch(`${mock.sopUrl}/post/api/public/v2/accesstoken`, {
      method: "POST",
      headers: { authorization: "Bearer made-up", merchantid: mock.merchantId },
    });
    expect(answer.status).toBe(401);
  });

  it("refuses the card post with an access token already used (401)", async () => {
    const mock = await started();
    const accessToken = await sopAccessToken(mock);
    expect((await postCard(mock, accessToken)).status).toBe(201);
    const reused = await postCard(mock, accessToken);
    expect(reused.status).toBe(401);
    expect(reused.body.PaymentToken).toBeUndefined();
  });

  it("refuses the card post with an expired access token (401), and takes it a minute before", async () => {
    const { mock, clock } = await startedOnClock();
    const lapsing = await sopAccessToken(mock);
    const kept = await sopAccessToken(mock);
    clock.advance(19 * 60_000);
    expect((await postCard(mock, kept)).status).toBe(201);
    clock.advance(2 * 60_000);
    const late = await postCard(mock, lapsing);
    expect(late.status).toBe(401);
    expect(late.body.PaymentToken).toBeUndefined();
  });

  it("serves its script as JavaScript, and running it defines bpSop_silentOrderPost", async () => {
    const mock = await started();
    const answer = await fetch(mock.sopScriptUrl);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/javascript/);
    const window: Record<string, unknown> = {};
    runInNewContext(await answer.text(), {
      window,
      document: { currentScript: { src: mock.sopScriptUrl } },
      location: { origin: mock.sopUrl },
      URL,
    });
    expect(typeof window.bpSop_silentOrderPost).toBe("function");
  });
});

describe("the mock Cielo's recurrences", () => {
  const monthly = { AuthorizeNow: true, Interval: "Monthly" };

  it("charges nothing more until the recurrence's day, then one sale a month under the same MerchantOrderId", async () => {
    const { mock, clock } = await startedOnClock();
    const order = uniqueOrder();
    const first = await madeSale(mock, { MerchantOrderId: order, Capture: true, RecurrentPayment: monthly });
    const id = recurrenceIdOf(first);
    expect(first.Payment.RecurrentPayment?.NextRecurrency).toBe("2026-04-10");

    mock.runDueRecurrences();
    passDays(mock, clock, 30); // to 2026-04-09
    expect(mock.records().sales, "nothing before the day").toHaveLength(1);
    passDays(mock, clock, 1); // 2026-04-10
    expect(mock.records().sales).toHaveLength(2);
    mock.runDueRecurrences();
    expect(mock.records().sales, "the day's charge is made once").toHaveLength(2);
    passDays(mock, clock, 30); // to 2026-05-10
    expect(mock.records().sales).toHaveLength(3);

    const sales = mock.records().sales;
    expect(sales.map((sale) => [sale.merchantOrderId, sale.status, sale.recurrentPaymentId])).toEqual([
      [order, 2, id],
      [order, 2, id],
      [order, 2, id],
    ]);
    const found = await recurrence(mock, id);
    expect(found.RecurrentTransactions).toEqual(
      sales.map((sale, index) => ({ PaymentId: sale.paymentId, PaymentNumber: index, TryNumber: 1 })),
    );
    expect([found.Status, found.NextRecurrency]).toEqual([1, "2026-06-10"]);
  });

  it("tries a declined recurrent charge four times, a day apart, then disables the recurrence (Status 4)", async () => {
    const { mock, clock } = await startedOnClock();
    const number = mock.cardDecliningRecurrentCharges();
    const first = await madeSale(mock, {
      Capture: true,
      CreditCard: rawCard(number),
      RecurrentPayment: monthly,
    });
    expect(first.Payment.Status, "the create's own charge is approved").toBe(2);
    const id = recurrenceIdOf(first);
    passDays(mock, clock, 31 + 10); // past the day and well past the retries
    const found = await recurrence(mock, id);
    expect(found.RecurrentTransactions.map((entry) => [entry.PaymentNumber, entry.TryNumber])).toEqual([
      [0, 1],
      [1, 1],
      [1, 2],
      [1, 3],
      [1, 4],
    ]);
    expect(found.Status).toBe(4);
    const tries = mock.records().sales.slice(1);
    expect(tries.map((sale) => [sale.status, sale.returnCode])).toEqual(
      Array.from({ length: 4 }, () => [3, "51"]),
    );
  });

  it("answers 415 to PUT …/Deactivate without Content-Type, and 200 with it, leaving status 3 and no more charges", async () => {
    const { mock, clock } = await startedOnClock();
    const id = recurrenceIdOf(await madeSale(mock, { Capture: true, RecurrentPayment: monthly }));
    const deactivate = (headers: Record<string, string>) =>
      fetch(`${mock.apiUrl}/1/RecurrentPayment/${id}/Deactivate`, { method: "PUT", headers });
    const bare = await deactivate(merchant(mock, {}));
    expect(bare.status).toBe(415);
    expect((await recurrence(mock, id)).Status).toBe(1);
    const typed = await deactivate(merchant(mock));
    expect([typed.status, await typed.text()]).toEqual([200, ""]);
    expect((await recurrence(mock, id)).Status).toBe(3);
    expect(mock.records().recurrences.map((entry) => entry.status)).toEqual([3]);
    passDays(mock, clock, 62);
    expect(mock.records().sales).toHaveLength(1);
  });
});

describe("the mock Cielo's notifications", () => {
  /** A store's endpoint on 127.0.0.1: answers the first POST 500, every later one 200. */
  async function flakyReceiver() {
    const received: { headers: IncomingHttpHeaders; body: { PaymentId: string; ChangeType: number } }[] = [];
    let answered = 0;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
        answered += 1;
        response.writeHead(answered === 1 ? 500 : 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/notifications/cielo`, received };
  }

  const header = { name: "X-Store-Notification", value: "store-secret-0f3a9c" };

  it("posts {PaymentId, ChangeType} with the store's custom header, and tries again after a non-200", async () => {
    const endpoint = await flakyReceiver();
    const mock = await started({
      notificationUrl: endpoint.url,
      notificationHeaders: { [header.name]: header.value },
      retryDelaysMs: [10, 20, 40],
    });
    const sale = await madeSale(mock);
    await mock.notificationsSettled();
    expect(endpoint.received.map((entry) => entry.body)).toEqual([
      { PaymentId: sale.Payment.PaymentId, ChangeType: 1 },
      { PaymentId: sale.Payment.PaymentId, ChangeType: 1 },
    ]);
    expect(endpoint.received.map((entry) => entry.headers[header.name.toLowerCase()])).toEqual([
      header.value,
      header.value,
    ]);
    expect(mock.deliveries().map((entry) => [entry.attempt, entry.status])).toEqual([
      [1, 500],
      [2, 200],
    ]);
  });

  it("posts one notification twice after repeatNextNotification(), and the next one once", async () => {
    const endpoint = await flakyReceiver();
    const mock = await started({
      notificationUrl: endpoint.url,
      notificationHeaders: { [header.name]: header.value },
      retryDelaysMs: [10, 20, 40],
    });
    // Spend the receiver's one 500 first, so only the repeat can make a second post.
    await madeSale(mock);
    await mock.notificationsSettled();
    const before = endpoint.received.length;

    mock.repeatNextNotification();
    const twice = await madeSale(mock);
    await mock.notificationsSettled();
    const once = await madeSale(mock);
    await mock.notificationsSettled();
    expect(endpoint.received.slice(before).map((entry) => entry.body.PaymentId)).toEqual([
      twice.Payment.PaymentId,
      twice.Payment.PaymentId,
      once.Payment.PaymentId,
    ]);
  });
});
