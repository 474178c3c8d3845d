import { describe, expect, it } from "vitest";
import { interSituacaoTable, mapInterCobranca } from "./mapping";
import { interRecuperarResponseSchema, interSituacoes, interWebhookBodySchema } from "./schemas";

// Shaped after Inter's documented `GET /cobranca/v3/cobrancas/{codigoSolicitacao}` answer.
function recuperar(situacao: string, issued = true) {
  return interRecuperarResponseSchema.parse({
    cobranca: {
      codigoSolicitacao: "0b7f5c1e-2d4a-4f7e-9a61-3c2e8d1f0a55",
      seuNumero: "TSR01ABC",
      dataEmissao: "2026-12-01",
      dataVencimento: "2026-12-10",
      valorNominal: "123.45",
      situacao,
    },
    ...(issued
      ? {
          boleto: {
            nossoNumero: "5060098211",
            codigoBarras: "07791000000000123450001112223334445556667778",
            linhaDigitavel: "07790001161222333444555666777889100000000012345",
          },
          pix: {
            txid: "TSR01ABCTXID0000000000000000001",
            pixCopiaECola: "00020101021226910014BR.GOV.BCB.PIX",
          },
        }
      : {}),
  });
}

describe("Inter situacao mapping", () => {
  it("maps every situation Inter documents", () => {
    expect(Object.keys(interSituacaoTable).sort()).toEqual([...interSituacoes].sort());
  });

  it("reads an issued A_RECEBER as pending with the boleto's line, barcode, due date and bolepix payload", () => {
    const result = mapInterCobranca(recuperar("A_RECEBER"));
    expect(result).toMatchObject({
      status: "pending",
      providerReference: "0b7f5c1e-2d4a-4f7e-9a61-3c2e8d1f0a55",
      rawStatus: "A_RECEBER",
      amount: { amount: 12345, currency: "BRL" },
      action: {
        type: "boleto",
        digitableLine: "07790001161222333444555666777889100000000012345",
        barcode: "07791000000000123450001112223334445556667778",
        dueDate: "2026-12-10",
        pdfUrl: null,
        pixPayload: "00020101021226910014BR.GOV.BCB.PIX",
      },
    });
  });

  it("keeps an overdue (ATRASADO) or protested boleto pending: it can still be paid", () => {
    expect(mapInterCobranca(recuperar("ATRASADO")).status).toBe("pending");
    expect(mapInterCobranca(recuperar("PROTESTO")).status).toBe("pending");
  });

  it("reads EM_PROCESSAMENTO, and a payable situation without its boleto yet, as processing", () => {
    expect(mapInterCobranca(recuperar("EM_PROCESSAMENTO", false)).status).toBe("processing");
    expect(mapInterCobranca(recuperar("A_RECEBER", false)).status).toBe("processing");
  });

  it("reads RECEBIDO and MARCADO_RECEBIDO as succeeded", () => {
    expect(mapInterCobranca(recuperar("RECEBIDO")).status).toBe("succeeded");
    expect(mapInterCobranca(recuperar("MARCADO_RECEBIDO")).status).toBe("succeeded");
  });

  it("tells a cancellation by us from an expiry", () => {
    expect(mapInterCobranca(recuperar("CANCELADO"))).toMatchObject({ status: "canceled", reason: "by_us" });
    expect(mapInterCobranca(recuperar("EXPIRADO"))).toMatchObject({ status: "canceled", reason: "expired" });
  });

  it("reads FALHA_EMISSAO as declined, not as a provider fault to retry", () => {
    expect(mapInterCobranca(recuperar("FALHA_EMISSAO", false))).toMatchObject({
      status: "declined",
      declineCode: "processing_error",
    });
  });

  it("answers unknown for a situation it has never seen, keeping the raw word", () => {
    expect(mapInterCobranca(recuperar("NOVA_SITUACAO"))).toMatchObject({
      status: "unknown",
      rawStatus: "NOVA_SITUACAO",
    });
  });
});

describe("Inter payload parsing", () => {
  it("accepts the sandbox's amounts as strings and origin words outside the published enum", () => {
    const parsed = interWebhookBodySchema.parse([
      {
        codigoSolicitacao: "ca125087-005a-476f-8e77-6ec7a8728af4",
        situacao: "RECEBIDO",
        dataHoraSituacao: "2026-08-03T14:36:45.606Z",
        valorTotalRecebido: "2.5",
        origemRecebimento: "RECEBIDO_BOLETO",
      },
    ]);
    expect(Array.isArray(parsed) && parsed[0]?.valorTotalRecebido).toBe(2.5);
  });

  it("refuses an amount that is not a decimal number", () => {
    expect(() => recuperarWithAmount("12,34")).toThrow();
  });
});

function recuperarWithAmount(valorNominal: string) {
  return interRecuperarResponseSchema.parse({
    cobranca: {
      codigoSolicitacao: "x",
      seuNumero: "y",
      situacao: "A_RECEBER",
      dataVencimento: "2026-12-10",
      valorNominal,
    },
  });
}
