import { parseBrCode } from "@tessera/core";
import { createManualClock } from "@tessera/core/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPki } from "../test-pki";
import { type PixPspMock, startPixPspMock } from "./pix-psp-mock";
import { cobBody, freshTxid, openPspSession, type PspTestSession } from "./psp-test-session";

const pki = createTestPki();
const clock = createManualClock("2026-03-02T12:00:00.000Z");

function cobvBody(mock: PixPspMock): Record<string, unknown> {
  return {
    calendario: { dataDeVencimento: "2026-03-10", validadeAposVencimento: 5 },
    devedor: {
      cpf: "12345678909",
      nome: "Francisco da Silva",
      logradouro: "Rua A, 1",
      cidade: "Recife",
      uf: "PE",
      cep: "50000000",
    },
    valor: { original: "123.45", multa: { modalidade: 2, valorPerc: "2.00" } },
    chave: mock.chave,
  };
}

describe("the mock PSP's cob and cobv", () => {
  let mock: PixPspMock;
  let psp: PspTestSession;
  beforeAll(async () => {
    mock = await startPixPspMock({
      pki,
      clock,
      pixKeyHolder: { nome: "Estúdio Movimento", cidade: "São Paulo" },
    });
  });
  // A fresh token per test: some tests move the clock past a token\'s hour.
  beforeEach(async () => {
    psp = await openPspSession(mock);
  });
  afterAll(() => mock.close());

  it("creates a cob with PUT: 201, ATIVA, revision 0, and a dynamic BR Code whose CRC checks and whose location is the mock's", async () => {
    const txid = freshTxid();
    const answer = await psp.call("PUT", `/cob/${txid}`, cobBody(mock));
    expect(answer.status).toBe(201);
    const cob = answer.json as {
      status: string;
      revisao: number;
      location: string;
      pixCopiaECola: string;
      txid: string;
    };
    expect(cob).toMatchObject({
      txid,
      status: "ATIVA",
      revisao: 0,
      valor: { original: "37.00" },
      chave: mock.chave,
    });
    expect(cob.location.startsWith(`${mock.url.replace("https://", "")}/qr/v2/`)).toBe(true);
    const parsed = parseBrCode(cob.pixCopiaECola);
    expect(parsed.valid).toBe(true);
    if (parsed.valid) {
      expect(parsed.brCode).toMatchObject({
        kind: "dynamic",
        location: cob.location,
        merchantName: "Estudio Movimento",
      });
    }
    expect(mock.records().charges).toContainEqual({
      txid,
      kind: "cob",
      amount: { amount: 3700, currency: "BRL" },
      status: "ATIVA",
      collected: { amount: 0, currency: "BRL" },
      outside: false,
    });
  });

  it("answers the same charge to the same PUT again (idempotent), without a second charge", async () => {
    const txid = freshTxid();
    const first = await psp.call("PUT", `/cob/${txid}`, cobBody(mock));
    const again = await psp.call("PUT", `/cob/${txid}`, cobBody(mock));
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(mock.records().charges.filter((charge) => charge.txid === txid)).toHaveLength(1);
  });

  it("revises an ATIVA cob on a PUT with another body, and refuses to change one that is CONCLUIDA", async () => {
    const txid = freshTxid();
    await psp.call("PUT", `/cob/${txid}`, cobBody(mock));
    const revised = await psp.call("PUT", `/cob/${txid}`, cobBody(mock, "40.00"));
    expect(revised.json).toMatchObject({ revisao: 1, valor: { original: "40.00" } });
    mock.pay(txid);
    const sameAgain = await psp.call("PUT", `/cob/${txid}`, cobBody(mock, "40.00"));
    expect(sameAgain.status).toBe(201);
    const changed = await psp.call("PUT", `/cob/${txid}`, cobBody(mock, "41.00"));
    expect(changed.status).toBe(400);
    expect(changed.json).toMatchObject({ type: "https://pix.bcb.gov.br/api/v2/error/CobOperacaoInvalida" });
    expect(mock.records().charges.find((charge) => charge.txid === txid)?.amount.amount).toBe(4000);
  });

  it("refuses what the schema refuses, with violacoes naming each property", async () => {
    const body = { ...cobBody(mock), valor: { original: "1.234" }, devedor: { nome: "Sem documento" } };
    const answer = await psp.call("PUT", `/cob/${freshTxid()}`, body);
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toContain("application/problem+json");
    const problem = answer.json as { type: string; violacoes: { propriedade: string }[] };
    expect(problem.type).toBe("https://pix.bcb.gov.br/api/v2/error/CobOperacaoInvalida");
    expect(problem.violacoes.map((violation) => violation.propriedade).sort()).toEqual([
      "cob.devedor",
      "cob.valor.original",
    ]);
  });

  it("refuses a txid outside 26–35 alphanumerics", async () => {
    for (const txid of ["short1", "a".repeat(36), `${"a".repeat(27)}-x`]) {
      const answer = await psp.call("PUT", `/cob/${txid}`, cobBody(mock));
      expect(answer.status, txid).toBe(400);
      expect(answer.json).toMatchObject({ violacoes: [expect.objectContaining({ propriedade: "txid" })] });
    }
  });

  it("refuses a key that is not the receiver's, a zero amount and a non-positive expiry", async () => {
    const answer = await psp.call("PUT", `/cob/${freshTxid()}`, {
      ...cobBody(mock),
      chave: "someone-else@example.com",
      valor: { original: "0.00" },
      calendario: { expiracao: 0 },
    });
    expect(answer.status).toBe(400);
    const names = (answer.json as { violacoes: { propriedade: string }[] }).violacoes.map(
      (v) => v.propriedade,
    );
    expect(names.sort()).toEqual(["cob.calendario.expiracao", "cob.chave", "cob.valor.original"]);
  });

  it("refuses a body that is not JSON, and a location it never made", async () => {
    const garbled = await psp.call("PUT", `/cob/${freshTxid()}`, "{not json");
    expect(garbled.status).toBe(400);
    expect(garbled.json).toMatchObject({ type: "https://pix.bcb.gov.br/api/v2/error/CobOperacaoInvalida" });
    const located = await psp.call("PUT", `/cob/${freshTxid()}`, {
      ...cobBody(mock),
      loc: { id: 4242, tipoCob: "cob" },
    });
    expect(located.json).toMatchObject({
      violacoes: [expect.objectContaining({ propriedade: "cob.loc.id" })],
    });
  });

  it("makes a new charge under its own txid on every POST /cob (not idempotent)", async () => {
    const first = await psp.call("POST", "/cob", cobBody(mock));
    const second = await psp.call("POST", "/cob", cobBody(mock));
    expect(first.status).toBe(201);
    const [a, b] = [first.json, second.json] as { txid: string }[];
    expect(a!.txid).toMatch(/^[a-zA-Z0-9]{26,35}$/);
    expect(a!.txid).not.toBe(b!.txid);
  });

  it("removes an ATIVA cob by PATCH, refuses removal mixed with changes, and refuses to revise it afterwards", async () => {
    const txid = freshTxid();
    await psp.call("PUT", `/cob/${txid}`, cobBody(mock));
    const mixed = await psp.call("PATCH", `/cob/${txid}`, {
      status: "REMOVIDA_PELO_USUARIO_RECEBEDOR",
      valor: { original: "1.00" },
    });
    expect(mixed.status).toBe(400);
    const removed = await psp.call("PATCH", `/cob/${txid}`, { status: "REMOVIDA_PELO_USUARIO_RECEBEDOR" });
    expect(removed.json).toMatchObject({ status: "REMOVIDA_PELO_USUARIO_RECEBEDOR" });
    expect((await psp.call("PATCH", `/cob/${txid}`, { solicitacaoPagador: "x" })).status).toBe(400);
    expect((await psp.call("PATCH", `/cob/${txid}`, { status: "CONCLUIDA" })).status).toBe(400);
  });

  it("answers GET by txid and by revision, 404 CobNaoEncontrado for a txid it never made", async () => {
    const txid = freshTxid();
    await psp.call("PUT", `/cob/${txid}`, cobBody(mock));
    await psp.call("PATCH", `/cob/${txid}`, { valor: { original: "50.00" } });
    expect((await psp.call("GET", `/cob/${txid}`)).json).toMatchObject({
      revisao: 1,
      valor: { original: "50.00" },
    });
    expect((await psp.call("GET", `/cob/${txid}?revisao=0`)).json).toMatchObject({
      revisao: 0,
      valor: { original: "37.00" },
    });
    expect((await psp.call("GET", `/cob/${txid}?revisao=7`)).status).toBe(400);
    const missing = await psp.call("GET", `/cob/${freshTxid()}`);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ type: "https://pix.bcb.gov.br/api/v2/error/CobNaoEncontrado" });
  });

  it("keeps an expired cob ATIVA (API Pix has no expired status), and its payer's bank refuses to pay it", async () => {
    const txid = freshTxid();
    await psp.call("PUT", `/cob/${txid}`, { ...cobBody(mock), calendario: { expiracao: 60 } });
    clock.advance(61_000);
    expect((await psp.call("GET", `/cob/${txid}`)).json).toMatchObject({ status: "ATIVA" });
    expect(() => mock.pay(txid)).toThrow(/expired/);
  });

  it("shows REMOVIDA_PELO_PSP once the PSP removed a charge", async () => {
    const txid = freshTxid();
    await psp.call("PUT", `/cob/${txid}`, cobBody(mock));
    mock.removeByPsp(txid);
    expect((await psp.call("GET", `/cob/${txid}`)).json).toMatchObject({ status: "REMOVIDA_PELO_PSP" });
  });

  it("lists cobs made between inicio and fim, and refuses a window that ends before it starts", async () => {
    const start = clock.advance(60_000);
    const txid = freshTxid();
    await psp.call("PUT", `/cob/${txid}`, cobBody(mock));
    const end = clock.advance(1_000);
    const listed = await psp.call("GET", `/cob?inicio=${start}&fim=${end}`);
    expect(listed.status).toBe(200);
    const list = listed.json as {
      cobs: { txid: string }[];
      parametros: { paginacao: { quantidadeTotalDeItens: number } };
    };
    expect(list.cobs.map((cob) => cob.txid)).toEqual([txid]);
    expect(list.parametros.paginacao.quantidadeTotalDeItens).toBe(1);
    expect((await psp.call("GET", `/cob?inicio=${end}&fim=${start}`)).status).toBe(400);
    expect((await psp.call("GET", `/cob?inicio=${start}`)).json).toMatchObject({
      type: "https://pix.bcb.gov.br/api/v2/error/CobConsultaInvalida",
      violacoes: [expect.objectContaining({ propriedade: "fim" })],
    });
  });

  it("creates a cobv with its recebedor, and refuses one without devedor", async () => {
    const txid = freshTxid();
    const created = await psp.call("PUT", `/cobv/${txid}`, cobvBody(mock));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      txid,
      status: "ATIVA",
      calendario: { dataDeVencimento: "2026-03-10", validadeAposVencimento: 5 },
      recebedor: { nome: "Estúdio Movimento", cidade: "São Paulo" },
      loc: { tipoCob: "cobv" },
    });
    const { devedor: _devedor, ...withoutDevedor } = cobvBody(mock);
    const refused = await psp.call("PUT", `/cobv/${freshTxid()}`, withoutDevedor);
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      type: "https://pix.bcb.gov.br/api/v2/error/CobVOperacaoInvalida",
      violacoes: [expect.objectContaining({ propriedade: "cobv.devedor" })],
    });
  });

  it("keeps a txid unique across cob and cobv", async () => {
    const txid = freshTxid();
    await psp.call("PUT", `/cob/${txid}`, cobBody(mock));
    expect((await psp.call("PUT", `/cobv/${txid}`, cobvBody(mock))).status).toBe(400);
    expect((await psp.call("GET", `/cobv/${txid}`)).status).toBe(404);
  });

  it("refuses a cobv due before today", async () => {
    const body = { ...cobvBody(mock), calendario: { dataDeVencimento: "2026-01-01" } };
    const answer = await psp.call("PUT", `/cobv/${freshTxid()}`, body);
    expect(answer.json).toMatchObject({
      violacoes: [expect.objectContaining({ propriedade: "cobv.calendario.dataDeVencimento" })],
    });
  });
});
