import { createManualClock } from "@tessera/core/testing";
import { type LoopbackWebhookReceiver, startLoopbackWebhookReceiver } from "@tessera/pix-api/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type InterMock, startInterMock } from "./inter-mock";
import { schemaErrors } from "./inter-schemas";
import { emit, emitBody, type InterTestSession, openInterSession } from "./inter-test-session";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Inter posts to exactly the registered URL a JSON array, over mutual TLS with its
// "Certificado Webhook" (its own CA), a fresh x-chave-idempotencia per dispatch, and retries
// anything but a 200.
describe("the mock Inter's webhook and callbacks", () => {
  const clock = createManualClock("2026-01-15T12:00:00.000Z");
  let inter: InterMock;
  let session: InterTestSession;
  let receiver: LoopbackWebhookReceiver | undefined;
  beforeAll(async () => {
    inter = await startInterMock({ clock, retryDelaysMs: [5, 5] });
    session = await openInterSession(inter);
  });
  afterEach(async () => {
    await inter.notificationsSettled();
    await receiver?.close();
    receiver = undefined;
  });
  afterAll(() => inter.close());

  async function listen(statuses: number[] = []): Promise<LoopbackWebhookReceiver> {
    receiver = await startLoopbackWebhookReceiver({
      serverCertificate: inter.pki.issueServer(["127.0.0.1"]),
      clientCa: inter.webhookCaCertificate,
      path: "/inter/boletos",
      statuses,
    });
    expect(
      (await session.call("PUT", "/cobrancas/webhook", { webhookUrl: receiver.webhookUrl })).status,
    ).toBe(204);
    return receiver;
  }

  it("registers, shows and deletes the webhook; refuses a non-https URL", async () => {
    expect(
      (await session.call("PUT", "/cobrancas/webhook", { webhookUrl: "http://127.0.0.1/x" })).status,
    ).toBe(400);
    const hook = await listen();
    const shown = await session.call("GET", "/cobrancas/webhook");
    expect(schemaErrors("WebhookCompleto", shown.json)).toEqual([]);
    expect(shown.json).toEqual({
      webhookUrl: hook.webhookUrl,
      criacao: clock.now(),
      atualizacao: clock.now(),
    });
    expect((await session.call("DELETE", "/cobrancas/webhook")).status).toBe(204);
    expect((await session.call("GET", "/cobrancas/webhook")).status).toBe(404);
    expect((await session.call("DELETE", "/cobrancas/webhook")).status).toBe(404);
  });

  it("calls back A_RECEBER on issue and RECEBIDO on payment, to exactly the URL, with the webhook certificate", async () => {
    const hook = await listen();
    const id = await emit(session, emitBody("2026-01-20", { seuNumero: "HOOK-1", valorNominal: 6.02 }));
    inter.issue(id);
    inter.pay(id, "PIX");
    await inter.notificationsSettled();
    const received = hook.received();
    expect(received.map((callback) => [callback.method, callback.url])).toEqual([
      ["POST", "/inter/boletos"],
      ["POST", "/inter/boletos"],
    ]);
    const bodies = received.map((callback) => JSON.parse(callback.rawBody) as Record<string, unknown>[]);
    for (const body of bodies) {
      expect(Array.isArray(body)).toBe(true);
      for (const item of body) expect(schemaErrors("CallbackCobranca", item)).toEqual([]);
    }
    expect(bodies[0]).toEqual([
      expect.objectContaining({
        codigoSolicitacao: id,
        seuNumero: "HOOK-1",
        situacao: "A_RECEBER",
        txid: expect.any(String),
      }),
    ]);
    expect(bodies[0]?.[0]).not.toHaveProperty("valorTotalRecebido");
    expect(bodies[1]).toEqual([
      expect.objectContaining({
        codigoSolicitacao: id,
        situacao: "RECEBIDO",
        valorTotalRecebido: "6.02",
        origemRecebimento: "PIX",
        dataHoraSituacao: clock.now(),
        linhaDigitavel: expect.stringMatching(/^\d{47}$/),
      }),
    ]);
    const keys = received.map((callback) => callback.headers["x-chave-idempotencia"]);
    expect(keys[0]).toMatch(uuid);
    expect(keys[0]).not.toBe(keys[1]);
    expect(received[0]?.headers["content-type"]).toBe("application/json");
    expect(received[0]?.verifiedClientCertificate.issuer).toContain("CN=Inter webhook CA");
    expect(inter.webhookCaName).toContain("Inter webhook CA");
    expect(inter.records().charges.find((charge) => charge.codigoSolicitacao === id)?.collected).toEqual({
      amount: 602,
      currency: "BRL",
    });
  });

  it("retries after a 500 with a new x-chave-idempotencia, and stops at the first 200", async () => {
    const hook = await listen([500]);
    const id = await emit(session, emitBody("2026-01-20", { seuNumero: "HOOK-RETRY" }));
    inter.issue(id);
    await inter.notificationsSettled();
    const attempts = inter.deliveries().filter((delivery) => delivery.body[0]?.["codigoSolicitacao"] === id);
    expect(attempts.map((attempt) => [attempt.attempt, attempt.status])).toEqual([
      [1, 500],
      [2, 200],
    ]);
    const received = hook.received();
    expect(received).toHaveLength(2);
    expect(received[0]?.rawBody).toBe(received[1]?.rawBody);
    expect(received[0]?.headers["x-chave-idempotencia"]).not.toBe(
      received[1]?.headers["x-chave-idempotencia"],
    );
  });

  it("gives up after the last retry when the receiver never answers 200", async () => {
    await listen([503, 503, 503]);
    const id = await emit(session, emitBody("2026-01-20", { seuNumero: "HOOK-DOWN" }));
    inter.issue(id);
    await inter.notificationsSettled();
    const attempts = inter.deliveries().filter((delivery) => delivery.body[0]?.["codigoSolicitacao"] === id);
    expect(attempts.map((attempt) => attempt.status)).toEqual([503, 503, 503]);
  });

  it("records a connection failure when the receiver does not trust the webhook CA", async () => {
    receiver = await startLoopbackWebhookReceiver({
      serverCertificate: inter.pki.issueServer(["127.0.0.1"]),
      clientCa: inter.pki.caCertificate,
    });
    await session.call("PUT", "/cobrancas/webhook", { webhookUrl: receiver.webhookUrl });
    const id = await emit(session, emitBody("2026-01-20", { seuNumero: "HOOK-TLS" }));
    inter.issue(id);
    await inter.notificationsSettled();
    const attempts = inter.deliveries().filter((delivery) => delivery.body[0]?.["codigoSolicitacao"] === id);
    expect(attempts).toHaveLength(3);
    expect(attempts.every((attempt) => attempt.status === null && attempt.error !== undefined)).toBe(true);
    expect(receiver.received()).toEqual([]);
  });

  it("sends several payments in one array with payTogether, and a charge made outside us", async () => {
    const hook = await listen();
    const first = await emit(session, emitBody("2026-01-20", { seuNumero: "TOGETHER-1" }));
    const second = await emit(session, emitBody("2026-01-20", { seuNumero: "TOGETHER-2" }));
    inter.issue(first);
    inter.issue(second);
    await inter.notificationsSettled();
    inter.payTogether([first, second], "BOLETO");
    const outside = inter.chargeOutsideUs(2500);
    await inter.notificationsSettled();
    const bodies = hook
      .received()
      .map((callback) => JSON.parse(callback.rawBody) as Record<string, unknown>[]);
    expect(bodies.at(-2)?.map((item) => [item["codigoSolicitacao"], item["situacao"]])).toEqual([
      [first, "RECEBIDO"],
      [second, "RECEBIDO"],
    ]);
    expect(bodies.at(-1)).toEqual([
      expect.objectContaining({
        codigoSolicitacao: outside.codigoSolicitacao,
        situacao: "RECEBIDO",
        valorTotalRecebido: "25.00",
      }),
    ]);
    expect(inter.records().charges.find((charge) => charge.outside)).toMatchObject({
      seuNumero: outside.seuNumero,
      collected: { amount: 2500, currency: "BRL" },
    });
  });
});

describe("the mock Inter with notify: false", () => {
  it("records callbacks without posting them", async () => {
    const inter = await startInterMock({
      notify: false,
      clock: createManualClock("2026-01-15T12:00:00.000Z"),
    });
    try {
      const session = await openInterSession(inter);
      const id = await emit(session, emitBody("2026-01-20"));
      inter.issue(id);
      expect(inter.deliveries()).toEqual([
        expect.objectContaining({ url: "", status: null, error: "not sent: no webhook registered" }),
      ]);
      await session.call("PUT", "/cobrancas/webhook", { webhookUrl: "https://127.0.0.1:9/hook" });
      inter.pay(id, "PIX");
      expect(inter.deliveries().at(-1)).toMatchObject({
        url: "https://127.0.0.1:9/hook",
        status: null,
        error: "not sent: notify is off",
      });
    } finally {
      await inter.close();
    }
  });
});
