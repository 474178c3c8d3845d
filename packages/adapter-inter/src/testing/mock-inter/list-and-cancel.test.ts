import { createManualClock } from "@tessera/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InterMock, startInterMock } from "./inter-mock";
import { schemaErrors } from "./inter-schemas";
import { emit, emitBody, type InterTestSession, openInterSession } from "./inter-test-session";

// The list is how a gateway recovers after a timeout (by seuNumero around the issue date);
// the cancel is asynchronous at Inter (202, CANCELADO later); pagar is the sandbox's payer.
describe("listing, cancelling and paying at the mock Inter", () => {
  const clock = createManualClock("2026-01-15T12:00:00.000Z");
  let inter: InterMock;
  let session: InterTestSession;
  beforeAll(async () => {
    inter = await startInterMock({ clock, notify: false });
    session = await openInterSession(inter);
  });
  afterAll(() => inter.close());

  it("requires dataInicial and dataFinal, naming the missing one", async () => {
    const answer = await session.call("GET", "/cobrancas?dataFinal=2026-01-31");
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ violacoes: [{ propriedade: "dataInicial" }] });
    const malformed = await session.call("GET", "/cobrancas?dataInicial=15-01-2026&dataFinal=2026-01-31");
    expect(malformed.json).toMatchObject({
      violacoes: [{ propriedade: "dataInicial", valor: "15-01-2026" }],
    });
    const badFilter = await session.call(
      "GET",
      "/cobrancas?dataInicial=2026-01-01&dataFinal=2026-01-31&filtrarDataPor=HOJE",
    );
    expect(badFilter.status).toBe(400);
  });

  it("finds a charge by seuNumero in an issue-date window, valorNominal as a string", async () => {
    const id = await emit(session, emitBody("2026-02-10", { seuNumero: "LIST-1", valorNominal: 99.9 }));
    await emit(session, emitBody("2026-02-10", { seuNumero: "LIST-2" }));
    const answer = await session.call(
      "GET",
      "/cobrancas?filtrarDataPor=EMISSAO&dataInicial=2026-01-14&dataFinal=2026-01-16&seuNumero=LIST-1",
    );
    expect(answer.status).toBe(200);
    expect(schemaErrors("CobrancasResponse", answer.json)).toEqual([]);
    expect(answer.json).toMatchObject({
      totalElementos: 1,
      numeroDeElementos: 1,
      primeiraPagina: true,
      ultimaPagina: true,
      cobrancas: [
        {
          cobranca: {
            codigoSolicitacao: id,
            seuNumero: "LIST-1",
            situacao: "EM_PROCESSAMENTO",
            valorNominal: "99.90",
            pagador: { nome: "Fulano de Tal", cpfCnpj: "12345678909" },
          },
        },
      ],
    });
    const outside = await session.call(
      "GET",
      "/cobrancas?filtrarDataPor=EMISSAO&dataInicial=2026-01-16&dataFinal=2026-01-20&seuNumero=LIST-1",
    );
    expect(outside.json).toMatchObject({ totalElementos: 0, cobrancas: [] });
    const byDue = await session.call(
      "GET",
      "/cobrancas?dataInicial=2026-02-10&dataFinal=2026-02-10&paginacao.itensPorPagina=1&paginacao.paginaAtual=1",
    );
    expect(byDue.json).toMatchObject({
      totalElementos: 2,
      totalPaginas: 2,
      numeroDeElementos: 1,
      ultimaPagina: true,
      primeiraPagina: false,
    });
  });

  it("accepts a cancel with 202 and no body, and shows CANCELADO only when the charge is next read", async () => {
    const id = await emit(session, emitBody("2026-02-11", { seuNumero: "CANCEL-1" }));
    inter.issue(id);
    const answer = await session.call("POST", `/cobrancas/${id}/cancelar`, {
      motivoCancelamento: "Cliente desistiu",
    });
    expect(answer.status).toBe(202);
    expect(answer.text).toBe("");
    expect(inter.records().charges.find((charge) => charge.codigoSolicitacao === id)?.situacao).toBe(
      "A_RECEBER",
    );
    const read = await session.call("GET", `/cobrancas/${id}`);
    expect(read.json).toMatchObject({
      cobranca: { situacao: "CANCELADO", motivoCancelamento: "Cliente desistiu" },
    });
    const last = inter.deliveries().at(-1);
    expect(last?.body).toEqual([expect.objectContaining({ codigoSolicitacao: id, situacao: "CANCELADO" })]);
    const again = await session.call("POST", `/cobrancas/${id}/cancelar`, { motivoCancelamento: "De novo" });
    expect(again.status).toBe(400);
  });

  it("completes pending cancels on settleCancels, and refuses a cancel without a reason", async () => {
    const id = await emit(session, emitBody("2026-02-12", { seuNumero: "CANCEL-2" }));
    inter.issue(id);
    expect((await session.call("POST", `/cobrancas/${id}/cancelar`, {})).status).toBe(400);
    expect(
      (await session.call("POST", `/cobrancas/${id}/cancelar`, { motivoCancelamento: "x" })).status,
    ).toBe(202);
    inter.settleCancels();
    expect(inter.records().charges.find((charge) => charge.codigoSolicitacao === id)?.situacao).toBe(
      "CANCELADO",
    );
  });

  it("pays through the sandbox's pagar (204), and then refuses to cancel the received charge", async () => {
    const id = await emit(session, emitBody("2026-02-13", { seuNumero: "PAGAR-1", valorNominal: 2.5 }));
    expect((await session.call("POST", `/cobrancas/${id}/pagar`, { pagarCom: "BOLETO" })).status).toBe(400);
    inter.issue(id);
    expect((await session.call("POST", `/cobrancas/${id}/pagar`, { pagarCom: "CHEQUE" })).status).toBe(400);
    const paid = await session.call("POST", `/cobrancas/${id}/pagar`, { pagarCom: "BOLETO" });
    expect(paid.status).toBe(204);
    const read = await session.call("GET", `/cobrancas/${id}`);
    expect(schemaErrors("CobrancaDetalhadaResponseBody", read.json)).toEqual([]);
    expect(read.json).toMatchObject({
      cobranca: {
        situacao: "RECEBIDO",
        valorTotalRecebido: "2.50",
        origemRecebimento: "BOLETO",
        valorNominal: 2.5,
      },
    });
    const cancel = await session.call("POST", `/cobrancas/${id}/cancelar`, { motivoCancelamento: "tarde" });
    expect(cancel.status).toBe(400);
    expect(cancel.json).toMatchObject({ violacoes: [{ razao: expect.stringContaining("RECEBIDO") }] });
    const byPayment = await session.call(
      "GET",
      "/cobrancas?filtrarDataPor=PAGAMENTO&dataInicial=2026-01-15&dataFinal=2026-01-15&situacao=RECEBIDO",
    );
    expect(byPayment.json).toMatchObject({
      totalElementos: 1,
      cobrancas: [{ cobranca: { seuNumero: "PAGAR-1", valorTotalRecebido: "2.50" } }],
    });
  });

  it("answers 404 to a cancel, pdf or pagar of an unknown charge", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      (await session.call("POST", `/cobrancas/${unknown}/cancelar`, { motivoCancelamento: "x" })).status,
    ).toBe(404);
    expect((await session.call("GET", `/cobrancas/${unknown}/pdf`)).status).toBe(404);
    expect((await session.call("POST", `/cobrancas/${unknown}/pagar`, { pagarCom: "PIX" })).status).toBe(404);
  });
});
