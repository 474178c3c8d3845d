import type { CalendarDate } from "@tessera/core";
import { type BearerSession, bearerSession, type MtlsAnswer, mtlsCall } from "@tessera/pix-api/testing";
import type { InterMock } from "./inter-mock";
import { apiBasePath } from "./inter-request-handler";

/**
 * A caller of the mock as the integration would be, on plain `node:https` with the
 * integração's certificate: a token (credentials in the form body, as Inter takes them),
 * then API calls under `/cobranca/v3` with it: `call(method, path)` goes to
 * `{baseUrl}/cobranca/v3{path}`.
 */
export type InterTestSession = BearerSession;

export function requestToken(
  mock: InterMock,
  fields: { scope?: string; clientSecret?: string } = {},
): Promise<MtlsAnswer> {
  const form = new URLSearchParams({
    client_id: mock.clientId,
    client_secret: fields.clientSecret ?? mock.clientSecret,
    grant_type: "client_credentials",
    scope: fields.scope ?? "boleto-cobranca.read boleto-cobranca.write",
  });
  return mtlsCall({
    method: "POST",
    url: mock.tokenUrl,
    certificate: mock.clientCertificate,
    ca: mock.pki.caCertificate,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
}

export async function openInterSession(mock: InterMock, scope?: string): Promise<InterTestSession> {
  return bearerSession(await requestToken(mock, scope === undefined ? {} : { scope }), {
    url: `${mock.baseUrl}${apiBasePath}`,
    certificate: mock.clientCertificate,
    ca: mock.pki.caCertificate,
  });
}

/** A valid emit body (`EmitirCobrancaRequestBody`), due on `dataVencimento`. */
export function emitBody(
  dataVencimento: CalendarDate,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    seuNumero: "TSR-0001",
    valorNominal: 150.5,
    dataVencimento,
    numDiasAgenda: 30,
    pagador: {
      cpfCnpj: "12345678909",
      tipoPessoa: "FISICA",
      nome: "Fulano de Tal",
      endereco: "Rua da Bahia, 1000",
      cidade: "Belo Horizonte",
      uf: "MG",
      cep: "30160011",
    },
    multa: { codigo: "PERCENTUAL", taxa: 2 },
    mora: { codigo: "TAXAMENSAL", taxa: 1 },
    ...overrides,
  };
}

/** Emits and returns the codigoSolicitacao, failing loudly on anything but 200. */
export async function emit(session: InterTestSession, body: Record<string, unknown>): Promise<string> {
  const answer = await session.call("POST", "/cobrancas", body);
  const id = (answer.json as { codigoSolicitacao?: string } | undefined)?.codigoSolicitacao;
  if (answer.status !== 200 || id === undefined)
    throw new Error(`emit refused: ${answer.status} ${answer.text}`);
  return id;
}
