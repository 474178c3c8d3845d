import { createManualClock } from "@tessera/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MtlsAnswer } from "../mtls/mtls-caller";
import { createTestPki } from "../test-pki";
import { responseSchemaErrors } from "./api-pix-validator";
import { type PixPspMock, startPixPspMock } from "./pix-psp-mock";
import { cobBody, freshTxid, openPspSession, type PspTestSession } from "./psp-test-session";

const clock = createManualClock("2026-03-02T12:00:00.000Z");

/** The answer's schema errors against what the spec declares for that operation and status. */
function schemaErrors(pathTemplate: string, method: string, answer: MtlsAnswer): string[] {
  const contentType = String(answer.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim();
  return responseSchemaErrors(pathTemplate, method, answer.status, contentType, answer.json);
}

describe("the mock PSP's answers, held to the spec's response schemas", () => {
  let mock: PixPspMock;
  let psp: PspTestSession;
  beforeAll(async () => {
    mock = await startPixPspMock({ pki: createTestPki(), clock, notify: false });
    psp = await openPspSession(mock);
  });
  afterAll(() => mock.close());

  it("answers cob operations as CobGerada, CobCompleta and CobsConsultadas", async () => {
    const start = clock.advance(1000);
    const txid = freshTxid();
    const put = await psp.call("PUT", `/cob/${txid}`, {
      ...cobBody(mock),
      infoAdicionais: [{ nome: "Plano", valor: "Mensal" }],
    });
    expect(put.status).toBe(201);
    expect(schemaErrors("/cob/{txid}", "put", put)).toEqual([]);
    const post = await psp.call("POST", "/cob", {
      ...cobBody(mock),
      devedor: { cnpj: "11222333000181", nome: "Empresa SA" },
    });
    expect(schemaErrors("/cob", "post", post)).toEqual([]);
    const patched = await psp.call("PATCH", `/cob/${txid}`, {
      valor: { original: "38.00", modalidadeAlteracao: 1 },
    });
    expect(schemaErrors("/cob/{txid}", "patch", patched)).toEqual([]);
    mock.pay(txid);
    const paid = await psp.call("GET", `/cob/${txid}`);
    expect(paid.json).toMatchObject({ status: "CONCLUIDA" });
    expect(schemaErrors("/cob/{txid}", "get", paid)).toEqual([]);
    const list = await psp.call(
      "GET",
      `/cob?inicio=${start}&fim=${clock.advance(1000)}&paginacao.itensPorPagina=1`,
    );
    expect((list.json as { cobs: unknown[] }).cobs).toHaveLength(1);
    expect(schemaErrors("/cob", "get", list)).toEqual([]);
  });

  it("answers cobv operations as CobVGerada and CobVCompleta", async () => {
    const txid = freshTxid();
    const put = await psp.call("PUT", `/cobv/${txid}`, {
      calendario: { dataDeVencimento: "2026-03-31" },
      devedor: { cnpj: "11222333000181", nome: "Empresa SA" },
      valor: { original: "250.00", juros: { modalidade: 2, valorPerc: "1.00" } },
      chave: mock.chave,
    });
    expect(put.status).toBe(201);
    expect(schemaErrors("/cobv/{txid}", "put", put)).toEqual([]);
    mock.pay(txid);
    const get = await psp.call("GET", `/cobv/${txid}`);
    expect(schemaErrors("/cobv/{txid}", "get", get)).toEqual([]);
    const patch = await psp.call("PATCH", `/cobv/${txid}`, { solicitacaoPagador: "x" });
    expect(patch.status).toBe(400);
    expect(schemaErrors("/cobv/{txid}", "patch", patch)).toEqual([]);
  });

  it("answers Pix and devolução operations as Pix, PixConsultados and Devolucao", async () => {
    const start = clock.advance(1000);
    const txid = freshTxid();
    await psp.call("PUT", `/cob/${txid}`, cobBody(mock));
    const endToEndId = mock.pay(txid);
    mock.payStatic(990);
    const refund = await psp.call("PUT", `/pix/${endToEndId}/devolucao/x1`, {
      valor: "1.00",
      descricao: "Troca",
    });
    expect(refund.status).toBe(201);
    expect(schemaErrors("/pix/{e2eid}/devolucao/{id}", "put", refund)).toEqual([]);
    const over = await psp.call("PUT", `/pix/${endToEndId}/devolucao/x2`, { valor: "99.00" });
    expect(schemaErrors("/pix/{e2eid}/devolucao/{id}", "put", over)).toEqual([]);
    expect(
      schemaErrors(
        "/pix/{e2eid}/devolucao/{id}",
        "get",
        await psp.call("GET", `/pix/${endToEndId}/devolucao/x1`),
      ),
    ).toEqual([]);
    expect(schemaErrors("/pix/{e2eid}", "get", await psp.call("GET", `/pix/${endToEndId}`))).toEqual([]);
    const list = await psp.call("GET", `/pix?inicio=${start}&fim=${clock.advance(1000)}`);
    expect((list.json as { pix: unknown[] }).pix).toHaveLength(2);
    expect(schemaErrors("/pix", "get", list)).toEqual([]);
  });

  it("answers webhook operations and problems as WebhookCompleto and Problema", async () => {
    const path = `/webhook/${encodeURIComponent(mock.chave)}`;
    const put = await psp.call("PUT", path, { webhookUrl: "https://127.0.0.1:9/hooks" });
    expect(put.status).toBe(200);
    expect(schemaErrors("/webhook/{chave}", "get", await psp.call("GET", path))).toEqual([]);
    const refused = await psp.call("PUT", "/webhook/not-ours", { webhookUrl: "https://127.0.0.1:9/hooks" });
    expect(schemaErrors("/webhook/{chave}", "put", refused)).toEqual([]);
    const invalid = await psp.call("PUT", `/cob/${freshTxid()}`, { chave: mock.chave });
    expect(invalid.status).toBe(400);
    expect(schemaErrors("/cob/{txid}", "put", invalid)).toEqual([]);
    expect(schemaErrors("/cob/{txid}", "get", await psp.call("GET", `/cob/${freshTxid()}`))).toEqual([]);
  });

  it("would catch an answer that breaks its schema", () => {
    const broken = {
      status: 201,
      headers: { "content-type": "application/json" },
      text: "",
      json: { txid: "x" },
    };
    expect(schemaErrors("/cob/{txid}", "put", broken)).not.toEqual([]);
  });
});
