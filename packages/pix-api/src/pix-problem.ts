import { type Clock, type FieldIssue, gatewayError, type TesseraError } from "@tessera/core";
import type { PixHttpResponse } from "./mtls-transport";
import { retryAfterSeconds } from "./oauth-token-source";
import { type PixProblem, problemSchema } from "./schemas";

/** The spec's error type without its URL: `https://pix.bcb.gov.br/api/v2/error/CobOperacaoInvalida` → `CobOperacaoInvalida`. */
export function problemTypeOf(problem: PixProblem): string {
  return problem.type.split("/").filter(Boolean).at(-1) ?? problem.type;
}

/**
 * The spec's `violacoes` as field issues: `propriedade` (`cob.valor.original`) is the path,
 * `razao` the message, the problem's type the code — so a back-office form can show each
 * beside its field.
 */
export function problemFieldIssues(problem: PixProblem): FieldIssue[] {
  const code = problemTypeOf(problem);
  return (problem.violacoes ?? []).map((violation) => ({
    path: violation.propriedade.split(".").filter(Boolean),
    code,
    message: violation.razao,
  }));
}

/** A problem+json body, or null when the answer carries none (an HTML error page, an empty 401). */
export function readProblem(body: string): PixProblem | null {
  try {
    const parsed = problemSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The error for an answer that is not a success, as core's `GatewayError`s say them: 401 and
 * 403 the credentials or scopes, 429 a wait (`retryAfterSeconds`), any other 4xx a request
 * the PSP refused (with its problem type in `details.problemType` and its `violacoes` as
 * issues). 5xx is not an error of this kind: the caller reads it as "may have happened".
 */
export function pixAnswerError(origin: string, answer: PixHttpResponse, clock: Clock): TesseraError {
  const problem = readProblem(answer.body);
  const said = problem?.detail ?? problem?.title;
  const details = {
    status: answer.status,
    ...(problem ? { problemType: problemTypeOf(problem), issues: problemFieldIssues(problem) } : {}),
    ...(problem?.correlationId ? { correlationId: problem.correlationId } : {}),
  };
  if (answer.status === 429) {
    return gatewayError(
      origin,
      "gateway_unavailable",
      "The PSP asked to slow down (429 Too Many Requests).",
      {
        details: { ...details, retryAfterSeconds: retryAfterSeconds(answer.headers["retry-after"], clock) },
      },
    );
  }
  if (answer.status === 401 || answer.status === 403) {
    return gatewayError(
      origin,
      "gateway_authentication",
      `The PSP refused the access (${answer.status}${said ? `: ${said}` : ""}): check the client ID, secret, certificate and scopes.`,
      { details },
    );
  }
  return gatewayError(
    origin,
    "gateway_invalid_request",
    `The PSP refused the request (${answer.status}${said ? `: ${said}` : ""}).`,
    {
      details,
    },
  );
}
