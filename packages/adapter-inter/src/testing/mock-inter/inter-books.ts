import type { CalendarDate, Instant, Money } from "@tessera/core";

/**
 * The bank's ledger of charges and its webhook registration: what the routes read and change,
 * and what `records()` shows a test (the independent path it checks a gateway against).
 */

export type InterSituacao =
  | "EM_PROCESSAMENTO"
  | "A_RECEBER"
  | "ATRASADO"
  | "RECEBIDO"
  | "MARCADO_RECEBIDO"
  | "CANCELADO"
  | "EXPIRADO"
  | "FALHA_EMISSAO"
  | "PROTESTO";

export type OrigemRecebimento = "BOLETO" | "PIX";

export interface InterCharge {
  codigoSolicitacao: string;
  seuNumero: string;
  /** In centavos. */
  amount: number;
  dataEmissao: CalendarDate;
  dataVencimento: CalendarDate;
  numDiasAgenda: number;
  situacao: InterSituacao;
  dataSituacao: CalendarDate;
  dataHoraSituacao: Instant;
  /** The payer as the request gave it. */
  pagador: Record<string, unknown>;
  /** The request's other terms (multa, mora, desconto, mensagem…), echoed by `GET`. */
  terms: Record<string, unknown>;
  boleto?: { nossoNumero: string; codigoBarras: string; linhaDigitavel: string };
  pix?: { txid: string; pixCopiaECola: string };
  /** In centavos; 0 until paid. */
  collected: number;
  origemRecebimento?: OrigemRecebimento;
  /** The day it was paid (`filtrarDataPor=PAGAMENTO`). */
  paidOn?: CalendarDate;
  motivoCancelamento?: string;
  /** A cancel was accepted (202) and has not completed yet. */
  cancelPending: boolean;
  /** Made by someone else on the account, not through the API by the integration. */
  outside: boolean;
}

export interface InterWebhook {
  webhookUrl: string;
  criacao: Instant;
  atualizacao: Instant;
}

/** A charge as `records()` shows it. */
export interface InterChargeRecord {
  codigoSolicitacao: string;
  seuNumero: string;
  amount: Money;
  situacao: InterSituacao;
  collected: Money;
  outside: boolean;
}

export interface InterRecords {
  charges: InterChargeRecord[];
}

export interface InterBooks {
  charges: Map<string, InterCharge>;
  webhook: InterWebhook | null;
  /** Inter's duplicate key (seuNumero, valorNominal, dataVencimento, pagador.cpfCnpj) → when it was last used, ms. */
  recentKeys: Map<string, number>;
  records(): InterRecords;
}

const brl = (amount: number): Money => ({ amount, currency: "BRL" });

export function createInterBooks(): InterBooks {
  const charges = new Map<string, InterCharge>();
  return {
    charges,
    webhook: null,
    recentKeys: new Map(),
    records: () => ({
      charges: [...charges.values()].map((charge) => ({
        codigoSolicitacao: charge.codigoSolicitacao,
        seuNumero: charge.seuNumero,
        amount: brl(charge.amount),
        situacao: charge.situacao,
        collected: brl(charge.collected),
        outside: charge.outside,
      })),
    }),
  };
}

/** Centavos as Inter writes a decimal string: `"1234.56"`. */
export function decimalString(centavos: number): string {
  return (centavos / 100).toFixed(2);
}

/** A JSON number of reais as centavos (`2.5` → 250), rounding off float noise. */
export function centavosOf(reais: number): number {
  return Math.round(reais * 100);
}
