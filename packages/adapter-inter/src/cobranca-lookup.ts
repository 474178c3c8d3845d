import { addDays, calendarDateInZone, type PaymentReference } from "@tessera/core";
import { type PixHttpResponse, PixTransportError } from "@tessera/pix-api";
import { type InterClient, interAnswerError } from "./client";
import { interTimeZone } from "./emit-request";
import {
  type InterRecuperarResponse,
  interListarResponseSchema,
  interRecuperarResponseSchema,
} from "./schemas";

/** A cobrança as Inter answers it, or null when Inter provably has none. */
export interface CobrancaLookup {
  /** `GET /cobranca/v3/cobrancas/{codigoSolicitacao}`. */
  byId(codigoSolicitacao: string): Promise<InterRecuperarResponse | null>;
  /** By what core knows: the provider's id once known, else our `seuNumero` around its issue date. */
  of(reference: PaymentReference): Promise<InterRecuperarResponse | null>;
}

/**
 * An answer Inter gave: the body when it is a success, null for 404, a `GatewayError` for
 * another 4xx; a 5xx or a body that does not parse may mean the operation happened, so it is
 * a `PixTransportError` of kind `unknown` for the gateway to report as such.
 */
export function interBody(origin: string, answer: PixHttpResponse): unknown | null {
  if (answer.status === 404) return null;
  if (answer.status >= 500) throw new PixTransportError("unknown", `Banco Inter answered ${answer.status}.`);
  if (answer.status >= 400) throw interAnswerError(origin, answer);
  if (answer.body.trim() === "") return {};
  try {
    return JSON.parse(answer.body);
  } catch (cause) {
    throw new PixTransportError(
      "unknown",
      `Banco Inter answered ${answer.status} with a body that is not JSON.`,
      {
        cause,
      },
    );
  }
}

function parsed<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  value: unknown,
  what: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new PixTransportError(
      "unknown",
      `Banco Inter answered ${what} in a shape this adapter does not read.`,
    );
  return result.data;
}

/**
 * Lookups of cobranças. By `seuNumero`, Inter lists only inside a date window it requires
 * (`dataInicial`, `dataFinal`), so the window is the payment's creation day in Brasília, a day
 * either side; several cobranças under one `seuNumero` (Inter makes a second after 30 minutes)
 * answer the one made first, the one core sent.
 */
export function createCobrancaLookup(client: InterClient, origin: string): CobrancaLookup {
  const byId = async (codigoSolicitacao: string) => {
    const answer = await client.send({
      method: "GET",
      path: `/cobranca/v3/cobrancas/${encodeURIComponent(codigoSolicitacao)}`,
      access: "read",
    });
    const body = interBody(origin, answer);
    return body === null ? null : parsed(interRecuperarResponseSchema, body, "a cobrança");
  };
  return {
    byId,
    async of(reference) {
      if (reference.providerReference !== null) return byId(reference.providerReference);
      const day = calendarDateInZone(reference.createdAt, interTimeZone);
      const query = new URLSearchParams({
        dataInicial: addDays(day, -1),
        dataFinal: addDays(day, 1),
        filtrarDataPor: "EMISSAO",
        seuNumero: reference.idempotencyKey,
        "paginacao.itensPorPagina": "10",
      });
      const answer = await client.send({
        method: "GET",
        path: `/cobranca/v3/cobrancas?${query}`,
        access: "read",
      });
      const body = interBody(origin, answer);
      if (body === null) return null;
      const page = parsed(interListarResponseSchema, body, "a list of cobranças");
      const mine = page.cobrancas.filter((item) => item.cobranca.seuNumero === reference.idempotencyKey);
      mine.sort((a, b) => (a.cobranca.dataEmissao ?? "").localeCompare(b.cobranca.dataEmissao ?? ""));
      return mine[0] ?? null;
    },
  };
}
