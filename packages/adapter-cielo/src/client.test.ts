import { inspect } from "node:util";
import { isTesseraError } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { createCieloGateway } from "./cielo-gateway";
import { type CieloClient, CieloTransportError, createCieloClient } from "./client";
import { type CieloAddresses, cieloOptionsSchema } from "./options";

/** Unit tier: the client's requests as an injected `fetch` receives them (STYLE 19). */

const addresses: CieloAddresses = {
  environment: "sandbox",
  api: "https://api.test.invalid",
  query: "https://query.test.invalid",
  sopAuth: "https://sopauth.test.invalid",
  sop: "https://sop.test.invalid",
  sopScript: "https://sop.test.invalid/post/scripts/silentorderpost-1.0.min.js",
};
const merchantId = "2f7a1d3e-8c4b-4f6a-9e2d-1b3c5d7e9f01";
const merchantKey = "MK9zQ7xRt4Lp2Vn8Wc6Yb1Hs3Jd5Fg0Ke";

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: RequestInit["body"];
  signal: AbortSignal | null;
}

/** A `fetch` that records each call and answers with `answer` (a Response, or a rejection). */
function recordingFetch(answer: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetcher: typeof fetch = async (input, init = {}) => {
    const call: Call = {
      url: input instanceof Request ? input.url : String(input),
      method: init.method ?? "GET",
      headers: new Headers(init.headers),
      body: init.body,
      signal: init.signal ?? null,
    };
    calls.push(call);
    return answer(call);
  };
  return { fetch: fetcher, calls };
}

