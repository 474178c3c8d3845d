import {
  addMilliseconds,
  type CardTokenizationSession,
  type Clock,
  gatewayError,
  instantToMillis,
} from "@tessera/core";
import { cieloInstant } from "./mapping";
import type { CieloAddresses } from "./options";
import { sopAccessTokenAnswerSchema, sopOAuthAnswerSchema } from "./schemas";

/**
 * Silent Order Post's first two steps (docs.cielo.com.br "Integrando com o Silent Order
 * Post"): an OAuth2 token from Braspag's auth host (Basic ClientId:ClientSecret, kept until a
 * minute before it lapses), traded per checkout page for a SOP `AccessToken` that lets the
 * browser save one card within 20 minutes. Steps 3 and 4 are the page's script and the sale.
 */
export interface SopSessionOptions {
  addresses: CieloAddresses;
  merchantId: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
  timeoutMs: number;
  clock: Clock;
  origin: string;
}

/** The `bp-sop-*` classes the script reads (the docs' "Mapeamento de classes"). */
export const sopFields = {
  accessToken: null,
  holder: "bp-sop-cardholdername",
  number: "bp-sop-cardnumber",
  expiry: { field: "bp-sop-cardexpirationdate", format: "MM/YYYY" },
  cvc: "bp-sop-cardcvvc",
  // The script's BIN query (`enableBinQuery`) answers the brand: the buyer picks none.
  brand: null,
} as const;

export function createSopSessions(options: SopSessionOptions) {
  const send = options.fetch ?? fetch;
  let cached: { token: string; renewAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  async function post(
    url: string,
    init: RequestInit,
    step: string,
  ): Promise<{ status: number; json: unknown }> {
    let answer: Response;
    try {
      answer = await send(url, { ...init, method: "POST", signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      throw gatewayError(
        options.origin,
        "gateway_unavailable",
        `Cielo's Silent Order Post (${step}) could not be reached.`,
        {
          cause: error,
        },
      );
    }
    const text = await answer.text();
    if (answer.status === 401 || answer.status === 403)
      throw gatewayError(
        options.origin,
        "gateway_authentication",
        `Cielo refused the Silent Order Post credentials (${step}).`,
        {
          details: { status: answer.status },
        },
      );
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (answer.status >= 500)
      throw gatewayError(
        options.origin,
        "gateway_unavailable",
        `Cielo's Silent Order Post (${step}) answered ${answer.status}.`,
      );
    return { status: answer.status, json };
  }

  async function oauthToken(): Promise<string> {
    const now = instantToMillis(options.clock.now());
    if (cached !== null && now < cached.renewAt) return cached.token;
    inFlight ??= (async () => {
      const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64");
      const { json } = await post(
        `${options.addresses.sopAuth}/oauth2/token`,
        {
          headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
          body: "grant_type=client_credentials",
        },
        "OAuth",
      );
      const parsed = sopOAuthAnswerSchema.safeParse(json);
      if (!parsed.success)
        throw gatewayError(
          options.origin,
          "gateway_configuration",
          "Cielo's OAuth answer had no access_token.",
        );
      cached = {
        token: parsed.data.access_token,
        renewAt: instantToMillis(options.clock.now()) + Math.max(0, parsed.data.expires_in - 60) * 1000,
      };
      return parsed.data.access_token;
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    async open(): Promise<CardTokenizationSession> {
      const bearer = await oauthToken();
      const { json } = await post(
        `${options.addresses.sop}/post/api/public/v2/accesstoken`,
        {
          headers: {
            authorization: `Bearer ${bearer}`,
            merchantid: options.merchantId,
            "content-type": "application/json",
          },
        },
        "access token",
      );
      const parsed = sopAccessTokenAnswerSchema.safeParse(json);
      if (!parsed.success)
        throw gatewayError(options.origin, "gateway_configuration", "Cielo's SOP answer had no AccessToken.");
      const expiresAt =
        cieloInstant(parsed.data.ExpiresIn) ?? addMilliseconds(options.clock.now(), 20 * 60_000);
      return {
        environment: options.addresses.environment,
        scriptUrl: options.addresses.sopScript,
        postUrl: `${options.addresses.sop}/post/api/public/v2/card`,
        postEncoding: "form",
        accessToken: parsed.data.AccessToken,
        expiresAt,
        fieldsBy: "class",
        fields: sopFields,
        tokenField: "paymentToken",
        brandField: "cardBrand",
      };
    },
  };
}
