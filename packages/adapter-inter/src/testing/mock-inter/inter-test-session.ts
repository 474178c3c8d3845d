import type { CalendarDate } from "@tessera/core";
import type { InterMock } from "./inter-mock";
import { type MtlsAnswer, mtlsCall } from "./mtls-caller";

/**
 * A caller of the mock as the integration would be, on plain `node:https` with the
 * integração's certificate: a token (credentials in the form body, as Inter takes them),
 * then API calls under `/cobranca/v3` with it.
 */
export interface InterTestSession {
  token: string;
  /** `method {baseUrl}/cobranca/v3{path}` with the session's bearer token. */
  call(method: string, path: string, body?: unknown): Promise<MtlsAnswer>;
}

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
  const answer = await requestToken(mock, scope === undefined ? {} : { scope });
  const token = (answer.json as { access_token?: string } | undefined)?.access_token;
  if (answer.status !== 200 || token === undefined)
    throw new Error(`token refused: ${answer.status} ${answer.text}`);
  return {
    token,
    call: (method, path, body) =>
      mtlsCall({
        method,
        url: `${mock.baseUrl}/cobranca/v3${path}`,
        certificate: mock.clientCertificate,
        ca: mock.pki.caCertificate,
        headers: { authorization: `Bearer ${token}` },
        body,
      }),
  };
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
