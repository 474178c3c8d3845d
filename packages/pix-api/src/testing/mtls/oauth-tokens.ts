import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Clock } from "@tessera/core";
import type { MockAnswer } from "./mock-exchange";

/**
 * A mock's OAuth 2.0 client-credentials bookkeeping, the same at every mutual-TLS provider:
 * the access tokens it issued, each bound to the client certificate it was issued to
 * (RFC 8705 §3) and living `lifetimeSeconds` by the mock's clock, and the constant-time check
 * of the client's credentials. How credentials are sent, which scopes exist and how a refusal
 * is worded stay with each mock's token endpoint.
 */

export interface OAuthTokens {
  /**
   * A new access token holding `scopes`, bound to the certificate with this SHA-256
   * fingerprint, as the token endpoint's 200 (RFC 6749 §5.1: `access_token`, `token_type`,
   * `expires_in`, `scope`).
   */
  grant(scopes: readonly string[], certificate: string): MockAnswer;
  /**
   * The scopes of the token `authorization` (`Bearer …`) carries when it is one of ours,
   * not expired or revoked, and issued to this certificate; null otherwise (a 401).
   */
  liveScopes(authorization: string | undefined, certificate: string): ReadonlySet<string> | null;
  /** Every access token issued so far, for tests that prove none leaked into a log or a row. */
  issued(): string[];
  /** Every token issued so far is refused from now on. */
  revokeAll(): void;
}

interface IssuedToken {
  scopes: ReadonlySet<string>;
  expiresAtMillis: number;
  /** SHA-256 fingerprint of the client certificate it was issued to (RFC 8705 `x5t#S256`). */
  certificate: string;
  revoked: boolean;
}

export function createOAuthTokens(options: {
  clock: Clock;
  lifetimeSeconds: number;
  /** How the token's 24 random bytes are written (each provider's tokens look like its own). */
  encoding: "hex" | "base64url";
}): OAuthTokens {
  const tokens = new Map<string, IssuedToken>();
  const nowMillis = () => Date.parse(options.clock.now());

  return {
    grant(scopes, certificate) {
      const accessToken = randomBytes(24).toString(options.encoding);
      tokens.set(accessToken, {
        scopes: new Set(scopes),
        expiresAtMillis: nowMillis() + options.lifetimeSeconds * 1000,
        certificate,
        revoked: false,
      });
      return {
        status: 200,
        body: {
          access_token: accessToken,
          token_type: "Bearer",
          expires_in: options.lifetimeSeconds,
          scope: scopes.join(" "),
        },
      };
    },

    liveScopes(authorization, certificate) {
      const bearer =
        authorization !== undefined && /^bearer /i.test(authorization) ? authorization.slice(7).trim() : null;
      const token = bearer === null ? undefined : tokens.get(bearer);
      const live =
        token !== undefined &&
        !token.revoked &&
        nowMillis() < token.expiresAtMillis &&
        token.certificate === certificate;
      return live ? token.scopes : null;
    },

    issued: () => [...tokens.keys()],

    revokeAll() {
      for (const token of tokens.values()) token.revoked = true;
    },
  };
}

/** Whether a client's id or secret is the expected one, in constant time (no timing oracle). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A token endpoint's error (RFC 6749 §5.2): `{error, error_description}`. */
export function oauthErrorAnswer(
  status: number,
  error: string,
  description: string,
  headers?: Record<string, string>,
): MockAnswer {
  return {
    status,
    body: { error, error_description: description },
    ...(headers === undefined ? {} : { headers }),
  };
}
