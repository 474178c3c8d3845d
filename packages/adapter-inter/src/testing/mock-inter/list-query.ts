import type { InterCharge } from "./inter-books";
import { listItemView } from "./inter-views";

/**
 * `GET /cobrancas`: the charges whose chosen date (`filtrarDataPor`, default VENCIMENTO;
 * EMISSAO; PAGAMENTO, the day paid) falls in [dataInicial, dataFinal], narrowed by
 * `seuNumero` and `situacao`, oldest first, in pages (`paginacao.paginaAtual` from 0,
 * `paginacao.itensPorPagina` default 100).
 */

function dateOf(charge: InterCharge, filtrarDataPor: string): string | undefined {
  if (filtrarDataPor === "EMISSAO") return charge.dataEmissao;
  if (filtrarDataPor === "PAGAMENTO") return charge.paidOn;
  return charge.dataVencimento;
}

export function listCharges(
  charges: readonly InterCharge[],
  query: URLSearchParams,
): Record<string, unknown> {
  const dataInicial = query.get("dataInicial") ?? "";
  const dataFinal = query.get("dataFinal") ?? "";
  const filtrarDataPor = query.get("filtrarDataPor") ?? "VENCIMENTO";
  const seuNumero = query.get("seuNumero");
  const situacao = query.get("situacao");
  const matching = charges.filter((charge) => {
    const date = dateOf(charge, filtrarDataPor);
    return (
      date !== undefined &&
      date >= dataInicial &&
      date <= dataFinal &&
      (seuNumero === null || charge.seuNumero === seuNumero) &&
      (situacao === null || charge.situacao === situacao)
    );
  });
  const size = Math.max(1, Number(query.get("paginacao.itensPorPagina") ?? 100));
  const page = Math.max(0, Number(query.get("paginacao.paginaAtual") ?? 0));
  const pages = Math.max(1, Math.ceil(matching.length / size));
  const items = matching.slice(page * size, page * size + size).map(listItemView);
  return {
    totalPaginas: pages,
    totalElementos: matching.length,
    tamanhoPagina: size,
    primeiraPagina: page === 0,
    ultimaPagina: page >= pages - 1,
    numeroDeElementos: items.length,
    cobrancas: items,
  };
}
