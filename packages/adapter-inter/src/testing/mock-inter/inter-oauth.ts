import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Clock } from "@tessera/core";
import {
  forbiddenAnswer,
  type InterAnswer,
  jsonAnswer,
  tooManyRequestsAnswer,
  unauthorizedAnswer,
} from "./inter-answer";

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

interface IssuedToken {
  scopes: ReadonlySet<string>;
  expiresAtMillis: number;
  /** SHA-256 fingerprint of the client certificate it was issued to: a token is bound to it. */
  certificate: string;
  revoked: boolean;
}

function oauthError(status: number, error: string, description: string): InterAnswer {
  return { status, body: { error, error_description: description } };
}

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

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
  const tokens = new Map<string, IssuedToken>();
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
        return oauthError(
          400,
          "invalid_request",
          "the token request is an application/x-www-form-urlencoded form",
        );
      }
      const form = new URLSearchParams(request.rawBody);
      const id = form.get("client_id") ?? "";
      const secret = form.get("client_secret") ?? "";
      if (id === "" || secret === "" || !same(id, options.clientId) || !same(secret, options.clientSecret)) {
        return oauthError(
          401,
          "invalid_client",
          "client_id or client_secret is wrong or missing (send them in the form body)",
        );
      }
      if (form.get("grant_type") !== "client_credentials") {
        return oauthError(400, "unsupported_grant_type", "only client_credentials is offered");
      }
      const asked = form.get("scope");
      const scopes = asked === null ? [...interScopes] : asked.split(" ").filter((scope) => scope !== "");
      const unknown = scopes.find((scope) => !(interScopes as readonly string[]).includes(scope));
      if (unknown !== undefined || scopes.length === 0) {
        return oauthError(400, "invalid_scope", `unknown scope ${unknown ?? "(none)"}`);
      }
      const accessToken = randomBytes(24).toString("hex");
      tokens.set(accessToken, {
        scopes: new Set(scopes),
        expiresAtMillis: nowMillis() + tokenLifetimeSeconds * 1000,
        certificate: request.certificate,
        revoked: false,
      });
      granted += 1;
      return jsonAnswer(200, {
        access_token: accessToken,
        token_type: "Bearer",
        expires_in: tokenLifetimeSeconds,
        scope: scopes.join(" "),
      });
    },

    refusal(authorization, certificate, scope) {
      const bearer =
        authorization !== undefined && /^bearer /i.test(authorization) ? authorization.slice(7).trim() : null;
      const token = bearer === null ? undefined : tokens.get(bearer);
      const live =
        token !== undefined &&
        !token.revoked &&
        nowMillis() < token.expiresAtMillis &&
        token.certificate === certificate;
      if (!live) return unauthorizedAnswer();
      if (token.scopes.has(scope)) return null;
      return forbiddenAnswer(`O token de acesso não tem o escopo ${scope}.`);
    },

    tokenRequests: () => granted,
    issuedTokens: () => [...tokens.keys()],

    expireAccessTokens() {
      for (const token of tokens.values()) token.revoked = true;
    },
  };
}
