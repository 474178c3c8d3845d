import { createManualClock } from "@tessera/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mtlsCall } from "../mtls/mtls-caller";
import { createTestPki } from "../test-pki";
import { type PixPspMock, startPixPspMock } from "./pix-psp-mock";
import { cobBody, freshTxid, openPspSession, requestToken } from "./psp-test-session";

const pki = createTestPki();
const clock = createManualClock("2026-03-02T12:00:00.000Z");

function tokenRequest(mock: PixPspMock, form: Record<string, string>, headers: Record<string, string> = {}) {
  return mtlsCall({
    method: "POST",
    url: mock.tokenUrl,
    certificate: mock.clientCertificate,
    ca: pki.caCertificate,
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

describe("the mock PSP's OAuth2 client credentials", () => {
  let mock: PixPspMock;
  beforeAll(async () => {
    mock = await startPixPspMock({ pki, clock });
  });
  afterAll(() => mock.close());

  it("issues a token for credentials in HTTP Basic or in the form body", async () => {
    const byBasic = await requestToken(mock, "cob.write cob.read");
    expect(byBasic.status).toBe(200);
    expect(byBasic.json).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      scope: "cob.write cob.read",
    });
    const byBody = await tokenRequest(mock, {
      grant_type: "client_credentials",
      client_id: mock.clientId,
      client_secret: mock.clientSecret,
    });
    expect(byBody.status).toBe(200);
  });

  it("refuses a wrong secret with invalid_client, and a grant other than client_credentials", async () => {
    const wrong = await tokenRequest(
      mock,
      { grant_type: "client_credentials" },
      {
        authorization: basic(mock.clientId, "not-the-secret"),
      },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ error: "invalid_client" });
    const password = await tokenRequest(
      mock,
      { grant_type: "password" },
      { authorization: basic(mock.clientId, mock.clientSecret) },
    );
    expect(password.status).toBe(400);
    expect(password.json).toMatchObject({ error: "unsupported_grant_type" });
  });

  it("refuses a scope the API Pix does not define, and a body that is not a form", async () => {
    expect((await requestToken(mock, "cob.write everything.admin")).json).toMatchObject({
      error: "invalid_scope",
    });
    const json = await mtlsCall({
      method: "POST",
      url: mock.tokenUrl,
      certificate: mock.clientCertificate,
      ca: pki.caCertificate,
      headers: { authorization: basic(mock.clientId, mock.clientSecret) },
      body: { grant_type: "client_credentials" },
    });
    expect(json.status).toBe(400);
  });

  it("answers 403 AcessoNegado to a call whose token lacks the operation's scope", async () => {
    const session = await openPspSession(mock, "cob.read");
    const answer = await session.call("PUT", `/cob/${freshTxid()}`, cobBody(mock));
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({
      type: "https://pix.bcb.gov.br/api/v2/error/AcessoNegado",
      status: 403,
    });
    expect(mock.records().charges).toHaveLength(0);
  });

  it("answers 401 without a token, and to a token presented with another client certificate", async () => {
    const bare = await mtlsCall({
      method: "GET",
      url: `${mock.baseUrl}/cob/${freshTxid()}`,
      certificate: mock.clientCertificate,
      ca: pki.caCertificate,
    });
    expect(bare.status).toBe(401);
    const session = await openPspSession(mock);
    const other = await mtlsCall({
      method: "GET",
      url: `${mock.baseUrl}/cob/${freshTxid()}`,
      certificate: pki.issueClient("another-system"),
      ca: pki.caCertificate,
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(other.status).toBe(401);
  });

  it("lets a token lapse an hour after it was issued, by the mock's clock", async () => {
    const session = await openPspSession(mock);
    const txid = freshTxid();
    expect((await session.call("GET", `/cob/${txid}`)).status).toBe(404);
    clock.advance(3_599_000);
    expect((await session.call("GET", `/cob/${txid}`)).status).toBe(404);
    clock.advance(1_000);
    expect((await session.call("GET", `/cob/${txid}`)).status).toBe(401);
  });

  it("answers 401 to every token once told they expired, and counts token requests", async () => {
    const before = mock.tokenRequests();
    const session = await openPspSession(mock);
    expect(mock.tokenRequests()).toBe(before + 1);
    mock.expireAccessToken();
    expect((await session.call("GET", `/cob/${freshTxid()}`)).status).toBe(401);
    const fresh = await openPspSession(mock);
    expect((await fresh.call("GET", `/cob/${freshTxid()}`)).status).toBe(404);
  });

  it("takes credentials only the way it is configured to", async () => {
    const bodyOnly = await startPixPspMock({ pki, clientAuthentication: "body" });
    try {
      expect((await requestToken(bodyOnly)).status).toBe(401);
    } finally {
      await bodyOnly.close();
    }
  });
});
