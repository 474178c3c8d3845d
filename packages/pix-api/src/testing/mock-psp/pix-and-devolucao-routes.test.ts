import { createManualClock } from "@tessera/core/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPki } from "../test-pki";
import { type PixPspMock, startPixPspMock } from "./pix-psp-mock";
import { cobBody, freshTxid, openPspSession, type PspTestSession } from "./psp-test-session";

const pki = createTestPki();
const clock = createManualClock("2026-03-02T12:00:00.000Z");
const dayMs = 86_400_000;

describe("the mock PSP's Pix and devoluções", () => {
  let mock: PixPspMock;
  let psp: PspTestSession;
  beforeAll(async () => {
    mock = await startPixPspMock({ pki, clock, notify: false });
  });
  // A fresh token per test: some tests move the clock past a token\'s hour.
  beforeEach(async () => {
    psp = await openPspSession(mock);
  });
  afterAll(() => mock.close());

  async function paidCob(original = "100.00") {
    const txid = freshTxid();
    await psp.call("PUT", `/cob/${txid}`, cobBody(mock, original));
    const endToEndId = mock.pay(txid, { infoPagador: "Mensalidade de março" });
    return { txid, endToEndId };
  }

  it("shows a paid cob CONCLUIDA with its Pix, whose endToEndId is 32 characters led by E", async () => {
    const { txid, endToEndId } = await paidCob();
    expect(endToEndId).toMatch(/^E[0-9]{8}[0-9]{12}[a-zA-Z0-9]{11}$/);
    const cob = await psp.call("GET", `/cob/${txid}`);
    expect(cob.json).toMatchObject({
      status: "CONCLUIDA",
      pix: [{ endToEndId, txid, valor: "100.00", chave: mock.chave, infoPagador: "Mensalidade de março" }],
    });
    expect((await psp.call("GET", `/pix/${endToEndId}`)).json).toMatchObject({
      endToEndId,
      txid,
      valor: "100.00",
    });
    expect(mock.records().charges.find((charge) => charge.txid === txid)?.collected.amount).toBe(10_000);
  });

  it("lists Pix received in a window, a static code's among them, and filters by txid", async () => {
    const start = clock.advance(1_000);
    const { txid, endToEndId } = await paidCob("12.34");
    const staticPix = mock.payStatic(500);
    const end = clock.advance(1_000);
    const all = (await psp.call("GET", `/pix?inicio=${start}&fim=${end}`)).json as {
      pix: { endToEndId: string }[];
    };
    expect(all.pix.map((pix) => pix.endToEndId).sort()).toEqual([endToEndId, staticPix].sort());
    const byTxid = (await psp.call("GET", `/pix?inicio=${start}&fim=${end}&txid=${txid}`)).json as {
      pix: { endToEndId: string }[];
    };
    expect(byTxid.pix.map((pix) => pix.endToEndId)).toEqual([endToEndId]);
  });

  it("answers 404 PixNaoEncontrado for an endToEndId it never received", async () => {
    const answer = await psp.call("GET", `/pix/E99999999202603021200abcdefghijk`);
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ type: "https://pix.bcb.gov.br/api/v2/error/PixNaoEncontrado" });
  });

  it("refunds part of a Pix: 201 EM_PROCESSAMENTO, then DEVOLVIDO in its books and on GET", async () => {
    const { endToEndId } = await paidCob();
    const answer = await psp.call("PUT", `/pix/${endToEndId}/devolucao/dev1`, { valor: "30.00" });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      id: "dev1",
      valor: "30.00",
      status: "EM_PROCESSAMENTO",
      natureza: "ORIGINAL",
    });
    expect((answer.json as { rtrId: string }).rtrId).toMatch(/^D[a-zA-Z0-9]{31}$/);
    await expect
      .poll(async () => (await psp.call("GET", `/pix/${endToEndId}/devolucao/dev1`)).json)
      .toMatchObject({
        status: "DEVOLVIDO",
        horario: { liquidacao: expect.any(String) },
      });
    expect(mock.records().devolucoes).toContainEqual({
      endToEndId,
      id: "dev1",
      valor: { amount: 3000, currency: "BRL" },
      status: "DEVOLVIDO",
    });
  });

  it("refuses a devolução over what is left of the Pix, with PixDevolucaoInvalida", async () => {
    const { endToEndId } = await paidCob();
    expect((await psp.call("PUT", `/pix/${endToEndId}/devolucao/a1`, { valor: "60.00" })).status).toBe(201);
    const over = await psp.call("PUT", `/pix/${endToEndId}/devolucao/a2`, { valor: "40.01" });
    expect(over.status).toBe(400);
    expect(over.json).toMatchObject({ type: "https://pix.bcb.gov.br/api/v2/error/PixDevolucaoInvalida" });
    expect((await psp.call("PUT", `/pix/${endToEndId}/devolucao/a3`, { valor: "40.00" })).status).toBe(201);
  });

  it("refuses a reused devolução id, even with the same body", async () => {
    const { endToEndId } = await paidCob();
    expect((await psp.call("PUT", `/pix/${endToEndId}/devolucao/same1`, { valor: "10.00" })).status).toBe(
      201,
    );
    const again = await psp.call("PUT", `/pix/${endToEndId}/devolucao/same1`, { valor: "10.00" });
    expect(again.status).toBe(400);
    expect(again.json).toMatchObject({
      type: "https://pix.bcb.gov.br/api/v2/error/PixDevolucaoInvalida",
      violacoes: [expect.objectContaining({ propriedade: "id" })],
    });
    expect(mock.records().devolucoes.filter((entry) => entry.endToEndId === endToEndId)).toHaveLength(1);
  });

  it("refuses a devolução more than 90 days after the Pix", async () => {
    const { endToEndId } = await paidCob();
    clock.advance(90 * dayMs);
    psp = await openPspSession(mock);
    expect((await psp.call("PUT", `/pix/${endToEndId}/devolucao/late1`, { valor: "1.00" })).status).toBe(201);
    clock.advance(1_000);
    expect(
      (await psp.call("PUT", `/pix/${endToEndId}/devolucao/late2`, { valor: "1.00" })).json,
    ).toMatchObject({
      type: "https://pix.bcb.gov.br/api/v2/error/PixDevolucaoInvalida",
    });
  });

  it("refuses a devolução that breaks the schema: a malformed amount, an id over 35 characters", async () => {
    const { endToEndId } = await paidCob();
    const amount = await psp.call("PUT", `/pix/${endToEndId}/devolucao/bad1`, { valor: "1,00" });
    expect(amount.json).toMatchObject({
      violacoes: [expect.objectContaining({ propriedade: "devolucao.valor" })],
    });
    const id = await psp.call("PUT", `/pix/${endToEndId}/devolucao/${"x".repeat(36)}`, { valor: "1.00" });
    expect(id.status).toBe(400);
  });

  it("answers a refused devolução NAO_REALIZADO and gives nothing back, so the amount stays refundable", async () => {
    const { endToEndId } = await paidCob();
    mock.refuseNextRefund({ atOnce: true });
    const refused = await psp.call("PUT", `/pix/${endToEndId}/devolucao/r1`, { valor: "100.00" });
    expect(refused.json).toMatchObject({ status: "NAO_REALIZADO", motivo: expect.any(String) });
    mock.refuseNextRefund();
    expect(
      (await psp.call("PUT", `/pix/${endToEndId}/devolucao/r2`, { valor: "100.00" })).json,
    ).toMatchObject({
      status: "EM_PROCESSAMENTO",
    });
    await expect
      .poll(async () => (await psp.call("GET", `/pix/${endToEndId}/devolucao/r2`)).json)
      .toMatchObject({
        status: "NAO_REALIZADO",
      });
    expect((await psp.call("PUT", `/pix/${endToEndId}/devolucao/r3`, { valor: "100.00" })).status).toBe(201);
  });

  it("holds a devolução EM_PROCESSAMENTO until it is settled", async () => {
    const { endToEndId } = await paidCob();
    mock.holdNextRefund();
    await psp.call("PUT", `/pix/${endToEndId}/devolucao/h1`, { valor: "5.00" });
    expect((await psp.call("GET", `/pix/${endToEndId}/devolucao/h1`)).json).toMatchObject({
      status: "EM_PROCESSAMENTO",
    });
    mock.settleRefund(endToEndId, "h1", "DEVOLVIDO");
    expect((await psp.call("GET", `/pix/${endToEndId}/devolucao/h1`)).json).toMatchObject({
      status: "DEVOLVIDO",
    });
    expect(() => mock.settleRefund(endToEndId, "h1", "NAO_REALIZADO")).toThrow(/already DEVOLVIDO/);
    expect((await psp.call("GET", `/pix/${endToEndId}/devolucao/none`)).status).toBe(404);
  });
});
