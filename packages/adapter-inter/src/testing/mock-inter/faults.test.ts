import { createManualClock } from "@tessera/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InterMock, startInterMock } from "./inter-mock";
import { emitBody, type InterTestSession, openInterSession, requestToken } from "./inter-test-session";

// The faults a gateway must survive: Inter's rate limit (429, Retry-After) and a create that
// times out — after the charge was made (recovery finds it by seuNumero) or before the bank
// read it (nothing to find).
describe("the mock Inter's faults", () => {
  const clock = createManualClock("2026-01-15T12:00:00.000Z");
  let inter: InterMock;
  let session: InterTestSession;
  beforeAll(async () => {
    inter = await startInterMock({ clock, notify: false });
    session = await openInterSession(inter);
  });
  afterAll(() => inter.close());

  const chargesCalled = (seuNumero: string) =>
    inter.records().charges.filter((charge) => charge.seuNumero === seuNumero);

  it("answers 429 with Retry-After: 1 to the next requests, doing nothing, then serves again", async () => {
    inter.rateLimitNext(2);
    const first = await session.call("POST", "/cobrancas", emitBody("2026-01-20", { seuNumero: "RATE-1" }));
    expect(first.status).toBe(429);
    expect(first.headers["retry-after"]).toBe("1");
    expect(first.json).toMatchObject({ status: 429 });
    // The token endpoint is not counted against the API's limit.
    expect((await requestToken(inter)).status).toBe(200);
    expect((await session.call("GET", "/cobrancas/webhook")).status).toBe(429);
    expect(chargesCalled("RATE-1")).toEqual([]);
    expect(
      (await session.call("POST", "/cobrancas", emitBody("2026-01-20", { seuNumero: "RATE-1" }))).status,
    ).toBe(200);
  });

  it("after_charge: makes the charge and drops the connection without an answer", async () => {
    inter.timeoutNextCreate("after_charge");
    await expect(
      session.call("POST", "/cobrancas", emitBody("2026-01-20", { seuNumero: "LOST-1" })),
    ).rejects.toThrow();
    expect(chargesCalled("LOST-1")).toHaveLength(1);
    const found = await session.call(
      "GET",
      "/cobrancas?filtrarDataPor=EMISSAO&dataInicial=2026-01-15&dataFinal=2026-01-15&seuNumero=LOST-1",
    );
    expect(found.json).toMatchObject({
      totalElementos: 1,
      cobrancas: [{ cobranca: { situacao: "EM_PROCESSAMENTO" } }],
    });
    // A blind retry within 30 minutes meets Inter's duplicate refusal.
    expect(
      (await session.call("POST", "/cobrancas", emitBody("2026-01-20", { seuNumero: "LOST-1" }))).status,
    ).toBe(400);
  });

  it("before_receipt: drops the connection unread and makes nothing; the fault is spent", async () => {
    inter.timeoutNextCreate("before_receipt");
    await expect(
      session.call("POST", "/cobrancas", emitBody("2026-01-20", { seuNumero: "LOST-2" })),
    ).rejects.toThrow();
    expect(chargesCalled("LOST-2")).toEqual([]);
    expect(
      (await session.call("POST", "/cobrancas", emitBody("2026-01-20", { seuNumero: "LOST-2" }))).status,
    ).toBe(200);
    expect(chargesCalled("LOST-2")).toHaveLength(1);
  });

  it("applies timeoutNextCreate to the create only", async () => {
    inter.timeoutNextCreate("before_receipt");
    expect((await session.call("GET", "/cobrancas/webhook")).status).toBe(404);
    await expect(
      session.call("POST", "/cobrancas", emitBody("2026-01-20", { seuNumero: "LOST-3" })),
    ).rejects.toThrow();
  });

  it("answers 404 off the API's paths and 405 to a wrong method", async () => {
    expect((await session.call("GET", "/boletos")).status).toBe(404);
    expect((await session.call("PATCH", "/cobrancas/webhook")).status).toBe(405);
  });
});
