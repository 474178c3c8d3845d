import type { Clock } from "@tessera/core";
import { gatewayError } from "@tessera/core";
import {
  type OAuthTokenSource,
  type PixHttpResponse,
  type PixTransport,
  PixTransportError,
  retryAfterSeconds,
} from "@tessera/pix-api";
import { interErrorSchema } from "./schemas";

/**
 * Cobrança v3 scopes (openapi-token-oauth-v2.json). Reads and writes share one token with
 * both: Inter grants five tokens a minute, and a token per scope set would spend two.
 */
const cobrancaScopes = ["boleto-cobranca.read", "boleto-cobranca.write"] as const;
export const interScopes = { read: cobrancaScopes, write: cobrancaScopes } as const;

export interface InterClientOptions {
  /** The API address, without `/cobranca/v3` (`https://cdpj.partners.bancointer.com.br`). */
  baseUrl: string;
  /** The shared mutual-TLS transport of `@tessera/pix-api`. */
  transport: PixTransport;
  /** The shared OAuth source of `@tessera/pix-api` (Inter: `clientAuthentication: "body"`). */
  tokens: OAuthTokenSource;
  clock: Clock;
  /** Sent as `x-conta-corrente` when the integração serves several accounts. */
  contaCorrente?: string;
  /** Errors name it (the gateway id). */
  origin: string;
}

export interface InterRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path under the base URL, with its query (`/cobranca/v3/cobrancas?seuNumero=…`). */
  path: string;
  body?: unknown;
  access: keyof typeof interScopes;
}

/** Sends Cobrança v3 requests with a bearer token, and answers what Inter answered. */
export interface InterClient {
  /**
   * Sends one request. A 401 forgets the token and tries once more with a new one (Inter
   * refused the token, so nothing was done); a 429 is `gateway_unavailable` with the wait
   * Inter asked for (it did nothing; a buyer is not kept waiting on a rate limit, and core
   * blocks nobody); a request that provably never left is `gateway_unavailable` too. Every
   * other answer is returned for the caller to read; a `PixTransportError` of kind `unknown`
   * (the request may have arrived) is thrown as it is.
   */
  send(request: InterRequest): Promise<PixHttpResponse>;
}

/** Builds the Cobrança v3 client over `@tessera/pix-api`'s transport and token source. */
export function createInterClient(options: InterClientOptions): InterClient {
  async function once(request: InterRequest): Promise<PixHttpResponse> {
    const scopes = interScopes[request.access];
    const token = await options.tokens.accessToken(scopes);
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
    if (request.body !== undefined) headers["content-type"] = "application/json";
    if (options.contaCorrente !== undefined) headers["x-conta-corrente"] = options.contaCorrente;
    try {
      return await options.transport({
        method: request.method,
        url: `${options.baseUrl}${request.path}`,
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      });
    } catch (error) {
      if (error instanceof PixTransportError && error.kind === "not_sent") {
        throw gatewayError(
          options.origin,
          "gateway_unavailable",
          `Banco Inter could not be reached: ${error.message}`,
          {
            cause: error,
          },
        );
      }
      throw error;
    }
  }

  return {
    async send(request) {
      let answer = await once(request);
      if (answer.status === 401) {
        options.tokens.invalidate(interScopes[request.access]);
        answer = await once(request);
        if (answer.status === 401) {
          throw gatewayError(
            options.origin,
            "gateway_authentication",
            "Banco Inter refused a fresh access token.",
            {
              details: { status: 401 },
            },
          );
        }
      }
      if (answer.status === 429) {
        throw gatewayError(
          options.origin,
          "gateway_unavailable",
          "Banco Inter's rate limit refused the request.",
          {
            details: { retryAfterSeconds: retryAfterSeconds(answer.headers["retry-after"], options.clock) },
          },
        );
      }
      return answer;
    },
  };
}

/**
 * Inter's error body (`{title, status, detail, violacoes}`, no `type`) as field issues, one per
 * `violacoes[]` item at its `propriedade`, so a refused request names what to fix.
 */
export function interFieldIssues(body: string): { path: string[]; code: string; message: string }[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return [];
  }
  const parsed = interErrorSchema.safeParse(json);
  if (!parsed.success) return [];
  return (parsed.data.violacoes ?? []).map((violacao) => ({
    path: (violacao.propriedade ?? "").split(".").filter((part) => part !== ""),
    code: "refused_by_inter",
    message: violacao.razao ?? parsed.data.title ?? "refused",
  }));
}

/** A 4xx answer as the `GatewayError` it means: 403 credentials/scopes, other 4xx an invalid request. */
export function interAnswerError(origin: string, answer: PixHttpResponse) {
  const issues = interFieldIssues(answer.body);
  const parsed = (() => {
    try {
      return interErrorSchema.safeParse(JSON.parse(answer.body));
    } catch {
      return null;
    }
  })();
  const text = parsed?.success ? [parsed.data.title, parsed.data.detail].filter(Boolean).join(" ") : "";
  const code = answer.status === 403 ? "gateway_authentication" : "gateway_invalid_request";
  return gatewayError(
    origin,
    code,
    `Banco Inter refused the request (${answer.status})${text ? `: ${text}` : "."}`,
    {
      details: { status: answer.status, issues },
    },
  );
}
