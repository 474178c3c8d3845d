import { describe, expect, it } from "vitest";
import { createManualClock } from "../testing/manual-clock";
import { createSandboxGateway } from "./sandbox-gateway";

const url = "http://sandbox.test/tokenize";
const card = {
  number: "5555555555554444",
  holder: "MARIA DA SILVA",
  expMonth: 12,
  expYear: 2030,
  cvc: "123",
};

function post(body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request(url, {
    method: "POST",
    headers: { origin: "https://studio.example", ...headers },
    body: JSON.stringify(body),
  });
}

describe("the sandbox tokenization endpoint", () => {
  const gateway = createSandboxGateway({ clock: createManualClock("2026-03-10T15:00:00.000Z") });
  const handle = gateway.sandbox.handleTokenizationRequest;
  const session = () => gateway.cardTokenizationSession({ amount: { amount: 1990, currency: "BRL" } });
  const withToken = async (body: object) => ({ ...body, accessToken: (await session()).accessToken });

  it("refuses a card posted without an access token, with 401 and nothing tokenized", async () => {
    const response = await handle(post(card));
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe("access_token_missing");
    expect(JSON.stringify(body)).not.toContain("tok_");
  });

  it("refuses an access token it never issued, and one past its expiry", async () => {
    const clock = createManualClock("2026-03-10T15:00:00.000Z");
    const gateway = createSandboxGateway({ clock });
    const handle = gateway.sandbox.handleTokenizationRequest;
    const session = () => gateway.cardTokenizationSession({ amount: { amount: 1990, currency: "BRL" } });
    const unknown = await handle(post({ ...card, accessToken: "sop_made_up" }));
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("access_token_unknown");
    const { accessToken, expiresAt } = await session();
    expect(expiresAt).toBe("2026-03-10T15:20:00.000Z");
    clock.set("2026-03-10T15:20:00.000Z");
    const expired = await handle(post({ ...card, accessToken }));
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe("access_token_expired");
  });

  it("takes the access token as a bearer header too", async () => {
    const { accessToken } = await session();
    const response = await handle(
      post(card, { "content-type": "application/json", authorization: `Bearer ${accessToken}` }),
    );
    expect(response.status).toBe(201);
  });

  it("answers 201 with a token the gateway charges, never caching it, and allows the browser to read it", async () => {
    const response = await handle(post(await withToken(card)));
    expect(response.status).toBe(201);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as {
      token: string;
      brand: string;
      last4: string;
      expiresAt: string;
    };
    expect(body).toEqual({
      token: expect.stringMatching(/^tok_/),
      brand: "mastercard",
      last4: "4444",
      expiresAt: "2026-03-10T15:15:00.000Z",
    });
    const result = await gateway.createPayment({
      idempotencyKey: "pay_endpoint_1",
      amount: { amount: 1990, currency: "BRL" },
      method: "card",
      description: "Plano mensal",
      payer: { name: "Maria", email: "maria@example.com", phone: null, document: null, address: null },
      card: { type: "token", token: body.token },
    });
    expect(result.status).toBe("succeeded");
  });

  it("answers the CORS preflight", async () => {
    const response = await handle(
      new Request(url, { method: "OPTIONS", headers: { origin: "https://studio.example" } }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    expect(response.headers.get("access-control-allow-headers")).toBe("content-type, authorization");
  });

  it("answers 400 with field issues for a bad card, without echoing the number", async () => {
    const response = await handle(
      post(await withToken({ ...card, number: "5555555555554445", expMonth: 0 })),
    );
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toContain("5555555555554445");
    const body = JSON.parse(text) as { error: { code: string; issues: { path: string[] }[] } };
    expect(body.error.code).toBe("invalid_card");
    expect(body.error.issues.map((issue) => issue.path[0]).sort()).toEqual(["expMonth", "number"]);
  });

  it("answers 400 to a body that is not JSON or not an object", async () => {
    const broken = new Request(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect((await handle(broken)).status).toBe(400);
    expect((await handle(post([1, 2]))).status).toBe(400);
    expect((await handle(post("4111111111111111"))).status).toBe(400);
  });

  it("answers 405 to other methods and 415 to other media types", async () => {
    const get = await handle(new Request(url));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST, OPTIONS");
    expect((await handle(post(card, { "content-type": "text/plain" }))).status).toBe(415);
  });

  it("allows only the configured origins when given a list", async () => {
    const strict = createSandboxGateway({ tokenizationAllowedOrigins: ["https://studio.example"] });
    const allowed = await strict.sandbox.handleTokenizationRequest(post(card));
    expect(allowed.status, "CORS headers go on refusals too").toBe(401);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://studio.example");
    const other = await strict.sandbox.handleTokenizationRequest(
      post(card, { "content-type": "application/json", origin: "https://evil.example" }),
    );
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