function clientWith(fetcher: typeof fetch, timeoutMs = 5_000): CieloClient {
  return createCieloClient({
    addresses,
    merchantId,
    merchantKey,
    fetch: fetcher,
    timeoutMs,
    origin: "cielo",
  });
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

function transportFailure(error: unknown): CieloTransportError {
  if (!(error instanceof CieloTransportError)) throw new Error(`not a CieloTransportError: ${String(error)}`);
  return error;
}

describe("createCieloClient", () => {
  it("sends MerchantId, MerchantKey and content-type: application/json on a bodiless PUT, and no body", async () => {
    const { fetch, calls } = recordingFetch(() => new Response("", { status: 200 }));
    await clientWith(fetch).send({ host: "api", method: "PUT", path: "/1/RecurrentPayment/abc/Deactivate" });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.method).toBe("PUT");
    expect(call?.body).toBeUndefined();
    expect(call?.headers.get("merchantid")).toBe(merchantId);
    expect(call?.headers.get("merchantkey")).toBe(merchantKey);
    expect(call?.headers.get("content-type")).toBe("application/json");
  });

  it("sends a body as JSON, a bare value included (the recurrence's PUT …/Amount)", async () => {
    const { fetch, calls } = recordingFetch(() => new Response("", { status: 200 }));
    const client = clientWith(fetch);
    await client.send({ host: "api", method: "POST", path: "/1/sales/", body: { MerchantOrderId: "a1" } });
    await client.send({ host: "api", method: "PUT", path: "/1/RecurrentPayment/abc/Amount", body: 1990 });
    expect(calls.map((call) => call.body)).toEqual(['{"MerchantOrderId":"a1"}', "1990"]);
  });

  it("sends to the query address for the query host and to the api address for the transaction host", async () => {
    const { fetch, calls } = recordingFetch(() => new Response("{}", { status: 200 }));
    const client = clientWith(fetch);
    await client.send({ host: "query", method: "GET", path: "/1/sales/p1" });
    await client.send({ host: "api", method: "PUT", path: "/1/sales/p1/capture?amount=500" });
    await client.send({ host: "api", method: "POST", path: "/1/sales/", body: {} });
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      "GET https://query.test.invalid/1/sales/p1",
      "PUT https://api.test.invalid/1/sales/p1/capture?amount=500",
      "POST https://api.test.invalid/1/sales/",
    ]);
  });

  it("returns every answer but a 401 as it came, a 400 and a 500 included", async () => {
    const answers = [
      new Response('[{"Code":126,"Message":"Credit Card Expiration Date is invalid"}]', { status: 400 }),
      new Response("oops", { status: 500 }),
    ];
    const { fetch } = recordingFetch(() => answers.shift() ?? new Response("", { status: 599 }));
    const client = clientWith(fetch);
    expect(await client.send({ host: "api", method: "POST", path: "/1/sales/", body: {} })).toEqual({
      status: 400,
      body: '[{"Code":126,"Message":"Credit Card Expiration Date is invalid"}]',
      json: [{ Code: 126, Message: "Credit Card Expiration Date is invalid" }],
    });
    expect(await client.send({ host: "query", method: "GET", path: "/1/sales/p1" })).toEqual({
      status: 500,
      body: "oops",
      json: undefined,
    });
  });

  it("throws gateway_authentication for a 401, and the error nowhere carries the MerchantKey", async () => {
    const { fetch } = recordingFetch(() => new Response("", { status: 401 }));
    const error = await thrown(clientWith(fetch).send({ host: "query", method: "GET", path: "/1/sales/p1" }));
    if (!isTesseraError(error, "gateway_authentication"))
      throw new Error(`not gateway_authentication: ${String(error)}`);
    const tessera = error;
    expect(tessera.details).toEqual({ status: 401, origin: "cielo" });
    expect(tessera.message).not.toContain(merchantKey);
    expect(JSON.stringify(tessera.details)).not.toContain(merchantKey);
    expect(inspect(tessera, { depth: null })).not.toContain(merchantKey);
  });

  it("throws CieloTransportError not_sent when the connection is refused", async () => {
    const { fetch } = recordingFetch(() => {
      throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    });
    const error = transportFailure(
      await thrown(clientWith(fetch).send({ host: "api", method: "POST", path: "/1/sales/", body: {} })),
    );
    expect(error.kind).toBe("not_sent");
  });

  it("throws not_sent for a bare {cause: {code: ECONNREFUSED}} rejection too", async () => {
    const { fetch } = recordingFetch(() => Promise.reject({ cause: { code: "ECONNREFUSED" } }));
    const error = transportFailure(
      await thrown(clientWith(fetch).send({ host: "query", method: "GET", path: "/1/sales/p1" })),
    );
    expect(error.kind).toBe("not_sent");
  });

  it("throws CieloTransportError unknown when the connection is reset after sending", async () => {
    const { fetch } = recordingFetch(() => {
      throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
    });
    const error = transportFailure(
      await thrown(clientWith(fetch).send({ host: "api", method: "POST", path: "/1/sales/", body: {} })),
    );
    expect(error.kind).toBe("unknown");
  });

  it("aborts a request after timeoutMs and calls it unknown: Cielo may have made the sale", async () => {
    // A fetch that never answers, as a held connection: only the client's own signal ends it.
    const { fetch, calls } = recordingFetch(
      (call) =>
        new Promise<Response>((_, reject) => {
          call.signal?.addEventListener("abort", () => reject(call.signal?.reason));
        }),
    );
    const started = Date.now();
    const error = transportFailure(
      await thrown(clientWith(fetch, 30).send({ host: "api", method: "POST", path: "/1/sales/", body: {} })),
    );
    expect(error.kind).toBe("unknown");
    expect(calls[0]?.signal?.aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("calls an AbortError unknown too", async () => {
    const { fetch } = recordingFetch(() => {
      throw new DOMException("This operation was aborted", "AbortError");
    });
    const error = transportFailure(
      await thrown(clientWith(fetch).send({ host: "api", method: "PUT", path: "/1/sales/p1/void" })),
    );
    expect(error.kind).toBe("unknown");
  });

  it("calls an answer whose body breaks off unknown", async () => {
    const broken = new ReadableStream({
      start(controller) {
        controller.error(new TypeError("terminated"));
      },
    });
    const { fetch } = recordingFetch(() => new Response(broken, { status: 201 }));
    const error = transportFailure(
      await thrown(clientWith(fetch).send({ host: "api", method: "POST", path: "/1/sales/", body: {} })),
    );
    expect(error.kind).toBe("unknown");
  });
});

describe("the Cielo gateway over its client", () => {
  it("asks the query host for every GET and the transaction host for every PUT and POST", async () => {
    const paymentId = "24bc8366-fc31-4d6c-8555-17049a836a07";
    const sale = (status: number, returnCode: string) =>
      JSON.stringify({
        MerchantOrderId: "order1",
        Payment: {
          PaymentId: paymentId,
          Type: "CreditCard",
          Amount: 15_700,
          Status: status,
          ReturnCode: returnCode,
          CapturedAmount: status === 2 ? 15_700 : undefined,
        },
      });
    const { fetch, calls } = recordingFetch((call) => {
      if (call.method === "POST") return new Response(sale(1, "4"), { status: 201 });
      if (call.method === "PUT")
        return new Response(
          JSON.stringify({ Status: 2, ReturnCode: "6", ReturnMessage: "Operation Successful" }),
          { status: 200 },
        );
      return new Response(sale(calls.some((entry) => entry.method === "PUT") ? 2 : 1, "6"), { status: 200 });
    });
    const gateway = createCieloGateway({
      ...cieloOptionsSchema.parse({
        sandbox: true,
        merchantId,
        merchantKey,
        sopClientId: "client",
        sopClientSecret: "secret",
        notificationHeaderValue: "a-notification-secret-value",
        apiUrl: addresses.api,
        queryUrl: addresses.query,
      }),
      fetch,
    });
    const reference = {
      idempotencyKey: "order1",
      providerReference: paymentId,
      method: "card" as const,
      amount: { amount: 15_700, currency: "BRL" },
      createdAt: "2026-03-10T15:00:00.000Z",
    };
    const created = await gateway.createPayment({
      idempotencyKey: "order1",
      amount: { amount: 15_700, currency: "BRL" },
      method: "card",
      description: "Plano mensal",
      payer: { name: "Maria", email: "maria@example.com", phone: null, document: null, address: null },
      card: { type: "token", token: "5c5b8c2e-7b0f-4b0e-9a59-3f1a2e0c6d11", brand: "Visa" },
      capture: false,
    });
    expect(created.status).toBe("authorized");
    expect((await gateway.getPayment(reference))?.status).toBe("authorized");
    const capture = gateway.capture;
    if (capture === undefined) throw new Error("the Cielo gateway captures");
    expect((await capture.call(gateway, reference)).status).toBe("succeeded");
    expect(calls.map((call) => `${call.method} ${new URL(call.url).origin}`)).toEqual([
      `POST ${addresses.api}`,
      `GET ${addresses.query}`,
      `PUT ${addresses.api}`,
      `GET ${addresses.query}`,
    ]);
    expect(calls.every((call) => call.headers.get("content-type") === "application/json")).toBe(true);
  });
});
