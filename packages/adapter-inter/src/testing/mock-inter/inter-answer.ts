import type { MockAnswer } from "@tessera/pix-api/testing";
import type { Violacao } from "./inter-schemas";

/**
 * What the mock writes back for one request, and Inter's error bodies. Cobrança v3 errors are
 * `{title, status, detail, violacoes}` (schema `Problema`) with no RFC 9457 `type`, unlike the
 * API Pix; 400s also carry the `timestamp` Inter's example shows.
 */
export interface InterAnswer extends MockAnswer {
  /** What the bank does once the answer is written (an immediate issue, say). */
  afterAnswer?: () => void;
}

export function jsonAnswer(status: number, body: unknown): InterAnswer {
  return { status, body };
}

/** 400 "Dados inválidos." with the violations found, as Inter words a refused request. */
export function invalidAnswer(violacoes: readonly Violacao[], now: string): InterAnswer {
  return {
    status: 400,
    body: {
      title: "Dados inválidos.",
      status: 400,
      detail:
        "Verifique se os dados informados estão de acordo com a documentação disponibilizada e tente novamente.",
      timestamp: now,
      violacoes,
    },
  };
}

/** A 400 for a rule of the bank rather than of the schema (a duplicate, a paid charge cancelled). */
export function refusedAnswer(razao: string, now: string, propriedade?: string, valor?: string): InterAnswer {
  const violacao: Violacao = { razao };
  if (propriedade !== undefined) violacao.propriedade = propriedade;
  if (valor !== undefined) violacao.valor = valor;
  return invalidAnswer([violacao], now);
}

function problem(
  status: number,
  title: string,
  detail: string,
  headers?: Record<string, string>,
): InterAnswer {
  return {
    status,
    body: { title, status, detail },
    contentType: "application/problem+json",
    ...(headers === undefined ? {} : { headers }),
  };
}

export const notFoundAnswer = () => problem(404, "Não Encontrado", "Entidade não encontrada.");

export const forbiddenAnswer = (
  detail = "Requisição de participante autenticado que viola alguma regra de autorização.",
) => problem(403, "Acesso Negado", detail);

export const unauthorizedAnswer = () =>
  problem(401, "Não Autorizado", "Token de acesso inválido ou expirado.", {
    "www-authenticate": 'Bearer error="invalid_token"',
  });

export const tooManyRequestsAnswer = () =>
  problem(429, "Too Many Requests", "Limite de requisições excedido. Tente novamente mais tarde.", {
    "retry-after": "1",
  });

export const internalErrorAnswer = (detail = "Ocorreu um erro não esperado. Tente novamente mais tarde.") =>
  problem(500, "Erro Interno", detail);

/** The 500 the sandbox answered when the payer's CPF/CNPJ was the beneficiary's own (observed, no `status`). */
export const payerIsBeneficiaryAnswer = (): InterAnswer => ({
  status: 500,
  body: {
    title: "Erro desconhecido.",
    detail: "Tente novamente mais tarde, caso o erro persista favor entrar em contato com o suporte inter.",
    violacoes: [],
  },
});
