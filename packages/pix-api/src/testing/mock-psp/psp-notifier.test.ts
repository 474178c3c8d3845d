import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestPki } from "../test-pki";
import { webhookBodyErrors } from "./api-pix-validator";
import { type LoopbackWebhookReceiver, startLoopbackWebhookReceiver } from "./loopback-webhook-receiver";
import { type PixPspMock, startPixPspMock } from "./pix-psp-mock";
import { callbackUrl } from "./psp-notifier";
import { cobBody, freshTxid, openPspSession } from "./psp-test-session";

const pki = createTestPki({ name: "Tessera test PKI" });
const receiverCertificate = pki.issueServer(["127.0.0.1"]);

describe("the mock PSP's webhook callbacks", () => {
  let mock: PixPspMock;
  const receivers: LoopbackWebhookReceiver[] = [];
  beforeAll(async () => {
    mock = await startPixPspMock({ pki, retryDelaysMs: [0, 0] });
  });
  afterEach(async () => {
    await mock.notificationsSettled();
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  });
  afterAll(() => mock.close());

  async function listening(statuses?: readonly number[]) {
    const receiver = await startLoopbackWebhookReceiver({
      serverCertificate: receiverCertificate,
      clientCa: pki.caCertificate,
      ...(statuses === undefined ? {} : { statuses }),
    });
    receivers.push(receiver);
    const psp = await openPspSession(mock);
    expect(
      (
        await psp.call("PUT", `/webhook/${encodeURIComponent(mock.chave)}`, {
          webhookUrl: receiver.webhookUrl,
        })
      ).status,
    ).toBe(200);
    return { receiver, psp };
  }

  async function charge(psp: Awaited<ReturnType<typeof openPspSession>>) {
    const txid = freshTxid();
    await psp.call("PUT", `/cob/${txid}`, cobBody(mock));
    return txid;
  }

  it("posts {pix:[…]} to {webhookUrl}/pix over mutual TLS, presenting its own certificate from the PKI", async () => {
    const { receiver, psp } = await listening();
    const txid = await charge(psp);
    const endToEndId = mock.pay(txid);
    await mock.notificationsSettled();
    const [callback] = receiver.received();
    expect(callback).toMatchObject({ method: "POST", url: "/hooks/pix" });
    expect(callback!.verifiedClientCertificate.subject).toContain("CN=psp-webhook");
    expect(callback!.verifiedClientCertificate.issuer).toContain("Tessera test PKI");
    const body = JSON.parse(callback!.rawBody);
    expect(body).toMatchObject({ pix: [{ endToEndId, txid, valor: "37.00", chave: mock.chave }] });
    expect(webhookBodyErrors(body)).toEqual([]);
  });

  it("retries a delivery the receiver refused, and records each attempt", async () => {
    const { receiver, psp } = await listening([500, 503]);
    const endToEndId = mock.pay(await charge(psp));
    await mock.notificationsSettled();
    expect(receiver.received()).toHaveLength(3);
    const attempts = mock
      .deliveries()
      .filter((delivery) => delivery.body.pix[0]?.["endToEndId"] === endToEndId);
    expect(attempts.map((attempt) => [attempt.attempt, attempt.status])).toEqual([
      [1, 500],
      [2, 503],
      [3, 200],
    ]);
  });

  it("gives up after its retries when the receiver is gone", async () => {
    const { receiver, psp } = await listening();
    const txid = await charge(psp);
    await receiver.close();
    mock.pay(txid);
    await mock.notificationsSettled();
    const attempts = mock.deliveries().filter((delivery) => delivery.body.pix[0]?.["txid"] === txid);
    expect(attempts.map((attempt) => attempt.status)).toEqual([null, null, null]);
  });

  it("stops retrying when the mock closes, however long the next pause would be", async () => {
    const patient = await startPixPspMock({ pki, retryDelaysMs: [3_600_000] });
    const psp = await openPspSession(patient);
    const receiver = await startLoopbackWebhookReceiver({
      serverCertificate: receiverCertificate,
      clientCa: pki.caCertificate,
    });
    await psp.call("PUT", `/webhook/${encodeURIComponent(patient.chave)}`, {
      webhookUrl: receiver.webhookUrl,
    });
    await receiver.close();
    const txid = freshTxid();
    await psp.call("PUT", `/cob/${txid}`, cobBody(patient));
    patient.pay(txid);
    await expect.poll(() => patient.deliveries().length).toBe(1);
    await patient.close();
    await patient.notificationsSettled();
    expect(patient.deliveries()).toHaveLength(1);
  });

  it("tells of several Pix paid at once in one body", async () => {
    const { receiver, psp } = await listening();
    const txids = [await charge(psp), await charge(psp)];
    mock.payTogether(txids);
    await mock.notificationsSettled();
    expect(receiver.received()).toHaveLength(1);
    const body = JSON.parse(receiver.received()[0]!.rawBody) as { pix: { txid: string }[] };
    expect(body.pix.map((pix) => pix.txid)).toEqual(txids);
  });

  it("tells nothing of a static code's Pix, and tells of a charge someone else made", async () => {
    const { receiver } = await listening();
    mock.payStatic(1500);
    const outside = mock.chargeOutsideUs(2500);
    await mock.notificationsSettled();
    const bodies = receiver
      .received()
      .map((callback) => JSON.parse(callback.rawBody) as { pix: { txid: string }[] });
    expect(bodies.flatMap((body) => body.pix.map((pix) => pix.txid))).toEqual([outside.txid]);
    expect(mock.records().charges.find((entry) => entry.txid === outside.txid)).toMatchObject({
      outside: true,
      status: "CONCLUIDA",
    });
  });

  it("tells again when a devolução becomes final, the Pix carrying its devolucoes", async () => {
    const { receiver, psp } = await listening();
    const endToEndId = mock.pay(await charge(psp));
    mock.holdNextRefund();
    await psp.call("PUT", `/pix/${endToEndId}/devolucao/d1`, { valor: "7.00" });
    await mock.notificationsSettled();
    expect(receiver.received()).toHaveLength(1);
    mock.settleRefund(endToEndId, "d1", "DEVOLVIDO");
    await mock.notificationsSettled();
    const last = JSON.parse(receiver.received()[1]!.rawBody);
    expect(last).toMatchObject({
      pix: [{ endToEndId, devolucoes: [{ id: "d1", valor: "7.00", status: "DEVOLVIDO" }] }],
    });
    expect(webhookBodyErrors(last)).toEqual([]);
  });

  it("shows and deletes the webhook, and refuses one for a key that is not the receiver's or not over HTTPS", async () => {
    const { receiver, psp } = await listening();
    const path = `/webhook/${encodeURIComponent(mock.chave)}`;
    expect((await psp.call("GET", path)).json).toMatchObject({
      webhookUrl: receiver.webhookUrl,
      chave: mock.chave,
    });
    expect(
      (await psp.call("PUT", "/webhook/outra-chave@example.com", { webhookUrl: receiver.webhookUrl })).status,
    ).toBe(400);
    expect((await psp.call("PUT", path, { webhookUrl: "http://127.0.0.1:1/hooks" })).status).toBe(400);
    expect((await psp.call("PUT", path, { webhookUrl: "not a url" })).json).toMatchObject({
      violacoes: [expect.objectContaining({ propriedade: "webhook.webhookUrl" })],
    });
    expect((await psp.call("DELETE", path)).status).toBe(204);
    expect((await psp.call("GET", path)).status).toBe(404);
    mock.pay(await charge(psp));
    await mock.notificationsSettled();
    expect(receiver.received()).toHaveLength(0);
  });

  it("never posts beyond this machine", async () => {
    const psp = await openPspSession(mock);
    const path = `/webhook/${encodeURIComponent(mock.chave)}`;
    expect((await psp.call("PUT", path, { webhookUrl: "https://hooks.example.com/pix" })).status).toBe(200);
    const txid = await charge(psp);
    mock.pay(txid);
    await mock.notificationsSettled();
    const [attempt] = mock.deliveries().filter((delivery) => delivery.body.pix[0]?.["txid"] === txid);
    expect(attempt).toMatchObject({ url: "https://hooks.example.com/pix/pix", status: null });
    expect(attempt?.error).toMatch(/loopback/);
    await psp.call("DELETE", path);
  });

  it("appends /pix to the path of the registered URL, keeping its query", () => {
    expect(callbackUrl("https://127.0.0.1:8443/hooks/?t=1").href).toBe(
      "https://127.0.0.1:8443/hooks/pix?t=1",
    );
  });

  it("hands callbacks to onNotification without posting them when notify is off", async () => {
    const seen: string[] = [];
    const quiet = await startPixPspMock({ pki, notify: false, onNotification: (n) => seen.push(n.url) });
    try {
      const psp = await openPspSession(quiet);
      await psp.call("PUT", `/webhook/${encodeURIComponent(quiet.chave)}`, {
        webhookUrl: "https://127.0.0.1:9/h",
      });
      const txid = freshTxid();
      await psp.call("PUT", `/cob/${txid}`, cobBody(quiet));
      quiet.pay(txid);
      await quiet.notificationsSettled();
      expect(seen).toEqual(["https://127.0.0.1:9/h/pix"]);
      expect(quiet.deliveries()).toMatchObject([
        { status: null, error: expect.stringMatching(/notify is off/) },
      ]);
    } finally {
      await quiet.close();
    }
  });
});
