import { type Clock, gatewayError, transportFailureOf } from "@tessera/core";
import { messageErrorSchema, pagolivreProtocol, validationErrorSchema } from "./pagolivre-protocol";

/** No answer came (core's `GatewayTransportFailure`, kept under the adapter's name). */
export { GatewayTransportFailure as PagoLivreTransportError } from "@tessera/core";

export interface PagoLivreAnswer {
  status: number;
  json: unknown;
}

export interface PagoLivreClient {
  /**
   * One request with `Authorization: Basic <token>`, a `User-Agent` and JSON. A 401 or 403
   * is `gateway_authentication`, a 429 `gateway_unavailable` with the wait asked for (the
   * provider did nothing). No answer throws `PagoLivreTransportError`; other answers return.
   */
  send(method: "GET" | "POST", path: string, body?: unknown): Promise<PagoLivreAnswer>;
}

export function createPagoLivreClient(options: {
  baseUrl: string;
  token: string;
  userAgent: string;
  timeoutMs: number;
  clock: Clock;
  origin: string;
  fetch?: typeof fetch;
}): PagoLivreClient {
  const send = options.fetch ?? fetch;
  return {
    async send(method, path, body) {
      let answer: Response;
      try {
        answer = await send(`${options.baseUrl}${path}`, {
          method,
          headers: {
            authorization: `${pagolivreProtocol.headers.authorizationScheme} ${options.token}`,
            "user-agent": options.userAgent,
            accept: "application/json",
            ...(body !== undefined ? { "content-type": "application/json" } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        throw transportFailureOf(error, "PagoLivre");
      }
      let text: string;
      try {
        text = await answer.text();
      } catch (error) {
        throw transportFailureOf(error, "PagoLivre");
      }
      if (answer.status === 401 || answer.status === 403)
        throw gatewayError(options.origin, "gateway_authentication", "PagoLivre refused the API token.", {
          details: { status: answer.status },
        });
      if (answer.status === 429) {
        const seconds = Number(answer.headers.get(pagolivreProtocol.headers.retryAfter) ?? "1");
        throw gatewayError(
          options.origin,
          "gateway_unavailable",
          "PagoLivre's rate limit refused the request.",
          {
            details: { retryAfterSeconds: Number.isFinite(seconds) ? seconds : 1 },
          },
        );
      }
      let json: unknown = null;
      if (text !== "") {
        try {
          json = JSON.parse(text);
        } catch {
          json = null;
        }
      }
      return { status: answer.status, json };
    },
  };
}

/** A 4xx answer's body as field issues (`orderGuests.0.mobileNumber`) or one message. */
export function pagolivreRefusal(origin: string, answer: PagoLivreAnswer, what: string) {
  const fields = validationErrorSchema.safeParse(answer.json);
  const message = messageErrorSchema.safeParse(answer.json);
  const text = fields.success
    ? fields.data.errors.map((entry) => `${entry.field}: ${entry.message}`).join("; ")
    : message.success
      ? message.data.message
      : `HTTP ${answer.status}`;
  return gatewayError(origin, "gateway_invalid_request", `PagoLivre refused ${what}: ${text}`, {
    details: {
      status: answer.status,
      issues: fields.success
        ? fields.data.errors.map((entry) => ({
            path: entry.field.split("."),
            code: "refused_by_pagolivre",
            message: entry.message,
          }))
        : [],
    },
  });
}
