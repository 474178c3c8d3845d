import type { Clock } from "@tessera/core";
import { createOAuthTokens, oauthErrorAnswer, sameSecret } from "../mtls/oauth-tokens";
import { problemOf } from "./api-pix-problem";
import { resolveSpecRef } from "./api-pix-spec";
import { type PspAnswer, problemAnswer } from "./psp-answer";

/**
 * OAuth 2.0 client credentials as API Pix PSPs run it (Manual de Padrões, Anexo II §3.1:
 * RFC 6749 §4.4 over mutual TLS, tokens bound to the client certificate, RFC 8705 §3): the
 * token endpoint, and the check of each API call's bearer token and scopes.
 */

/** How the client may authenticate at the token endpoint (RFC 6749 §2.3.1). */
export type ClientAuthentication = "basic" | "body" | "either";

/** Seconds a token lives (`expires_in`), by the mock's clock. */
export const tokenLifetimeSeconds = 3600;

/** Every scope the spec's security scheme defines; a token request without `scope` gets them all. */
const knownScopes: readonly string[] = Object.keys(
  (
    resolveSpecRef("#/components/securitySchemes/OAuth2") as {
      flows: { clientCredentials: { scopes: Record<string, string> } };
    }
  ).flows.clientCredentials.scopes,
);

function oauthError(status: number, error: string, description: string, basic = false): PspAnswer {
  // RFC 6749 §5.2: a client that tried Basic authentication is told so in the challenge.
  return oauthErrorAnswer(
    status,
    error,
    description,
    basic ? { "www-authenticate": 'Basic realm="pix"' } : undefined,
  );
}

export interface TokenRequest {
  headers: Readonly<Record<string, string | string[] | undefined>>;
  rawBody: string;
  clientCertificate: string;
}

export interface PspOAuth {
  /** `POST {tokenPath}`: a form of `grant_type=client_credentials` and `scope`. */
  issue(request: TokenRequest): PspAnswer;
  /**
   * Null when `authorization` carries a live token of this client certificate holding every
   * scope in `scopes`; otherwise the 401 (no, unknown, expired or another certificate's
   * token) or 403 (a scope missing, `AcessoNegado`) to answer.
   */
  refusal(
    authorization: string | undefined,
    clientCertificate: string,
    scopes: readonly string[],
  ): PspAnswer | null;
  tokenRequests(): number;
  /** Every access token issued so far, for tests that prove none leaked into a log or a row. */
  issuedTokens(): string[];
  /** Every token issued so far answers 401 from now on. */
  expireAccessTokens(): void;
}

export function createPspOAuth(options: {
  clientId: string;
  clientSecret: string;
  clock: Clock;
  clientAuthentication: ClientAuthentication;
}): PspOAuth {
  const tokens = createOAuthTokens({
    clock: options.clock,
    lifetimeSeconds: tokenLifetimeSeconds,
    encoding: "base64url",
  });
  let requests = 0;

  function credentials(request: TokenRequest, form: URLSearchParams) {
    const header = request.headers["authorization"];
    const basic = typeof header === "string" && /^basic /i.test(header) ? header.slice(6).trim() : null;
    const inBody = form.has("client_secret");
    if (basic !== null && inBody)
      return { refusal: oauthError(400, "invalid_request", "use one client authentication method", true) };
    if (basic !== null) {
      if (options.clientAuthentication === "body")
        return { refusal: oauthError(401, "invalid_client", "send the credentials in the body", true) };
      const decoded = Buffer.from(basic, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      // RFC 6749 §2.3.1: id and secret are form-urlencoded before the Basic encoding.
      const id = decodeURIComponent(decoded.slice(0, Math.max(colon, 0)).replace(/\+/g, " "));
      const secret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, " "));
      return { id, secret, basic: true };
    }
    if (inBody) {
      if (options.clientAuthentication === "basic")
        return { refusal: oauthError(401, "invalid_client", "send the credentials by HTTP Basic", true) };
      return { id: form.get("client_id") ?? "", secret: form.get("client_secret") ?? "", basic: false };
    }
    return { refusal: oauthError(401, "invalid_client", "client authentication is required", true) };
  }

  return {
    issue(request) {
      requests += 1;
      const contentType = String(request.headers["content-type"] ?? "");
      if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
        return oauthError(
          400,
          "invalid_request",
          "the token request is an application/x-www-form-urlencoded form",
        );
      }
      const form = new URLSearchParams(request.rawBody);
      const client = credentials(request, form);
      if ("refusal" in client) return client.refusal!;
      if (!sameSecret(client.id, options.clientId) || !sameSecret(client.secret, options.clientSecret)) {
        return oauthError(401, "invalid_client", "unknown client or wrong secret", client.basic);
      }
      if (form.get("grant_type") !== "client_credentials") {
        return oauthError(400, "unsupported_grant_type", "only client_credentials is offered");
      }
      const asked = form.get("scope");
      const scopes = asked === null ? knownScopes : asked.split(" ").filter((scope) => scope !== "");
      const unknown = scopes.find((scope) => !knownScopes.includes(scope));
      if (unknown !== undefined) return oauthError(400, "invalid_scope", `unknown scope ${unknown}`);
      return tokens.grant(scopes, request.clientCertificate);
    },

    refusal(authorization, clientCertificate, scopes) {
      const held = tokens.liveScopes(authorization, clientCertificate);
      if (held === null) {
        return { status: 401, headers: { "www-authenticate": 'Bearer error="invalid_token"' } };
      }
      const missing = scopes.filter((scope) => !held.has(scope));
      if (missing.length === 0) return null;
      return problemAnswer(
        problemOf("AcessoNegado", { detail: `O token de acesso não tem o escopo ${missing.join(", ")}.` }),
        { "www-authenticate": `Bearer error="insufficient_scope", scope="${scopes.join(" ")}"` },
      );
    },

    tokenRequests: () => requests,
    issuedTokens: () => tokens.issued(),
    expireAccessTokens: () => tokens.revokeAll(),
  };
}
