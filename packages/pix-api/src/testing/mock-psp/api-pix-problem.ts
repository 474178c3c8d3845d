import type { Violacao } from "./api-pix-validator";

/**
 * API Pix errors (`application/problem+json`, schema `Problema`): the error types of the
 * spec's catalogue (`info.description`, "Tipos de erro") the mock answers, with the status
 * and the title and detail the spec's examples give them.
 */
const catalogue = {
  AcessoNegado: [
    403,
    "Acesso Negado",
    "Requisição de participante autenticado que viola alguma regra de autorização.",
  ],
  NaoEncontrado: [404, "Não Encontrado", "Entidade não encontrada."],
  ErroInternoDoServidor: [500, "Erro interno do servidor", "Condição inesperada ao processar requisição."],
  RequisicaoInvalida: [400, "Requisição inválida.", "Requisição inválida."],
  CobNaoEncontrado: [404, "Cobrança não encontrada.", "Cobrança não encontrada para o txid informado."],
  CobOperacaoInvalida: [
    400,
    "Cobrança inválida.",
    "A requisição que busca alterar ou criar uma cobrança para pagamento imediato não respeita o _schema_ ou está semanticamente errada.",
  ],
  CobConsultaInvalida: [
    400,
    "Consulta inválida.",
    "Os parâmetros de consulta à lista de cobranças para pagamento imediato não respeitam o _schema_ ou não fazem sentido semanticamente.",
  ],
  CobVNaoEncontrada: [
    404,
    "Cobrança não encontrada.",
    "Cobrança com vencimento não encontrada para o txid informado.",
  ],
  CobVOperacaoInvalida: [
    400,
    "Cobrança inválida.",
    "A requisição que busca alterar ou criar uma cobrança com vencimento não respeita o _schema_ ou está semanticamente errada.",
  ],
  CobVConsultaInvalida: [
    400,
    "Consulta inválida.",
    "Os parâmetros de consulta à lista de cobranças com vencimento não respeitam o _schema_ ou não fazem sentido semanticamente.",
  ],
  PixNaoEncontrado: [404, "Pix não encontrado.", "Pix não encontrado para o e2eid informado."],
  PixConsultaInvalida: [
    400,
    "Consulta inválida.",
    "Os parâmetros de consulta à lista de pix recebidos não respeitam o _schema_ ou não fazem sentido semanticamente.",
  ],
  PixDevolucaoInvalida: [
    400,
    "Devolução inválida.",
    "A presente requisição de devolução não respeita o _schema_ ou não faz sentido semanticamente.",
  ],
  PixDevolucaoNaoEncontrada: [
    404,
    "Devolução não encontrada.",
    "Devolução representada por {id} não encontrada para o e2eid informado.",
  ],
  WebhookOperacaoInvalida: [
    400,
    "Webhook inválido.",
    "A presente requisição busca criar um webhook sem respeitar o _schema_ ou, ainda, com sentido semanticamente inválido.",
  ],
  WebhookNaoEncontrado: [
    404,
    "Webhook não encontrado.",
    "O webhook denotado por {chave} não encontra-se estabelecido.",
  ],
} as const satisfies Record<string, readonly [number, string, string]>;

/** An error type of the API Pix catalogue (`https://pix.bcb.gov.br/api/v2/error/<TipoErro>`). */
export type TipoErro = keyof typeof catalogue;

/** A problem+json body (schema `Problema`). */
export interface Problema {
  type: string;
  title: string;
  status: number;
  detail: string;
  correlationId?: string;
  violacoes?: Violacao[];
}

/** The problem of `tipo`, with the violations that explain it, or a more specific detail. */
export function problemOf(tipo: TipoErro, extra: { violacoes?: Violacao[]; detail?: string } = {}): Problema {
  const [status, title, detail] = catalogue[tipo];
  const problem: Problema = {
    type: `https://pix.bcb.gov.br/api/v2/error/${tipo}`,
    title,
    status,
    detail: extra.detail ?? detail,
  };
  if (extra.violacoes !== undefined && extra.violacoes.length > 0) problem.violacoes = extra.violacoes;
  return problem;
}
