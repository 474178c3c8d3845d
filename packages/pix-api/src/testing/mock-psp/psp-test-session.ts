import { type BearerSession, bearerSession } from "../mtls/bearer-session";
import { type MtlsAnswer, mtlsCall } from "../mtls/mtls-caller";
import type { PixPspMock } from "./pix-psp-mock";

/**
 * A caller of the mock as a receiver's system would be, built on plain `node:https` with the
 * mock's client certificate: a token, then API calls with it. The mock's tests use it instead
 * of the API Pix client (the client is what the mock tests, never what tests the mock).
 * `call(method, path)` goes to `{baseUrl}{path}`.
 */
export type PspTestSession = BearerSession;

/** Asks the mock's token endpoint for a token (HTTP Basic credentials, the form's `scope` when given). */
export async function requestToken(mock: PixPspMock, scope?: string): Promise<MtlsAnswer> {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    ...(scope === undefined ? {} : { scope }),
  });
  return mtlsCall({
    method: "POST",
    url: mock.tokenUrl,
    certificate: mock.clientCertificate,
    ca: mock.pki.caCertificate,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${mock.clientId}:${mock.clientSecret}`).toString("base64")}`,
    },
    body: form.toString(),
  });
}

export async function openPspSession(mock: PixPspMock, scope?: string): Promise<PspTestSession> {
  return bearerSession(await requestToken(mock, scope), {
    url: mock.baseUrl,
    certificate: mock.clientCertificate,
    ca: mock.pki.caCertificate,
  });
}

/** A txid of ours: 26–35 alphanumerics, fresh each call. */
export function freshTxid(): string {
  return `tessera${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`
    .replace(/[^a-z0-9]/gi, "")
    .padEnd(30, "0")
    .slice(0, 32);
}

/** A valid cob request body for the mock's key. */
export function cobBody(mock: PixPspMock, original = "37.00"): Record<string, unknown> {
  return {
    calendario: { expiracao: 3600 },
    devedor: { cpf: "12345678909", nome: "Francisco da Silva" },
    valor: { original },
    chave: mock.chave,
    solicitacaoPagador: "Mensalidade.",
  };
}
