import { isConsistentBoleto } from "@tessera/core";
import { createManualClock } from "@tessera/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InterMock, startInterMock } from "./inter-mock";
import { schemaErrors } from "./inter-schemas";
import { emit, emitBody, type InterTestSession, openInterSession } from "./inter-test-session";

// Inter's issue is asynchronous: the 200 carries only a codigoSolicitacao, the charge is
// EM_PROCESSAMENTO (no boleto, no Pix) until the bank issues it.
describe("emitting and issuing a bolepix at the mock Inter", () => {
  const clock = createManualClock("2026-01-15T12:00:00.000Z");
  let inter: InterMock;
  let session: InterTestSession;
  beforeAll(async () => {
    inter = await startInterMock({ clock, notify: false });
    session = await openInterSession(inter);
  });
  afterAll(() => inter.close());

  it("answers 200 with a UUID and keeps the charge EM_PROCESSAMENTO without boleto or pix", async () => {
    const created = await session.call("POST", "/cobrancas", emitBody("2026-01-20", { seuNumero: "EMIT-1" }));
    expect(created.status).toBe(200);
    expect(schemaErrors("EmitirCobrancaAsyncResponse", created.json)).toEqual([]);
    const { codigoSolicitacao } = created.json as { codigoSolicitacao: string };
    expect(codigoSolicitacao).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const read = await session.call("GET", `/cobrancas/${codigoSolicitacao}`);
    expect(read.status).toBe(200);
    expect(schemaErrors("CobrancaDetalhadaResponseBody", read.json)).toEqual([]);
    expect(read.json).toMatchObject({
      cobranca: {
        codigoSolicitacao,
        seuNumero: "EMIT-1",
        situacao: "EM_PROCESSAMENTO",
        valorNominal: 150.5,
        dataEmissao: "2026-01-15",
        dataVencimento: "2026-01-20",
        tipoCobranca: "SIMPLES",
      },
    });
    expect(read.json).not.toHaveProperty("boleto");
    expect(read.json).not.toHaveProperty("pix");
    expect((await session.call("GET", `/cobrancas/${codigoSolicitacao}/pdf`)).status).toBe(400);
    expect(inter.records().charges).toContainEqual({
      codigoSolicitacao,
      seuNumero: "EMIT-1",
      amount: { amount: 15050, currency: "BRL" },
      situacao: "EM_PROCESSAMENTO",
      collected: { amount: 0, currency: "BRL" },
      outside: false,
    });
  });

  it("issues on demand: A_RECEBER with a consistent 077 boleto, a cobv txid and a dynamic BR Code", async () => {
    const id = await emit(session, emitBody("2026-01-20", { seuNumero: "EMIT-2" }));
    inter.issue(id);
    const read = await session.call("GET", `/cobrancas/${id}`);
    expect(schemaErrors("CobrancaDetalhadaResponseBody", read.json)).toEqual([]);
    const view = read.json as {
      cobranca: { situacao: string };
      boleto: { nossoNumero: string; codigoBarras: string; linhaDigitavel: string };
      pix: { txid: string; pixCopiaECola: string };
    };
    expect(view.cobranca.situacao).toBe("A_RECEBER");
    expect(view.boleto.codigoBarras).toMatch(/^077\d{41}$/);
    expect(view.boleto.linhaDigitavel).toMatch(/^\d{47}$/);
    expect(isConsistentBoleto(view.boleto.linhaDigitavel, view.boleto.codigoBarras)).toBe(true);
    // Amount in centavos in the last ten digits of the line.
    expect(view.boleto.linhaDigitavel.slice(-10)).toBe("0000015050");
    expect(view.pix.txid).toMatch(/^[a-zA-Z0-9]{26,35}$/);
    expect(view.pix.pixCopiaECola).toMatch(/^000201010212/);
    expect(view.pix.pixCopiaECola).toContain(`${new URL(inter.baseUrl).host}/pj-s/v2/cobv/`);
    expect(() => inter.issue(id)).toThrow(/not EM_PROCESSAMENTO/);
  });

  it("serves the issued boleto as a real PDF, base64 in JSON, holding the linha digitável", async () => {
    const id = await emit(session, emitBody("2026-01-21", { seuNumero: "EMIT-PDF" }));
    inter.issue(id);
    const read = (await session.call("GET", `/cobrancas/${id}`)).json as {
      boleto: { linhaDigitavel: string };
    };
    const answer = await session.call("GET", `/cobrancas/${id}/pdf`);
    expect(answer.status).toBe(200);
    const pdf = Buffer.from((answer.json as { pdf: string }).pdf, "base64").toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf).toContain(read.boleto.linhaDigitavel);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
  });

  it("fails an issue on demand: FALHA_EMISSAO, never payable", async () => {
    const id = await emit(session, emitBody("2026-01-22", { seuNumero: "EMIT-FAIL" }));
    expect(() => inter.pay(id, "PIX")).toThrow(/EM_PROCESSAMENTO/);
    inter.failIssue(id);
    const read = await session.call("GET", `/cobrancas/${id}`);
    expect(read.json).toMatchObject({ cobranca: { situacao: "FALHA_EMISSAO" } });
    expect(() => inter.pay(id, "BOLETO")).toThrow(/FALHA_EMISSAO/);
  });

  it("answers 404 in Inter's shape for an unknown charge", async () => {
    const answer = await session.call("GET", "/cobrancas/00000000-0000-4000-8000-000000000000");
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ title: "Não Encontrado", status: 404, detail: "Entidade não encontrada." });
  });

  it("shows ATRASADO past the due date and EXPIRADO past numDiasAgenda more days", async () => {
    const id = await emit(session, emitBody("2026-01-16", { seuNumero: "EMIT-LATE", numDiasAgenda: 1 }));
    inter.issue(id);
    // A day on, the session's one-hour token has lapsed: each step asks for a fresh one.
    clock.set("2026-01-17T12:00:00.000Z");
    const nextDay = await openInterSession(inter);
    expect((await nextDay.call("GET", `/cobrancas/${id}`)).json).toMatchObject({
      cobranca: { situacao: "ATRASADO" },
    });
    clock.set("2026-01-18T12:00:00.000Z");
    const dayAfter = await openInterSession(inter);
    expect((await dayAfter.call("GET", `/cobrancas/${id}`)).json).toMatchObject({
      cobranca: { situacao: "EXPIRADO" },
    });
    const situations = inter
      .deliveries()
      .flatMap((delivery) => delivery.body)
      .filter((item) => item["codigoSolicitacao"] === id)
      .map((item) => item["situacao"]);
    expect(situations).toEqual(["A_RECEBER", "EXPIRADO"]);
  });
});

describe("the mock Inter with issue: immediate", () => {
  it("issues right after answering the create", async () => {
    const clock = createManualClock("2026-01-15T12:00:00.000Z");
    const inter = await startInterMock({ clock, issue: "immediate", notify: false });
    try {
      const session = await openInterSession(inter);
      const id = await emit(session, emitBody("2026-01-20"));
      const read = await session.call("GET", `/cobrancas/${id}`);
      expect(read.json).toMatchObject({ cobranca: { situacao: "A_RECEBER" }, boleto: {}, pix: {} });
    } finally {
      await inter.close();
    }
  });
});
