import { gatewayError, transportFailureOf } from "@tessera/core";
import type { CieloAddresses } from "./options";
import { cieloErrorsSchema } from "./schemas";

/** Why a request got no answer (core's `GatewayTransportFailure`, kept under the adapter's name). */
export { GatewayTransportFailure as CieloTransportError } from "@tessera/core";

export interface CieloAnswer {
  status: number;
  body: string;
  /** The body parsed once, or undefined when it is empty or not JSON. */
  json: unknown;
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
        throw transportFailureOf(error, "Cielo");
      }
      let body: string;
      try {
        body = await answer.text();
      } catch (error) {
        throw transportFailureOf(error, "Cielo");
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
      return { status: answer.status, body, json: parsedJson(body) };
    },
  };
}

function parsedJson(body: string): unknown {
  if (body === "") return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Cielo's `[{Code, Message}]` as text, for an error message; empty when the answer is not that. */
export function cieloErrorText(answer: CieloAnswer): string {
  const parsed = cieloErrorsSchema.safeParse(answer.json);
  return parsed.success ? parsed.data.map((entry) => `${entry.Code} ${entry.Message}`).join("; ") : "";
}

/** Cielo's error codes in a 400 answer. */
export function cieloErrorCodes(answer: CieloAnswer): string[] {
  const parsed = cieloErrorsSchema.safeParse(answer.json);
  return parsed.success ? parsed.data.map((entry) => String(entry.Code)) : [];
}
