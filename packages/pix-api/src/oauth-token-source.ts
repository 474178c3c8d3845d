import type { Clock } from "@tessera/core";
import { gatewayError } from "@tessera/core";
import { z } from "zod";
import { type PixTransport, PixTransportError } from "./mtls-transport";

/** How the client proves itself at the token endpoint (RFC 6749 §2.3.1): most PSPs want Basic, Inter the form body. */
export type ClientAuthentication = "basic" | "body";

export interface OAuthTokenSourceOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  clientAuthentication: ClientAuthentication;
  /** The mutual-TLS transport: the token is asked for with the same identity as the API. */
  transport: PixTransport;
  clock: Clock;
  /** Renew this long before `expires_in` runs out (default 60 s: Inter's advice). */
  refreshMarginMs?: number;
  /** Errors name it (the gateway id). */
  origin: string;
}

/** Access tokens per scope set, asked for once and kept until just before they expire. */
export interface OAuthTokenSource {
  /** A token for these scopes: the cached one, or a new one — one request at a time per scope set. */
  accessToken(scopes: readonly string[]): Promise<string>;
  /** Forgets the token for these scopes (the API answered 401 to it): the next call asks for a new one. */
  invalidate(scopes: readonly string[]): void;
}

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
});

const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/** A token whose answer gives no lifetime is kept this long (RFC 6749 leaves `expires_in` optional). */
const defaultLifetimeSeconds = 300;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) over mutual TLS, as API Pix PSPs and Banco
 * Inter run them: a token per scope set, cached by the injected clock and renewed
 * `refreshMarginMs` early, never two requests at once for one scope set (Inter allows five
 * token calls a minute). Credentials go in a Basic header or the form body, never in a log.
 *
 * @example
 * ```ts
 * const tokens = createOAuthTokenSource({ tokenUrl, clientId, clientSecret, clientAuthentication: "basic", transport, clock, origin: "pix" });
 * const token = await tokens.accessToken(["cob.write", "cob.read"]);
 * ```
 */
export function createOAuthTokenSource(options: OAuthTokenSourceOptions): OAuthTokenSource {
  const marginMs = options.refreshMarginMs ?? 60_000;
  const cached = new Map<string, { token: string; renewAtMillis: number }>();
  const inFlight = new Map<string, Promise<string>>();
  const keyOf = (scopes: readonly string[]) => [...new Set(scopes)].sort().join(" ");

  async function requestToken(scope: string): Promise<string> {
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (scope !== "") form.set("scope", scope);
    const headers: Record<string, string> = {
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
    };
    if (options.clientAuthentication === "basic") {
      const pair = `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`;
      headers["authorization"] = `Basic ${Buffer.from(pair).toString("base64")}`;
    } else {
      form.set("client_id", options.clientId);
      form.set("client_secret", options.clientSecret);
    }
    let answer: Awaited<ReturnType<PixTransport>>;
    try {
      answer = await options.transport({
        method: "POST",
        url: options.tokenUrl,
        headers,
        body: form.toString(),
      });
    } catch (cause) {
      // Asking for a token moves no money: whatever happened to it, nothing was charged.
      const message = cause instanceof PixTransportError ? cause.message : "The token request failed.";
      throw gatewayError(options.origin, "gateway_unavailable", `The PSP's token endpoint: ${message}`, {
        cause,
      });
    }
    if (answer.status === 200 || answer.status === 201) {
      const parsed = tokenAnswerSchema.safeParse(safeJson(answer.body));
      if (!parsed.success) {
        throw gatewayError(
          options.origin,
          "gateway_unavailable",
          "The PSP's token endpoint answered without an access token.",
        );
      }
      const lifetimeMs = (parsed.data.expires_in ?? defaultLifetimeSeconds) * 1000;
      const now = Date.parse(options.clock.now());
      cached.set(scope, {
        token: parsed.data.access_token,
        renewAtMillis: now + Math.max(lifetimeMs - marginMs, lifetimeMs / 2),
      });
      return parsed.data.access_token;
    }
    const problem = oauthErrorSchema.safeParse(safeJson(answer.body));
    const code = problem.success ? problem.data.error : null;
    if (answer.status === 429 || answer.status >= 500) {
      throw gatewayError(
        options.origin,
        "gateway_unavailable",
        `The PSP's token endpoint answered ${answer.status}.`,
        {
          details: {
            status: answer.status,
            ...(answer.status === 429
              ? { retryAfterSeconds: retryAfterSeconds(answer.headers["retry-after"], options.clock) }
              : {}),
          },
        },
      );
    }
    if (code === "invalid_scope") {
      throw gatewayError(
        options.origin,
        "gateway_configuration",
        `The PSP refused the scopes "${scope}" for this client.`,
        {
          details: { status: answer.status, oauthError: code },
        },
      );
    }
    throw gatewayError(
      options.origin,
      "gateway_authentication",
      `The PSP refused the client ID and secret (${answer.status}${code ? ` ${code}` : ""}): check them and the certificate in the account's settings.`,
      { details: { status: answer.status, ...(code ? { oauthError: code } : {}) } },
    );
  }

  return {
    accessToken(scopes) {
      const key = keyOf(scopes);
      const hit = cached.get(key);
      if (hit && Date.parse(options.clock.now()) < hit.renewAtMillis) return Promise.resolve(hit.token);
      const pending = inFlight.get(key);
      if (pending) return pending;
      const started = requestToken(key).finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
    invalidate(scopes) {
      cached.delete(keyOf(scopes));
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** `Retry-After` in seconds: delta-seconds, or an HTTP date (RFC 9110 §10.2.3); 1 when absent or unreadable. */
export function retryAfterSeconds(header: string | undefined, clock: Clock): number {
  if (header === undefined) return 1;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return 1;
  return Math.max(0, Math.ceil((at - Date.parse(clock.now())) / 1000));
}
