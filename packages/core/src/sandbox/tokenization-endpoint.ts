import { isTesseraError } from "../errors/tessera-error";
import type { CardTokenResult, RawCard } from "./card-tokenizer";
import type { AccessTokenVerdict } from "./tokenization-sessions";

/**
 * The sandbox's answer to a provider's browser tokenization API (Cielo's Silent Order Post,
 * `POST /1/card`): the checkout page posts the card here straight from the browser, so the
 * card never crosses the merchant's server. Web-standard `Request`/`Response`, so any
 * server can mount it and browser tests walk the production path.
 *
 * `POST` JSON `{ accessToken, number, holder, expMonth, expYear, cvc }` (the access token may
 * instead come as `authorization: Bearer …`) → `201 { token, brand, last4, expiresAt }`;
 * `401 { error }` without a live access token from `cardTokenizationSession` (codes
 * `access_token_missing`, `access_token_unknown`, `access_token_expired`), as Cielo's SOP
 * refuses a post without its per-checkout token; `400 { error: { code, message, issues } }`
 * for a bad card. `OPTIONS` answers the CORS preflight.
 */
export function createTokenizationEndpoint(options: {
  /** Validates the card (throwing `gateway_invalid_request` with field issues) and tokenizes it. */
  tokenize: (card: RawCard) => CardTokenResult;
  /** Whether the post's access token is live now. */
  checkAccessToken: (accessToken: string | null) => AccessTokenVerdict;
  /** Origins allowed to call from a browser; `"*"` for any (the default, as providers' public keys allow). */
  allowedOrigins: "*" | readonly string[];
}): (request: Request) => Promise<Response> {
  function corsHeaders(request: Request): Record<string, string> {
    const origin = request.headers.get("origin");
    const headers: Record<string, string> = {
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers": "content-type, authorization",
      "access-control-max-age": "600",
      vary: "origin",
    };
    if (options.allowedOrigins === "*") headers["access-control-allow-origin"] = "*";
    else if (origin !== null && options.allowedOrigins.includes(origin)) {
      headers["access-control-allow-origin"] = origin;
    }
    return headers;
  }

  function json(request: Request, status: number, body: unknown): Response {
    return new Response(JSON.stringify(body), {
      status,
      headers: {
        ...corsHeaders(request),
        "content-type": "application/json; charset=utf-8",
        // A token is single-use and short-lived: no cache may keep the answer.
        "cache-control": "no-store",
      },
    });
  }

  function failure(request: Request, status: number, code: string, message: string, issues: unknown[] = []) {
    return json(request, status, { error: { code, message, issues } });
  }

  return async (request) => {
    if (request.method === "OPTIONS")
      return new Response(null, { status: 204, headers: corsHeaders(request) });
    if (request.method !== "POST") {
      const response = failure(request, 405, "method_not_allowed", "Use POST.");
      response.headers.set("allow", "POST, OPTIONS");
      return response;
    }
    if (!(request.headers.get("content-type") ?? "").toLowerCase().includes("application/json")) {
      return failure(request, 415, "unsupported_media_type", "Send the card as application/json.");
    }
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return failure(request, 400, "invalid_json", "The body is not valid JSON.");
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return failure(request, 400, "invalid_request", "The body must be a JSON object.");
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
    const field = (body as { accessToken?: unknown }).accessToken;
    const verdict = options.checkAccessToken(bearer ?? (typeof field === "string" ? field : null));
    if (verdict !== "valid") {
      return failure(request, 401, `access_token_${verdict}`, accessTokenMessages[verdict]);
    }
    try {
      // `tokenize` checks every field with its zod schema, so an object of any shape is safe here.
      const result = options.tokenize(body as RawCard);
      return json(request, 201, result);
    } catch (error) {
      if (isTesseraError(error, "gateway_invalid_request")) {
        return failure(request, 400, "invalid_card", "The card data is invalid.", error.details.issues ?? []);
      }
      throw error;
    }
  };
}

const accessTokenMessages: Record<Exclude<AccessTokenVerdict, "valid">, string> = {
  missing: "Send the checkout's access token (cardTokenizationSession) with the card.",
  unknown: "The access token is not one this provider issued; open a new tokenization session.",
  expired: "The access token has expired; reload the checkout page for a new one.",
};
