import { valorOfCentavos } from "./pix-amount";
import {
  type ChargeEntry,
  type ChargeTerms,
  currentTerms,
  type DevolucaoEntry,
  type PixEntry,
  type PspBooks,
} from "./psp-books";
import type { CompletePixKeyHolder } from "./psp-receiver";

/**
 * The books written as API Pix answers: `CobGerada`/`CobCompleta`, `CobVGerada`/`CobVCompleta`,
 * `Pix` and `Devolucao`, in the spec's field order.
 */

/** A cob's expiry when its request gives none (schema `CobExpiracao`, default 86400 s). */
export const defaultExpiracao = 86_400;
/** Days a cobv is payable after its due date when the request gives none (`validadeAposVencimento`, default 30). */
export const defaultValidadeAposVencimento = 30;

export function devolucaoView(entry: DevolucaoEntry): Record<string, unknown> {
  return {
    id: entry.id,
    rtrId: entry.rtrId,
    valor: valorOfCentavos(entry.valor),
    natureza: entry.natureza,
    ...(entry.descricao === undefined ? {} : { descricao: entry.descricao }),
    horario: {
      solicitacao: entry.solicitacao,
      ...(entry.liquidacao === undefined ? {} : { liquidacao: entry.liquidacao }),
    },
    status: entry.status,
    ...(entry.motivo === undefined ? {} : { motivo: entry.motivo }),
  };
}

export function pixView(entry: PixEntry, books: PspBooks): Record<string, unknown> {
  const devolucoes = [...(books.devolucoes.get(entry.endToEndId)?.values() ?? [])];
  return {
    endToEndId: entry.endToEndId,
    ...(entry.txid === null ? {} : { txid: entry.txid }),
    valor: valorOfCentavos(entry.valor),
    componentesValor: { original: { valor: valorOfCentavos(entry.valor) } },
    chave: entry.chave,
    horario: entry.horario,
    ...(entry.infoPagador === undefined ? {} : { infoPagador: entry.infoPagador }),
    ...(devolucoes.length === 0 ? {} : { devolucoes: devolucoes.map(devolucaoView) }),
  };
}

function optionalTerms(terms: ChargeTerms): Record<string, unknown> {
  return {
    ...(terms.solicitacaoPagador === undefined ? {} : { solicitacaoPagador: terms.solicitacaoPagador }),
    ...(terms.infoAdicionais === undefined ? {} : { infoAdicionais: terms.infoAdicionais }),
  };
}

/**
 * A charge as its PUT/PATCH answers it (`detail: "created"`: `CobGerada`, `CobVGerada`) or its
 * GET does (`"complete"`: adds the Pix that paid it), at `revisao` (default: the last).
 */
export function chargeView(
  charge: ChargeEntry,
  books: PspBooks,
  holder: CompletePixKeyHolder,
  detail: "created" | "complete",
  revisao: number = charge.revisions.length - 1,
): Record<string, unknown> {
  const terms = charge.revisions[revisao] ?? currentTerms(charge);
  const calendario =
    charge.kind === "cob"
      ? { criacao: charge.criacao, expiracao: terms.calendario.expiracao ?? defaultExpiracao }
      : {
          criacao: charge.criacao,
          dataDeVencimento: terms.calendario.dataDeVencimento,
          validadeAposVencimento: terms.calendario.validadeAposVencimento ?? defaultValidadeAposVencimento,
        };
  const pix = charge.pix.flatMap((id) => {
    const entry = books.pix.get(id);
    return entry === undefined ? [] : [pixView(entry, books)];
  });
  return {
    calendario,
    txid: charge.txid,
    revisao,
    // `CobGerada` requires the location's txid too, though the spec's examples leave it out.
    loc: {
      id: charge.loc.id,
      txid: charge.txid,
      location: charge.loc.location,
      tipoCob: charge.kind,
      criacao: charge.loc.criacao,
    },
    location: charge.loc.location,
    status: charge.status,
    ...(terms.devedor === undefined ? {} : { devedor: terms.devedor }),
    ...(charge.kind === "cobv"
      ? {
          recebedor: {
            logradouro: holder.logradouro,
            cidade: holder.cidade,
            uf: holder.uf,
            cep: holder.cep,
            cnpj: holder.cnpj,
            nome: holder.nome,
          },
        }
      : {}),
    valor: terms.valor,
    chave: terms.chave,
    ...optionalTerms(terms),
    pixCopiaECola: charge.pixCopiaECola,
    ...(detail === "complete" && pix.length > 0 ? { pix } : {}),
  };
}
