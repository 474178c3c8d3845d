import type { CreatePaymentRequest } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { interEmitBody } from "./emit-request";

const address = {
  street: "Rua Augusta",
  number: "1500",
  complement: "",
  district: "Consolação",
  city: "São Paulo",
  state: "sp",
  postalCode: "01304-001",
  country: "BR",
};
const request: CreatePaymentRequest = {
  idempotencyKey: "K7Q2M9X4T1B8C3D",
  amount: { amount: 19_990, currency: "BRL" },
  method: "boleto",
  description: "Plano mensal — Estúdio Aurora",
  dueDate: "2026-03-13",
  payer: {
    name: "Ana Souza",
    email: "ana@example.com",
    phone: "+55 11 98888-7777",
    document: { kind: "cpf", value: "529.982.247-25" },
    address,
  },
};
const afternoon = "2026-03-13T18:00:00.000Z"; // 15:00 in Brasília

describe("the cobrança a boleto request asks Inter for", () => {
  it("sends the amount in reais, the payer's digits, full address and phone, and boleto with PIX", () => {
    expect(interEmitBody("inter", request, { numDiasAgenda: 30, now: afternoon })).toEqual({
      seuNumero: "K7Q2M9X4T1B8C3D",
      valorNominal: 199.9,
      dataVencimento: "2026-03-13",
      numDiasAgenda: 30,
      pagador: {
        cpfCnpj: "52998224725",
        tipoPessoa: "FISICA",
        nome: "Ana Souza",
        endereco: "Rua Augusta",
        numero: "1500",
        bairro: "Consolação",
        cidade: "São Paulo",
        uf: "SP",
        cep: "01304001",
        email: "ana@example.com",
        ddd: "11",
        telefone: "988887777",
      },
      mensagem: { linha1: "Plano mensal — Estúdio Aurora" },
      formasRecebimento: ["BOLETO", "PIX"],
    });
  });

  it("refuses, naming each field, a payer without an address or a document", () => {
    const bare = { ...request, payer: { ...request.payer, address: null, document: null } };
    expect(() => interEmitBody("inter", bare, { numDiasAgenda: 30, now: afternoon })).toThrowError(
      expect.objectContaining({
        code: "gateway_invalid_request",
        details: expect.objectContaining({
          issues: [
            expect.objectContaining({ path: ["payer", "document"] }),
            expect.objectContaining({ path: ["payer", "address"] }),
          ],
        }),
      }),
    );
  });

  it("refuses a boleto due today after 19:59 in Brasília, and one due yesterday", () => {
    const evening = "2026-03-13T23:00:00.000Z"; // 20:00 in Brasília
    expect(() => interEmitBody("inter", request, { numDiasAgenda: 30, now: evening })).toThrow(/19:59/);
    expect(() =>
      interEmitBody("inter", { ...request, dueDate: "2026-03-12" }, { numDiasAgenda: 30, now: afternoon }),
    ).toThrow(/today or later/);
    expect(
      interEmitBody("inter", { ...request, dueDate: "2026-03-14" }, { numDiasAgenda: 30, now: evening })
        .dataVencimento,
    ).toBe("2026-03-14");
  });
});
