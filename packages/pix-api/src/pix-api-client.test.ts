import { createManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import type { PixHttpRequest, PixHttpResponse } from "./mtls-transport";
import { PixTransportError } from "./mtls-transport";
import { createPixApiClient, type PixApiClient } from "./pix-api-client";
import { type PixPspMock, startPixPspMock } from "./testing";

const txid = "tsr01JABCDEFGHJKMNPQRSTVWXYZ";

describe("the API Pix client against a loopback PSP over mutual TLS", () => {
  let psp: PixPspMock;
  let client: PixApiClient;
  const clock = createManualClock("2026-12-01T12:00:00.000Z");
  const logged: string[] = [];

  async function open() {
    psp = await startPixPspMock({ clock, notify: false });
    client = createPixApiClient({
      baseUrl: psp.baseUrl,
      tokenUrl: psp.tokenUrl,
      clientId: psp.clientId,
      clientSecret: psp.clientSecret,
      certificate: psp.clientCertificate.certificate,
      privateKey: psp.clientCertificate.privateKey,
      ca: psp.pki.caCertificate,
      clock,
      origin: "pix-test",
      log: (entry) => logged.push(JSON.stringify(entry)),
    });
  }
  afterEach(async () => {
    client?.close();
    await psp?.close();
  });

  it("creates a cob by our txid, finds it, is idempotent, and removes it while ATIVA", async () => {
    await open();
    const body = { calendario: { expiracao: 3600 }, valor: { original: "199.90" }, chave: psp.chave };
    const created = await client.putCob(txid, body);
    expect(created).toMatchObject({ txid, status: "ATIVA", valor: { original: "199.90" } });
    expect(created.pixCopiaECola).toMatch(/^000201/);
    expect(await client.putCob(txid, body)).toMatchObject({ txid, status: "ATIVA" });
    expect(psp.records().charges.filter((charge) => charge.txid === txid)).toHaveLength(1);
    expect((await client.getCob(txid))?.status).toBe("ATIVA");
    expect(await client.getCob("tsr01JZZZZZZZZZZZZZZZZZZZZZZ")).toBeNull();
    const removed = await client.patchCob(txid, { status: "REMOVIDA_PELO_USUARIO_RECEBEDOR" });
    expect(removed.status).toBe("REMOVIDA_PELO_USUARIO_RECEBEDOR");
    expect(psp.tokenRequests(), "one token for the cob scope set").toBe(1);
  });

  it("refunds a paid Pix by our id, and the PSP refuses the same id again", async () => {
    await open();
    await client.putCob(txid, {
      calendario: { expiracao: 3600 },
      valor: { original: "50.00" },
      chave: psp.chave,
    });
    const endToEndId = psp.pay(txid);
    const paid = await client.getCob(txid);
    expect(paid?.status).toBe("CONCLUIDA");
    expect(paid?.pix?.[0]?.endToEndId).toBe(endToEndId);
    const refund = await client.putDevolucao(endToEndId, "rfd01", { valor: "10.00" });
    expect(refund).toMatchObject({ id: "rfd01", valor: "10.00" });
    expect((await client.getDevolucao(endToEndId, "rfd01"))?.id).toBe("rfd01");
    expect(await client.getDevolucao(endToEndId, "rfd02")).toBeNull();
    const reused = await client.putDevolucao(endToEndId, "rfd01", { valor: "10.00" }).catch((error) => error);
    expect(reused).toMatchObject({
      code: "gateway_invalid_request",
      details: { problemType: "PixDevolucaoInvalida" },
    });
  });

  it("names each property the PSP refused as a field issue", async () => {
    await open();
    const error = await client
      .putCob(txid, { calendario: { expiracao: -1 }, valor: { original: "0.00" }, chave: psp.chave })
      .catch((e) => e);
    expect(error.code).toBe("gateway_invalid_request");
    expect(error.details.issues.length).toBeGreaterThan(0);
    for (const issue of error.details.issues) expect(issue.path.length).toBeGreaterThan(0);
  });

  it("takes a fresh token once when the PSP revoked the cached one, then keeps it", async () => {
    await open();
    const body = { calendario: { expiracao: 3600 }, valor: { original: "1.00" }, chave: psp.chave };
    await client.putCob(txid, body);
    psp.expireAccessToken();
    await client.getCob(txid);
    expect(psp.tokenRequests()).toBe(2);
    await client.getCob(txid);
    expect(psp.tokenRequests()).toBe(2);
  });

  it("renews a token before it expires by the clock, and asks once for concurrent calls", async () => {
    await open();
    await Promise.all([client.getCob(txid), client.getCob(txid), client.getCob(txid)]);
    expect(psp.tokenRequests(), "single flight").toBe(1);
    clock.advance(3600_000 - 59_000);
    await client.getCob(txid);
    expect(psp.tokenRequests(), "renewed within the last minute of its life").toBe(2);
  });

  it("says a rate limit is a wait, with the PSP's Retry-After", async () => {
    await open();
    await client.getCob(txid);
    psp.rateLimitNext();
    const error = await client.getCob(txid).catch((e) => e);
    expect(error).toMatchObject({ code: "gateway_unavailable", details: { retryAfterSeconds: 1 } });
  });

  it("reports a create whose answer was lost as unknown, and the PSP made it", async () => {
    await open();
    psp.timeoutNextCreate("after_charge");
    const error = await client
      .putCob(txid, { calendario: { expiracao: 3600 }, valor: { original: "1.00" }, chave: psp.chave })
      .catch((e) => e);
    expect(error).toBeInstanceOf(PixTransportError);
    expect(error.kind).toBe("unknown");
    expect((await client.getCob(txid))?.status).toBe("ATIVA");
  });

  it("registers the key's webhook and reads it back", async () => {
    await open();
    await client.putWebhook(psp.chave, "https://127.0.0.1:9/webhooks/pix-test");
    expect((await client.getWebhook(psp.chave))?.webhookUrl).toBe("https://127.0.0.1:9/webhooks/pix-test");
    await client.deleteWebhook(psp.chave);
    expect(await client.getWebhook(psp.chave)).toBeNull();
  });

  it("never logs the client secret, the private key or an access token", async () => {
    await open();
    await client.putCob(txid, {
      calendario: { expiracao: 3600 },
      valor: { original: "1.00" },
      chave: psp.chave,
    });
    const lines = logged.join("\n");
    expect(lines).toContain("api pix call");
    expect(lines).not.toContain(psp.clientSecret);
    expect(lines).not.toContain("PRIVATE KEY");
    expect(lines.toLowerCase()).not.toContain("bearer");
  });
});

describe("the API Pix client's answers, replayed through an injected transport", () => {
  const clock = createManualClock("2026-12-01T12:00:00.000Z");
  function replaying(answers: ((request: PixHttpRequest) => PixHttpResponse)[]) {
    const sent: PixHttpRequest[] = [];
    const client = createPixApiClient({
      baseUrl: "https://psp.example/api/v2/",
      tokenUrl: "https://psp.example/oauth/token",
      clientId: "client-id",
      clientSecret: "s3cr3t",
      certificate: "unused",
      privateKey: "unused",
      clock,
      origin: "pix-replay",
      transport: async (request) => {
        sent.push(request);
        const answer = answers.shift();
        if (!answer) throw new Error(`unexpected ${request.method} ${request.url}`);
        return answer(request);
      },
    });
    return { client, sent };
  }
  const token = () => ({
    status: 200,
    headers: {},
    body: JSON.stringify({ access_token: "tok-1", expires_in: 3600 }),
  });

  it("asks for a token with Basic credentials and the resource's scopes, then sends the bearer", async () => {
    const { client, sent } = replaying([
      token,
      () => ({
        status: 404,
        headers: {},
        body: JSON.stringify({ type: "x/CobNaoEncontrado", title: "n", status: 404 }),
      }),
    ]);
    expect(await client.getCob(txid)).toBeNull();
    expect(sent[0]).toMatchObject({ method: "POST", url: "https://psp.example/oauth/token" });
    expect(sent[0]?.headers["authorization"]).toBe(
      `Basic ${Buffer.from("client-id:s3cr3t").toString("base64")}`,
    );
    expect(new URLSearchParams(sent[0]?.body).get("scope")).toBe("cob.read cob.write");
    expect(sent[1]).toMatchObject({ method: "GET", url: `https://psp.example/api/v2/cob/${txid}` });
    expect(sent[1]?.headers["authorization"]).toBe("Bearer tok-1");
  });

  it("reads a 5xx as 'may have happened', never as a refusal", async () => {
    const { client } = replaying([token, () => ({ status: 503, headers: {}, body: "<html>down</html>" })]);
    const error = await client.getCob(txid).catch((e) => e);
    expect(error).toBeInstanceOf(PixTransportError);
    expect(error.kind).toBe("unknown");
  });

  it("refuses credentials the token endpoint rejects as an authentication error", async () => {
    const { client } = replaying([
      () => ({ status: 401, headers: {}, body: JSON.stringify({ error: "invalid_client" }) }),
    ]);
    await expect(client.getCob(txid)).rejects.toMatchObject({
      code: "gateway_authentication",
      details: { oauthError: "invalid_client", origin: "pix-replay" },
    });
  });

  it("refuses a txid outside 26–35 letters and digits before sending anything", async () => {
    const { client, sent } = replaying([]);
    await expect(client.getCob("short")).rejects.toThrow(/26–35/);
    expect(sent).toEqual([]);
  });

  it("sends again what never left, once", async () => {
    let attempts = 0;
    const { client } = replaying([
      token,
      () => {
        attempts++;
        throw new PixTransportError("not_sent", "refused");
      },
      () => {
        attempts++;
        return { status: 404, headers: {}, body: "" };
      },
    ]);
    expect(await client.getCob(txid)).toBeNull();
    expect(attempts).toBe(2);
  });
});
