import { createManualClock } from "@tessera/core/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { duplicateWindowMs } from "./emit-route";
import { type InterMock, startInterMock } from "./inter-mock";
import { emitBody, type InterTestSession, openInterSession } from "./inter-test-session";

// What Inter refuses on create: the schema (fields, amounts, the payer's full address,
// numDiasAgenda, seuNumero) and the rules of the operation's description (no past due date,
// today's only until 19:59 in São Paulo, duplicates for 30 minutes) — each a 400 in Inter's
// shape naming the property, never a charge.
describe("the mock Inter's refusals of a create", () => {
  // 09:00 in São Paulo (UTC−3).
  const clock = createManualClock("2026-01-15T12:00:00.000Z");
  let inter: InterMock;
  let session: InterTestSession;
  beforeAll(async () => {
    inter = await startInterMock({ clock, notify: false });
  });
  afterAll(() => inter.close());
  // Each test starts at 09:00 with a fresh token (a test that moves the clock by hours outlives one).
  beforeEach(async () => {
    clock.set("2026-01-15T12:00:00.000Z");
    session = await openInterSession(inter);
  });

  async function refused(body: Record<string, unknown>) {
    const before = inter.records().charges.length;
    const answer = await session.call("POST", "/cobrancas", body);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ title: "Dados inválidos.", status: 400 });
    expect(answer.json).not.toHaveProperty("type");
    expect(inter.records().charges.length).toBe(before);
    return (answer.json as { violacoes: { razao: string; propriedade?: string; valor?: string }[] })
      .violacoes;
  }

  it("refuses a payer without a full address, naming each missing field", async () => {
    const pagador = { cpfCnpj: "12345678909", tipoPessoa: "FISICA", nome: "Fulano de Tal" };
    const violacoes = await refused(emitBody("2026-01-20", { pagador }));
    expect(violacoes.map((violacao) => violacao.propriedade).sort()).toEqual([
      "pagador.cep",
      "pagador.cidade",
      "pagador.endereco",
      "pagador.uf",
    ]);
  });

  it("refuses an amount under R$ 2,50, with the value", async () => {
    expect(await refused(emitBody("2026-01-20", { valorNominal: 2.49 }))).toEqual([
      { razao: "deve ser maior ou igual a 2.5", propriedade: "valorNominal", valor: "2.49" },
    ]);
  });

  it("refuses numDiasAgenda outside 0–60, a seuNumero over 15 characters and a missing field", async () => {
    expect((await refused(emitBody("2026-01-20", { numDiasAgenda: 61 })))[0]).toMatchObject({
      propriedade: "numDiasAgenda",
    });
    expect((await refused(emitBody("2026-01-20", { seuNumero: "1234567890123456" })))[0]).toMatchObject({
      propriedade: "seuNumero",
    });
    const { dataVencimento: _, ...withoutDue } = emitBody("2026-01-20");
    expect((await refused(withoutDue))[0]).toMatchObject({ propriedade: "dataVencimento" });
  });

  it("refuses a malformed date, a wrong enum and a Pix-only charge", async () => {
    expect((await refused(emitBody("20/01/2026")))[0]).toMatchObject({ propriedade: "dataVencimento" });
    expect((await refused(emitBody("2026-01-20", { mora: { codigo: "DIARIA", taxa: 1 } })))[0]).toMatchObject(
      {
        propriedade: "mora",
      },
    );
    expect((await refused(emitBody("2026-01-20", { formasRecebimento: ["PIX"] })))[0]).toMatchObject({
      propriedade: "formasRecebimento",
    });
  });

  it("refuses a due date before today (São Paulo), and today's after 19:59", async () => {
    expect((await refused(emitBody("2026-01-14")))[0]).toMatchObject({ propriedade: "dataVencimento" });
    // 19:59 in São Paulo: today is still accepted.
    clock.set("2026-01-15T22:59:00.000Z");
    session = await openInterSession(inter);
    expect(
      (await session.call("POST", "/cobrancas", emitBody("2026-01-15", { seuNumero: "CUT-1" }))).status,
    ).toBe(200);
    // 20:00: refused, though UTC is still the same day.
    clock.set("2026-01-15T23:00:00.000Z");
    const violacoes = await refused(emitBody("2026-01-15", { seuNumero: "CUT-2" }));
    expect(violacoes[0]?.razao).toContain("19h59");
    expect(
      (await session.call("POST", "/cobrancas", emitBody("2026-01-16", { seuNumero: "CUT-3" }))).status,
    ).toBe(200);
  });

  it("refuses the same seuNumero, amount, due date and payer within 30 minutes, then makes a duplicate", async () => {
    const body = emitBody("2026-01-25", { seuNumero: "DUP-1" });
    expect((await session.call("POST", "/cobrancas", body)).status).toBe(200);
    clock.advance(duplicateWindowMs - 1000);
    expect((await refused(body))[0]).toMatchObject({ propriedade: "seuNumero", valor: "DUP-1" });
    // Another amount is another key.
    expect((await session.call("POST", "/cobrancas", { ...body, valorNominal: 151 })).status).toBe(200);
    clock.advance(1000);
    // The refused call did not renew the key: 30 minutes after the first, a second charge is made.
    const fresh = await openInterSession(inter);
    expect((await fresh.call("POST", "/cobrancas", body)).status).toBe(200);
    expect(inter.records().charges.filter((charge) => charge.seuNumero === "DUP-1")).toHaveLength(3);
  });

  it("answers the sandbox's 500 when the payer is the beneficiary", async () => {
    const local = await startInterMock({ clock, beneficiaryCnpj: "11.222.333/0001-81", notify: false });
    try {
      const own = await openInterSession(local);
      const pagador = {
        ...(emitBody("2026-01-20").pagador as object),
        cpfCnpj: "11222333000181",
        tipoPessoa: "JURIDICA",
      };
      const answer = await own.call("POST", "/cobrancas", emitBody("2026-01-20", { pagador }));
      expect(answer.status).toBe(500);
      expect(answer.json).toMatchObject({ title: "Erro desconhecido.", violacoes: [] });
      expect(local.records().charges).toEqual([]);
    } finally {
      await local.close();
    }
  });

  it("refuses a body that is not JSON", async () => {
    const answer = await session.call("POST", "/cobrancas", "{not json");
    expect(answer.status).toBe(400);
  });
});
