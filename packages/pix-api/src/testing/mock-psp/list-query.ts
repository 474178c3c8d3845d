import type { Violacao } from "./api-pix-validator";

/**
 * The query rules `GET /cob` and `GET /pix` share beyond the schema (spec catalogue,
 * `CobConsultaInvalida`, `PixConsultaInvalida`): `fim` not before `inicio`, not both `cpf`
 * and `cnpj`; and the page (`paginacao.paginaAtual` from 0, `paginacao.itensPorPagina`
 * default 100) with the `paginacao` block the answer carries.
 */
export interface ListWindow {
  inicio: string;
  fim: string;
  inicioMillis: number;
  fimMillis: number;
  paginaAtual: number;
  itensPorPagina: number;
}

export function listWindow(query: URLSearchParams): { window: ListWindow } | { violacoes: Violacao[] } {
  const inicio = query.get("inicio") ?? "";
  const fim = query.get("fim") ?? "";
  const violacoes: Violacao[] = [];
  if (Date.parse(fim) < Date.parse(inicio)) {
    violacoes.push({
      razao:
        "O timestamp representado pelo parâmetro fim é anterior ao timestamp representado pelo parâmetro inicio.",
      propriedade: "fim",
      valor: fim,
    });
  }
  if (query.has("cpf") && query.has("cnpj")) {
    violacoes.push({ razao: "Ambos os parâmetros cpf e cnpj estão preenchidos.", propriedade: "cnpj" });
  }
  if (violacoes.length > 0) return { violacoes };
  return {
    window: {
      inicio,
      fim,
      inicioMillis: Date.parse(inicio),
      fimMillis: Date.parse(fim),
      paginaAtual: Number(query.get("paginacao.paginaAtual") ?? 0),
      itensPorPagina: Number(query.get("paginacao.itensPorPagina") ?? 100),
    },
  };
}

/** Whether an instant falls inside the window, both ends included. */
export function inWindow(window: ListWindow, instant: string): boolean {
  const millis = Date.parse(instant);
  return millis >= window.inicioMillis && millis <= window.fimMillis;
}

/** One page of `items`, and the `parametros` block (`inicio`, `fim`, `paginacao`) that describes it. */
export function pageOf<T>(
  window: ListWindow,
  items: readonly T[],
  filters: Record<string, unknown>,
): { parametros: Record<string, unknown>; page: T[] } {
  const start = window.paginaAtual * window.itensPorPagina;
  return {
    parametros: {
      inicio: window.inicio,
      fim: window.fim,
      ...filters,
      paginacao: {
        paginaAtual: window.paginaAtual,
        itensPorPagina: window.itensPorPagina,
        quantidadeDePaginas: Math.max(1, Math.ceil(items.length / window.itensPorPagina)),
        quantidadeTotalDeItens: items.length,
      },
    },
    page: items.slice(start, start + window.itensPorPagina),
  };
}
