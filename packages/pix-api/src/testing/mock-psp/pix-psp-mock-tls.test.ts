import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mtlsCall } from "../mtls/mtls-caller";
import { createTestPki } from "../test-pki";
import { type PixPspMock, startPixPspMock } from "./pix-psp-mock";
import { requestToken } from "./psp-test-session";

describe("the mock PSP's mutual TLS", () => {
  let mock: PixPspMock;
  beforeAll(async () => {
    mock = await startPixPspMock();
  });
  afterAll(() => mock.close());

  it("never answers a caller that presents no client certificate", async () => {
    await expect(
      mtlsCall({ method: "POST", url: mock.tokenUrl, certificate: null, ca: mock.pki.caCertificate }),
    ).rejects.toThrow();
  });

  it("never answers a caller whose certificate another CA issued", async () => {
    const stranger = createTestPki({ name: "Someone else" }).issueClient("tessera-gateway");
    await expect(
      mtlsCall({ method: "POST", url: mock.tokenUrl, certificate: stranger, ca: mock.pki.caCertificate }),
    ).rejects.toThrow();
  });

  it("answers a caller with a client certificate from its PKI", async () => {
    const answer = await requestToken(mock);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
  });

  it("serves the API under its base path and nothing outside it", async () => {
    expect(mock.baseUrl).toBe(`${mock.url}/v2`);
    const outside = await mtlsCall({
      method: "GET",
      url: `${mock.url}/cob/whatever`,
      certificate: mock.clientCertificate,
      ca: mock.pki.caCertificate,
    });
    expect(outside.status).toBe(404);
    expect(outside.headers["content-type"]).toContain("application/problem+json");
  });

  it("serves Banco Inter's layout when told its base path", async () => {
    const inter = await startPixPspMock({ pki: mock.pki, basePath: "/pix/v2", tokenPath: "/oauth/v2/token" });
    try {
      expect(inter.baseUrl).toBe(`${inter.url}/pix/v2`);
      expect((await requestToken(inter)).status).toBe(200);
    } finally {
      await inter.close();
    }
  });
});
