import { createManualClock } from "@tessera/core/testing";
import { createTestPki, mtlsCall } from "@tessera/pix-api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InterMock, startInterMock } from "./inter-mock";
import { openInterSession, requestToken } from "./inter-test-session";

// Mutual TLS on every call, token included, and Inter's OAuth: credentials in the form body,
// scopes boleto-cobranca.read/.write, one-hour tokens.
describe("the mock Inter's token endpoint and TLS edge", () => {
  const clock = createManualClock("2026-01-15T12:00:00.000Z");
  let inter: InterMock;
  beforeAll(async () => {
    inter = await startInterMock({ clock });
  });
  afterAll(() => inter.close());

  it("grants a Bearer token of 3600 s with the scopes asked, and counts grants", async () => {
    const before = inter.tokenRequests();
    const answer = await requestToken(inter, { scope: "boleto-cobranca.read" });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      access_token: expect.any(String),
      token_type: "Bearer",
      expires_in: 3600,
      scope: "boleto-cobranca.read",
    });
    expect(inter.tokenRequests()).toBe(before + 1);
  });

  it("refuses wrong credentials with 401 invalid_client, and does not count them", async () => {
    const before = inter.tokenRequests();
    const answer = await requestToken(inter, { clientSecret: "wrong" });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ error: "invalid_client" });
    expect(inter.tokenRequests()).toBe(before);
  });

  it("takes no HTTP Basic credentials: Inter reads them from the form", async () => {
    const answer = await mtlsCall({
      method: "POST",
      url: inter.tokenUrl,
      certificate: inter.clientCertificate,
      ca: inter.pki.caCertificate,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${inter.clientId}:${inter.clientSecret}`).toString("base64")}`,
      },
      body: "grant_type=client_credentials&scope=boleto-cobranca.read",
    });
    expect(answer.status).toBe(401);
  });

  it("refuses an unknown scope with 400 invalid_scope", async () => {
    const answer = await requestToken(inter, { scope: "boleto-cobranca.read cob.write" });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: "invalid_scope" });
  });

  it("answers 403 in Inter's shape to a token without the operation's scope", async () => {
    const reader = await openInterSession(inter, "boleto-cobranca.read");
    const answer = await reader.call("PUT", "/cobrancas/webhook", { webhookUrl: "https://127.0.0.1:1/hook" });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ title: "Acesso Negado", status: 403 });
    expect(answer.json).not.toHaveProperty("type");
    expect((await reader.call("GET", "/cobrancas/webhook")).status).toBe(404);
  });

  it("answers 401 without a token, and to every token once expireAccessToken is called", async () => {
    const session = await openInterSession(inter);
    expect((await session.call("GET", "/cobrancas/webhook")).status).toBe(404);
    inter.expireAccessToken();
    expect((await session.call("GET", "/cobrancas/webhook")).status).toBe(401);
    const fresh = await openInterSession(inter);
    expect((await fresh.call("GET", "/cobrancas/webhook")).status).toBe(404);
    const anonymous = await mtlsCall({
      method: "GET",
      url: `${inter.baseUrl}/cobranca/v3/cobrancas/webhook`,
      certificate: inter.clientCertificate,
      ca: inter.pki.caCertificate,
    });
    expect(anonymous.status).toBe(401);
  });

  it("lets a token lapse after an hour by the mock's clock", async () => {
    const session = await openInterSession(inter);
    clock.advance(3599_000);
    expect((await session.call("GET", "/cobrancas/webhook")).status).toBe(404);
    clock.advance(1000);
    expect((await session.call("GET", "/cobrancas/webhook")).status).toBe(401);
  });

  it("refuses the handshake to a client without a certificate, even at the token endpoint", async () => {
    await expect(
      mtlsCall({
        method: "POST",
        url: inter.tokenUrl,
        certificate: null,
        ca: inter.pki.caCertificate,
        body: "x",
      }),
    ).rejects.toThrow();
  });

  it("refuses the handshake to a certificate from another CA (the webhook CA included)", async () => {
    const stranger = createTestPki({ name: "Someone else" }).issueClient("intruder");
    for (const certificate of [stranger, inter.webhookCertificate]) {
      await expect(
        mtlsCall({
          method: "POST",
          url: inter.tokenUrl,
          certificate,
          ca: inter.pki.caCertificate,
          body: "x",
        }),
      ).rejects.toThrow();
    }
  });
});

describe("the mock Inter's token limits and bindings", () => {
  it("binds a token to the certificate it was issued to", async () => {
    const inter = await startInterMock({ clock: createManualClock("2026-01-15T12:00:00.000Z") });
    try {
      const session = await openInterSession(inter);
      const answer = await mtlsCall({
        method: "GET",
        url: `${inter.baseUrl}/cobranca/v3/cobrancas/webhook`,
        certificate: inter.pki.issueClient("another-integracao"),
        ca: inter.pki.caCertificate,
        headers: { authorization: `Bearer ${session.token}` },
      });
      expect(answer.status).toBe(401);
    } finally {
      await inter.close();
    }
  });

  it("answers 429 past tokenLimitPerMinute token calls in a minute, when asked to", async () => {
    const clock = createManualClock("2026-01-15T12:00:00.000Z");
    const inter = await startInterMock({ clock, tokenLimitPerMinute: 5 });
    try {
      for (let call = 0; call < 5; call += 1) expect((await requestToken(inter)).status).toBe(200);
      const sixth = await requestToken(inter);
      expect(sixth.status).toBe(429);
      expect(sixth.headers["retry-after"]).toBe("1");
      clock.advance(60_000);
      expect((await requestToken(inter)).status).toBe(200);
      expect(inter.tokenRequests()).toBe(6);
    } finally {
      await inter.close();
    }
  });

  it("refuses options it cannot honour", async () => {
    await expect(startInterMock({ beneficiaryCnpj: "11222333000180" })).rejects.toThrow(/CNPJ/);
  });
});
