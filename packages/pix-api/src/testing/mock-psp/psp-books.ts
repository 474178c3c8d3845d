import type { Instant, Money } from "@tessera/core";
import { centavosOfValor } from "./pix-amount";

/**
 * The mock PSP's books: every charge, received Pix, devolução and webhook it holds — the
 * independent path the conformance suite checks an adapter against (STYLE 18). Amounts are
 * centavos; the API's decimal text is written only in the views.
 */

export type ChargeKind = "cob" | "cobv";

/** Schema `CobrancaStatus`. There is no expired status: an expired cob stays `ATIVA`. */
export type CobrancaStatus = "ATIVA" | "CONCLUIDA" | "REMOVIDA_PELO_USUARIO_RECEBEDOR" | "REMOVIDA_PELO_PSP";

/** What the receiver asked for in one revision: the request body as the schema let it in, defaults filled. */
export interface ChargeTerms {
  calendario: {
    expiracao?: number;
    dataDeVencimento?: string;
    validadeAposVencimento?: number;
  };
  devedor?: Record<string, unknown>;
  valor: { original: string; modalidadeAlteracao?: number } & Record<string, unknown>;
  chave: string;
  solicitacaoPagador?: string;
  infoAdicionais?: { nome: string; valor: string }[];
}

export interface ChargeEntry {
  txid: string;
  kind: ChargeKind;
  status: CobrancaStatus;
  criacao: Instant;
  loc: { id: number; location: string; criacao: Instant };
  pixCopiaECola: string;
  /** Revision n is `revisions[n]`; the last one is the charge as it stands. */
  revisions: ChargeTerms[];
  /** `put`: the receiver's txid; `post`: the PSP made it (`POST /cob`); `outside`: a charge made by someone else. */
  origin: "put" | "post" | "outside";
  /** The endToEndIds of the Pix that paid it. */
  pix: string[];
}

export interface PixEntry {
  endToEndId: string;
  /** Null for a Pix of a static code without txid (`***`): no webhook ever tells of it. */
  txid: string | null;
  valor: number;
  horario: Instant;
  chave: string;
  infoPagador?: string;
}

export type DevolucaoStatus = "EM_PROCESSAMENTO" | "DEVOLVIDO" | "NAO_REALIZADO";

export interface DevolucaoEntry {
  endToEndId: string;
  id: string;
  rtrId: string;
  valor: number;
  natureza: "ORIGINAL" | "RETIRADA";
  descricao?: string;
  status: DevolucaoStatus;
  solicitacao: Instant;
  liquidacao?: Instant;
  motivo?: string;
}

export interface WebhookEntry {
  chave: string;
  webhookUrl: string;
  criacao: Instant;
}

/** A charge as the PSP's books hold it. */
export interface PspChargeRecord {
  txid: string;
  kind: ChargeKind;
  amount: Money;
  status: CobrancaStatus;
  /** What the PSP received for it: the sum of the Pix that paid it (refunds are their own records). */
  collected: Money;
  /** A charge someone else made on this account (`chargeOutsideUs`). */
  outside: boolean;
}

export interface PspPixRecord {
  endToEndId: string;
  txid: string | null;
  valor: Money;
  horario: Instant;
}

export interface PspDevolucaoRecord {
  endToEndId: string;
  id: string;
  valor: Money;
  status: DevolucaoStatus;
}

/** The books, read without the API: what `PixPspMock.records()` answers. */
export interface PspRecords {
  charges: PspChargeRecord[];
  pix: PspPixRecord[];
  devolucoes: PspDevolucaoRecord[];
}

export interface PspBooks {
  charges: Map<string, ChargeEntry>;
  pix: Map<string, PixEntry>;
  /** Per endToEndId, its devoluções by id. */
  devolucoes: Map<string, Map<string, DevolucaoEntry>>;
  webhooks: Map<string, WebhookEntry>;
  /** A fresh payload-location id (`loc.id`). */
  nextLocationId(): number;
  records(): PspRecords;
}

const brl = (amount: number): Money => ({ amount, currency: "BRL" });

/** The terms a charge stands on now. */
export function currentTerms(charge: ChargeEntry): ChargeTerms {
  return charge.revisions[charge.revisions.length - 1]!;
}

export function createPspBooks(): PspBooks {
  const charges = new Map<string, ChargeEntry>();
  const pix = new Map<string, PixEntry>();
  const devolucoes = new Map<string, Map<string, DevolucaoEntry>>();
  let locationId = 0;
  return {
    charges,
    pix,
    devolucoes,
    webhooks: new Map(),
    nextLocationId: () => {
      locationId += 1;
      return locationId;
    },
    records: () => ({
      charges: [...charges.values()].map((charge) => {
        const paid = charge.pix.reduce((sum, id) => sum + (pix.get(id)?.valor ?? 0), 0);
        return {
          txid: charge.txid,
          kind: charge.kind,
          amount: brl(centavosOfValor(currentTerms(charge).valor.original)),
          status: charge.status,
          collected: brl(paid),
          outside: charge.origin === "outside",
        };
      }),
      pix: [...pix.values()].map((entry) => ({
        endToEndId: entry.endToEndId,
        txid: entry.txid,
        valor: brl(entry.valor),
        horario: entry.horario,
      })),
      devolucoes: [...devolucoes.values()].flatMap((byId) =>
        [...byId.values()].map((entry) => ({
          endToEndId: entry.endToEndId,
          id: entry.id,
          valor: brl(entry.valor),
          status: entry.status,
        })),
      ),
    }),
  };
}
