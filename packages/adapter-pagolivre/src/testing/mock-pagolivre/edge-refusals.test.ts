import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validationErrorSchema } from "../../pagolivre-protocol";
import { type PagoLivreMock, startPagoLivreMock } from "./pagolivre-mock";
import { call, orderBody, rawCall, testUserAgent } from "./pagolivre-test-session";

// What PagoLivre refuses before it makes anything: no User-Agent (Cloudflare's HTML 403), a
// missing or wrong Basic token (401), a body its schemas refuse (400, one entry per field).
describe("the mock PagoLivre's refusals at the edge", () => {
  let mock: PagoLivreMock;
  beforeAll(async () => {
    mock = await startPagoLivreMock({ token: "bWVyY2hhbnQ6c2VjcmV0", retryDelaysMs: [] });
  });
  afterAll(() => mock.close());

  const fieldsRefused = async (body: unknown) => {
    const answer = await call(mock, "POST", "/orders", body);
    expect(answer.status).toBe(400);
    return validationErrorSchema.parse(answer.json).errors.map((error) => error.field);
  };

  it("answers 403 with an HTML page, not JSON, to a request without a User-Agent", async () => {
    const answer = await rawCall(`${mock.baseUrl}/orders`, {
      method: "POST",
      headers: { authorization: `Basic ${mock.token}`, "content-type": "application/json" },
      body: JSON.stringify(orderBody()),
    });
    expect(answer.status).toBe(403);
    expect(answer.headers["content-type"]).toMatch(/^text\/html/);
    expect(answer.text).toContain("<html");
    expect(mock.records().orders).toEqual([]);
  });

  it("answers 403 to an empty User-Agent too", async () => {
    const answer = await call(mock, "GET", "/orders/byOrderKey/x", undefined, {
      headers: { "user-agent": "" },
    });
    expect(answer.status).toBe(403);
  });

  it("answers 401 {message} to a missing Authorization, a wrong token and another scheme", async () => {
    for (const authorization of [undefined, "Basic d3Jvbmc=", `Bearer ${mock.token}`]) {
      const answer = await rawCall(`${mock.baseUrl}/orders/byOrderKey/x`, {
        method: "GET",
        headers: { "user-agent": testUserAgent, ...(authorization === undefined ? {} : { authorization }) },
      });
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.text)).toEqual({ message: expect.any(String) });
    }
    expect(mock.records().orders).toEqual([]);
  });

  it("takes the token as issued, already base64, after Basic", async () => {
    expect((await call(mock, "GET", "/orders/byOrderKey/x")).status).toBe(204);
  });

  it("answers 400 {errors:[{field,message}]} to a body that is not JSON", async () => {
    const answer = await call(mock, "POST", "/orders", "{not json");
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ errors: [{ field: "body", message: expect.any(String) }] });
  });

  it("refuses an order without the payer's mobileNumber (the sandbox's page is blank without one) or CPF", async () => {
    expect(await fieldsRefused({ ...orderBody(), orderGuests: [{ cpf: "12345678909" }] })).toEqual([
      "orderGuests.0.mobileNumber",
    ]);
    expect(await fieldsRefused({ ...orderBody(), orderGuests: [{ mobileNumber: "31987654321" }] })).toEqual([
      "orderGuests.0.cpf",
    ]);
    expect(await fieldsRefused(orderBody({ orderGuests: [] }))).toEqual(["orderGuests"]);
    expect(
      await fieldsRefused(orderBody({ orderGuests: [{ cpf: "123.456.789-09", mobileNumber: "987654321" }] })),
    ).toEqual(["orderGuests.0.cpf", "orderGuests.0.mobileNumber"]);
  });

  it("refuses an amount of zero, below zero or with more than 2 decimals", async () => {
    for (const amount of [0, -10, 10.005])
      expect(await fieldsRefused(orderBody({ amount }))).toEqual(["amount"]);
    expect((await call(mock, "POST", "/orders", orderBody({ amount: 10.1 }))).status).toBe(201);
  });

  it("refuses a requestId that is no GUID, installments out of 1..12, an unknown receivingOptionType, bad URLs", async () => {
    expect(await fieldsRefused({ ...orderBody(), requestId: "abc" })).toEqual(["requestId"]);
    expect(await fieldsRefused(orderBody({ installments: 0 }))).toEqual(["installments"]);
    expect(await fieldsRefused(orderBody({ installments: 13 }))).toEqual(["installments"]);
    expect(await fieldsRefused({ ...orderBody(), receivingOptionType: "boleto" })).toEqual([
      "receivingOptionType",
    ]);
    expect(await fieldsRefused({ ...orderBody(), callbackUrl: "nowhere", returnUrl: 3 })).toEqual([
      "callbackUrl",
      "returnUrl",
    ]);
    const { orderKey: _, ...withoutKey } = orderBody();
    expect(await fieldsRefused(withoutKey)).toEqual(["orderKey"]);
  });

  it("answers 404 off the API's paths and 405 to a wrong method", async () => {
    expect((await call(mock, "GET", "/charges")).status).toBe(404);
    expect((await call(mock, "GET", "/orders")).status).toBe(405);
    expect((await call(mock, "DELETE", "/orders/x/cancel")).status).toBe(405);
  });

  it("records every request with its Authorization redacted", async () => {
    await call(mock, "GET", "/orders/byOrderKey/recorded");
    const last = mock.requests().at(-1);
    expect(last).toMatchObject({ method: "GET", path: "/api/v2/orders/byOrderKey/recorded" });
    expect(last?.headers["authorization"]).toBe("[redacted]");
    expect(JSON.stringify(mock.requests())).not.toContain(mock.token);
  });
});
