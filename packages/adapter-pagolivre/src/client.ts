import { type Clock, gatewayError } from "@tessera/core";
import { messageErrorSchema, pagolivreProtocol, validationErrorSchema } from "./pagolivre-protocol";

/** No answer came: it provably never left (`not_sent`), or it may have arrived (`unknown`). */
export class PagoLivreTransportError extends Error {
  constructor(
    readonly kind: "not_sent" | "unknown",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "PagoLivreTransportError";
  }
}

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

const notSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

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
        const code = (error as { cause?: { code?: unknown } }).cause?.code;
        if (typeof code === "string" && notSentCodes.has(code))
          throw new PagoLivreTransportError("not_sent", `PagoLivre could not be reached (${code})`, {
            cause: error,
          });
        throw new PagoLivreTransportError(
          "unknown",
          `PagoLivre's answer was lost: ${(error as Error).name}`,
          {
            cause: error,
          },
        );
      }
      let text: string;
      try {
        text = await answer.text();
      } catch (error) {
        throw new PagoLivreTransportError("unknown", "PagoLivre's answer broke off", { cause: error });
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
