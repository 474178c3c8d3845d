import type { Clock } from "@tessera/core";
import { createOAuthTokens, oauthErrorAnswer, sameSecret } from "@tessera/pix-api/testing";
import { forbiddenAnswer, type InterAnswer, tooManyRequestsAnswer, unauthorizedAnswer } from "./inter-answer";

/**
 * Inter's `POST /oauth/v2/token` (OpenAPI "Token"): client credentials over mutual TLS, the
 * credentials in the FORM BODY (`client_id`, `client_secret`, `grant_type`, `scope`
 * space-separated), a token of 60 minutes; and the check of each API call's bearer token and
 * scope (`boleto-cobranca.read` / `.write`).
 */

export const interScopes = ["boleto-cobranca.read", "boleto-cobranca.write"] as const;
export type InterScope = (typeof interScopes)[number];

/** Seconds a token lives (`expires_in`: one hour), by the mock's clock. */
export const tokenLifetimeSeconds = 3600;

export interface InterOAuth {
  issue(request: { contentType: string; rawBody: string; certificate: string }): InterAnswer;
  /** Null when `authorization` is a live token of this certificate holding `scope`; else the 401 or 403. */
  refusal(authorization: string | undefined, certificate: string, scope: InterScope): InterAnswer | null;
  /** Successful grants so far. */
  tokenRequests(): number;
  /** Every access token issued so far, for tests that prove none leaked into a log or a row. */
  issuedTokens(): string[];
  expireAccessTokens(): void;
}

export function createInterOAuth(options: {
  clientId: string;
  clientSecret: string;
  clock: Clock;
  /** Inter allows 5 token calls a minute; null (the mock's default) allows any number. */
  tokenLimitPerMinute: number | null;
}): InterOAuth {
  const tokens = createOAuthTokens({
    clock: options.clock,
    lifetimeSeconds: tokenLifetimeSeconds,
    encoding: "hex",
  });
  let granted = 0;
  /** When each recent token call came (ms, by the clock), for the per-minute limit. */
  let recentCalls: number[] = [];
  const nowMillis = () => Date.parse(options.clock.now());

  return {
    issue(request) {
      if (options.tokenLimitPerMinute !== null) {
        const now = nowMillis();
        recentCalls = recentCalls.filter((at) => now - at < 60_000);
        if (recentCalls.length >= options.tokenLimitPerMinute) return tooManyRequestsAnswer();
        recentCalls.push(now);
      }
      if (!request.contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
        return oauthErrorAnswer(
          400,
          "invalid_request",
          "the token request is an application/x-www-form-urlencoded form",
        );
      }
      const form = new URLSearchParams(request.rawBody);
      const id = form.get("client_id") ?? "";
      const secret = form.get("client_secret") ?? "";
      if (
        id === "" ||
        secret === "" ||
        !sameSecret(id, options.clientId) ||
        !sameSecret(secret, options.clientSecret)
      ) {
        return oauthErrorAnswer(
          401,
          "invalid_client",
          "client_id or client_secret is wrong or missing (send them in the form body)",
        );
      }
      if (form.get("grant_type") !== "client_credentials") {
        return oauthErrorAnswer(400, "unsupported_grant_type", "only client_credentials is offered");
      }
      const asked = form.get("scope");
      const scopes = asked === null ? [...interScopes] : asked.split(" ").filter((scope) => scope !== "");
      const unknown = scopes.find((scope) => !(interScopes as readonly string[]).includes(scope));
      if (unknown !== undefined || scopes.length === 0) {
        return oauthErrorAnswer(400, "invalid_scope", `unknown scope ${unknown ?? "(none)"}`);
      }
      granted += 1;
      return tokens.grant(scopes, request.certificate);
    },

    refusal(authorization, certificate, scope) {
      const held = tokens.liveScopes(authorization, certificate);
      if (held === null) return unauthorizedAnswer();
      if (held.has(scope)) return null;
      return forbiddenAnswer(`O token de acesso não tem o escopo ${scope}.`);
    },

    tokenRequests: () => granted,
    issuedTokens: () => tokens.issued(),
    expireAccessTokens: () => tokens.revokeAll(),
  };
}
