import type { CalendarDate, PaymentResult } from "@tessera/core";
import type { InterRecuperarResponse, InterSituacao } from "./schemas";

/**
 * Inter's `situacao` → our payment status, in one table (Cobrança v3 OpenAPI, `situacao`).
 * `PROTESTO` is a boleto sent to protest: still unpaid and still payable, so `pending`.
 */
export const interSituacaoTable: Readonly<
  Record<
    InterSituacao,
    | { status: "processing" }
    | { status: "pending" }
    | { status: "succeeded" }
    | { status: "canceled"; reason: "by_us" | "expired" }
    | { status: "declined" }
  >
> = {
  EM_PROCESSAMENTO: { status: "processing" },
  A_RECEBER: { status: "pending" },
  ATRASADO: { status: "pending" },
  PROTESTO: { status: "pending" },
  RECEBIDO: { status: "succeeded" },
  MARCADO_RECEBIDO: { status: "succeeded" },
  CANCELADO: { status: "canceled", reason: "by_us" },
  EXPIRADO: { status: "canceled", reason: "expired" },
  FALHA_EMISSAO: { status: "declined" },
};

/** Reais as Inter writes them (`123.45`, `"2.5"`) → centavos. */
export function reaisToCentavos(value: number): number {
  return Math.round(value * 100);
}

/**
 * One cobrança as Inter answers `GET /cobranca/v3/cobrancas/{id}` → our `PaymentResult`.
 * A situation outside the table is `unknown`, never a guess: recovery asks again later.
 */
export function mapInterCobranca(response: InterRecuperarResponse): PaymentResult {
  const { cobranca } = response;
  const rawStatus = cobranca.situacao;
  const base = {
    providerReference: cobranca.codigoSolicitacao,
    rawStatus,
    amount: { amount: reaisToCentavos(cobranca.valorNominal), currency: "BRL" },
    refundedAmount: { amount: 0, currency: "BRL" },
  };
  const entry = (interSituacaoTable as Readonly<Record<string, (typeof interSituacaoTable)[InterSituacao]>>)[
    rawStatus
  ];
  if (entry === undefined) {
    return {
      status: "unknown",
      providerReference: cobranca.codigoSolicitacao,
      rawStatus,
      reason: `Banco Inter answered a situation this adapter does not know: ${rawStatus}`,
    };
  }
  switch (entry.status) {
    case "processing":
      return { ...base, status: "processing" };
    case "pending": {
      // A_RECEBER without its boleto yet is still being issued as far as the payer can tell.
      if (response.boleto === undefined) return { ...base, status: "processing" };
      return {
        ...base,
        status: "pending",
        action: {
          type: "boleto",
          digitableLine: response.boleto.linhaDigitavel,
          barcode: response.boleto.codigoBarras,
          dueDate: cobranca.dataVencimento as CalendarDate,
          // Inter hands the PDF over only through its API (`boletoDocument`), never as a link.
          pdfUrl: null,
          pixPayload: response.pix?.pixCopiaECola ?? null,
        },
      };
    }
    case "succeeded":
      return { ...base, status: "succeeded", card: null, paidAt: null };
    case "canceled":
      return { ...base, status: "canceled", reason: entry.reason };
    case "declined":
      return {
        ...base,
        status: "declined",
        declineCode: "processing_error",
        message: "Banco Inter could not issue the boleto (FALHA_EMISSAO).",
      };
  }
}
