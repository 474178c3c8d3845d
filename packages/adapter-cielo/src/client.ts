import { gatewayError } from "@tessera/core";
import type { CieloAddresses } from "./options";
import { cieloErrorsSchema } from "./schemas";

/** Why a request got no answer: it provably never left (`not_sent`), or it may have arrived (`unknown`). */
export class CieloTransportError extends Error {
  constructor(
    readonly kind: "not_sent" | "unknown",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "CieloTransportError";
  }
}

export interface CieloAnswer {
  status: number;
  body: string;
}

export interface CieloRequest {
  /** `api` for POST/PUT (transaction host), `query` for GET (the separate query host). */
  host: "api" | "query";
  method: "GET" | "POST" | "PUT";
  /** Path and query (`/1/sales/{id}/void?amount=500`). */
  path: string;
  /** Sent as JSON; `undefined` sends no body (a `PUT …/Deactivate`). */
  body?: unknown;
}

export interface CieloClientOptions {
  addresses: CieloAddresses;
  merchantId: string;
  merchantKey: string;
  fetch?: typeof fetch;
  timeoutMs: number;
  origin: string;
}

export interface CieloClient {
  /**
   * Sends one request with `MerchantId`, `MerchantKey` and `Content-Type: application/json`
   * (Cielo refuses a PUT without it, a bodiless one included). A 401 is
   * `gateway_authentication`. No answer throws `CieloTransportError`; every answer is returned.
   */
  send(request: CieloRequest): Promise<CieloAnswer>;
}

/** Connection errors that mean the request never reached Cielo. */
const notSentCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ERR_INVALID_URL",
]);

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

export function createCieloClient(options: CieloClientOptions): CieloClient {
  const send = options.fetch ?? fetch;
  return {
    async send(request) {
      const base = request.host === "api" ? options.addresses.api : options.addresses.query;
      let answer: Response;
      try {
        answer = await send(`${base}${request.path}`, {
          method: request.method,
          headers: {
            merchantid: options.merchantId,
            merchantkey: options.merchantKey,
            "content-type": "application/json",
            accept: "application/json",
          },
          ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        const code = causeCode(error);
        if (code !== undefined && notSentCodes.has(code))
          throw new CieloTransportError("not_sent", `Cielo could not be reached (${code})`, { cause: error });
        throw new CieloTransportError("unknown", `Cielo's answer was lost: ${(error as Error).name}`, {
          cause: error,
        });
      }
      let body: string;
      try {
        body = await answer.text();
      } catch (error) {
        throw new CieloTransportError("unknown", "Cielo's answer broke off", { cause: error });
      }
      if (answer.status === 401)
        throw gatewayError(
          options.origin,
          "gateway_authentication",
          "Cielo refused the MerchantId and MerchantKey.",
          {
            details: { status: 401 },
          },
        );
      return { status: answer.status, body };
    },
  };
}

/** Cielo's `[{Code, Message}]` as text, for an error message; empty when the body is not that. */
export function cieloErrorText(body: string): string {
  try {
    const parsed = cieloErrorsSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data.map((entry) => `${entry.Code} ${entry.Message}`).join("; ") : "";
  } catch {
    return "";
  }
}

/** Cielo's error codes in a 400 body. */
export function cieloErrorCodes(body: string): string[] {
  try {
    const parsed = cieloErrorsSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data.map((entry) => String(entry.Code)) : [];
  } catch {
    return [];
  }
}
