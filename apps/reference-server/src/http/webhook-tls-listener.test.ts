import { createTestPki } from "@tessera/pix-api/testing";
import { afterEach, describe, expect, it } from "vitest";
import { sqliteTestApp } from "./test-app";
import { postOverMutualTls } from "./test-webhook-listener";
import { startWebhookTlsListener, type WebhookTlsListener } from "./webhook-tls-listener";

const trusted = createTestPki({ name: "Trusted Provider CA" });
const stranger = createTestPki({ name: "Stranger CA" });
const serverCertificate = trusted.issueServer();

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function listener(trustedCas = () => [trusted.caCertificate]): Promise<WebhookTlsListener> {
  const app = await sqliteTestApp();
  const started = await startWebhookTlsListener({
    tessera: app.tessera,
    logger: app.log.logger,
    host: "127.0.0.1",
    port: 0,
    certificate: serverCertificate.certificate,
    privateKey: serverCertificate.privateKey,
    trustedCas,
    clientCertificateHeader: "x-client-cert",
  });
  cleanups.push(async () => {
    await started.close();
    await app.cleanup();
  });
  return started;
}

const post = (port: number, client: { certificate: string; privateKey: string } | null) =>
  postOverMutualTls({ port, ca: trusted.caCertificate, path: "/webhooks/nowhere", client, body: "{}" });

describe("webhook TLS listener", () => {
  it("lets a client certificate from a trusted CA reach the webhooks area", async () => {
    const { port } = await listener();
    const answer = await post(port, trusted.issueClient("provider"));
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: "gateway_not_configured" } });
  });

  it("refuses the handshake without a client certificate", async () => {
    const { port } = await listener();
    await expect(post(port, null)).rejects.toThrow();
  });

  it("refuses a client certificate from another CA", async () => {
    const { port } = await listener();
    await expect(post(port, stranger.issueClient("impostor"))).rejects.toThrow();
  });

  it("lets a newly trusted CA in after refreshTrust, without a restart", async () => {
    const cas = [trusted.caCertificate];
    const started = await listener(() => cas);
    await expect(post(started.port, stranger.issueClient("late"))).rejects.toThrow();
    cas.push(stranger.caCertificate);
    started.refreshTrust();
    expect((await post(started.port, stranger.issueClient("late"))).status).toBe(404);
  });
});
