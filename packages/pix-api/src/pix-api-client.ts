import { gatewayError, type ProviderLog } from "@tessera/core";
import type { z } from "zod";
import { createMtlsOAuthSession, type MtlsOAuthSessionOptions } from "./mtls-oauth-session";
import { type PixHttpRequest, PixTransportError } from "./mtls-transport";
import type { ClientAuthentication } from "./oauth-token-source";
import { pixAnswerError } from "./pix-problem";
import {
  type Cob,
  type Cobv,
  cobSchema,
  cobvSchema,
  type Devolucao,
  devolucaoSchema,
  type Pix,
  type PixList,
  type PixWebhook,
  pixListSchema,
  pixSchema,
  webhookSchema,
} from "./schemas";
import { devolucaoIdPattern, txidPattern } from "./txid";

/** The payer of a charge: a CPF or a CNPJ, digits only, and a name. */
export type PixDevedor = { cpf: string; nome: string } | { cnpj: string; nome: string };

/** `CobPayload` of `PUT /cob/{txid}`. */
export interface CobRequest {
  calendario: { expiracao?: number };
  devedor?: PixDevedor;
  valor: { original: string; modalidadeAlteracao?: 0 | 1 };
  chave: string;
  solicitacaoPagador?: string;
  infoAdicionais?: { nome: string; valor: string }[];
}

/** `CobVPayload` of `PUT /cobv/{txid}`: the payer is required. */
export interface CobvRequest {
  calendario: { dataDeVencimento: string; validadeAposVencimento?: number };
  devedor: PixDevedor;
  valor: { original: string };
  chave: string;
  solicitacaoPagador?: string;
  infoAdicionais?: { nome: string; valor: string }[];
}

/** `PATCH`: a revision of a charge still `ATIVA`, or its removal. */
export type ChargeRevision =
  | { status: "REMOVIDA_PELO_USUARIO_RECEBEDOR" }
  | Partial<Omit<CobRequest, "chave">>;

/** `DevolucaoSolicitada` of `PUT /pix/{e2eid}/devolucao/{id}`. */
export interface DevolucaoRequest {
  valor: string;
  natureza?: "ORIGINAL" | "RETIRADA";
  descricao?: string;
}

export interface PixApiClientOptions extends Omit<MtlsOAuthSessionOptions, "clientAuthentication"> {
  /** The PSP's API Pix address, up to its version (`https://pix.psp.example/api/v2`). */
  baseUrl: string;
  /** Default `basic`. */
  clientAuthentication?: ClientAuthentication;
  /**
   * One scope set for every call (what the PSP enabled for the client); by default each call
   * asks for its own resource's pair (`cob.write cob.read`, …).
   */
  scopes?: readonly string[];
  /** Gets ids, paths and statuses — never a credential, a token or a key. */
  log?: ProviderLog;
}

/**
 * BACEN's API Pix (2.9.0) as calls: each parses the PSP's answer, and each failure is said
 * the way the gateway port needs — a `GatewayError` for what the PSP refused (credentials
 * and scopes, a request it will never take, a rate limit) and a `PixTransportError` of kind
 * `unknown` for what may have happened (a timeout after sending, a reset, a 5xx). A lookup
 * answers null for a 404.
 */
export interface PixApiClient {
  /** Idempotent: the same txid and body are the same charge; another body revises one still `ATIVA`. */
  putCob(txid: string, body: CobRequest): Promise<Cob>;
  getCob(txid: string): Promise<Cob | null>;
  patchCob(txid: string, revision: ChargeRevision): Promise<Cob>;
  putCobv(txid: string, body: CobvRequest): Promise<Cobv>;
  getCobv(txid: string): Promise<Cobv | null>;
  patchCobv(txid: string, revision: ChargeRevision): Promise<Cobv>;
  getPix(endToEndId: string): Promise<Pix | null>;
  /** Pix received between `inicio` and `fim` (RFC 3339), optionally of one txid: how a static code's payments are seen. */
  listPix(query: { inicio: string; fim: string; txid?: string; paginaAtual?: number }): Promise<PixList>;
  /** A refund under our `id`; a reused id is refused even with the same body, so look it up first. */
  putDevolucao(endToEndId: string, id: string, body: DevolucaoRequest): Promise<Devolucao>;
  getDevolucao(endToEndId: string, id: string): Promise<Devolucao | null>;
  /** Where the PSP posts the key's callbacks (it appends `/pix`). */
  putWebhook(chave: string, webhookUrl: string): Promise<void>;
  getWebhook(chave: string): Promise<PixWebhook | null>;
  deleteWebhook(chave: string): Promise<void>;
  /** Closes the kept-alive connections. */
  close(): void;
}

const resourceScopes = {
  cob: ["cob.write", "cob.read"],
  cobv: ["cobv.write", "cobv.read"],
  pix: ["pix.write", "pix.read"],
  webhook: ["webhook.write", "webhook.read"],
} as const;
type Resource = keyof typeof resourceScopes;

interface Call<T> {
  method: PixHttpRequest["method"];
  path: string;
  resource: Resource;
  body?: unknown;
  schema: z.ZodType<T> | null;
  /** A 404 is an answer (null), not an error. */
  notFoundIsNull?: boolean;
}

/**
 * Builds the client. Checks the certificate and key at once (a `gateway_configuration`
 * error), and calls nothing until asked.
 *
 * @example
 * ```ts
 * const pix = createPixApiClient({ baseUrl, tokenUrl, clientId, clientSecret, certificate, privateKey, clock, origin: "pix" });
 * const cob = await pix.putCob("tsr01jabcdefghjkmnpqrstvwxyz", { calendario: { expiracao: 3600 }, valor: { original: "199.90" }, chave });
 * show(cob.pixCopiaECola);
 * ```
 */
export function createPixApiClient(options: PixApiClientOptions): PixApiClient {
  const origin = options.origin;
  const { transport, tokens } = createMtlsOAuthSession({
    ...options,
    clientAuthentication: options.clientAuthentication ?? "basic",
  });
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const log = options.log ?? (() => {});

  /** Sends once more what provably never left (every call here is idempotent: PUT, GET, PATCH, DELETE). */
  async function send(request: PixHttpRequest) {
    try {
      return await transport(request);
    } catch (error) {
      if (!(error instanceof PixTransportError) || error.kind !== "not_sent") throw error;
      try {
        return await transport(request);
      } catch (again) {
        if (again instanceof PixTransportError && again.kind === "not_sent") {
          throw gatewayError(
            origin,
            "gateway_unavailable",
            `The PSP could not be reached: ${again.message}`,
            {
              cause: again,
            },
          );
        }
        throw again;
      }
    }
  }

  async function call<T>(spec: Call<T>): Promise<T | null> {
    const scopes = options.scopes ?? resourceScopes[spec.resource];
    const request = async () => {
      const token = await tokens.accessToken(scopes);
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        accept: "application/json",
      };
      if (spec.body !== undefined) headers["content-type"] = "application/json";
      return send({
        method: spec.method,
        url: `${baseUrl}${spec.path}`,
        headers,
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
      });
    };
    let answer = await request();
    if (answer.status === 401) {
      // The token expired or was revoked at the PSP before our clock said so: one fresh try.
      tokens.invalidate(scopes);
      answer = await request();
    }
    log({
      level: answer.status >= 400 ? "warn" : "info",
      message: "api pix call",
      data: { method: spec.method, path: spec.path, status: answer.status },
    });
    if (answer.status >= 200 && answer.status < 300) {
      if (spec.schema === null) return null;
      let json: unknown;
      try {
        json = JSON.parse(answer.body);
      } catch (cause) {
        throw new PixTransportError(
          "unknown",
          `The PSP answered ${answer.status} with a body that is not JSON.`,
          {
            cause,
          },
        );
      }
      const parsed = spec.schema.safeParse(json);
      if (!parsed.success) {
        // It did what was asked, and said it in a shape we cannot read: what it did is unknown.
        throw new PixTransportError(
          "unknown",
          `The PSP's answer to ${spec.method} ${spec.path} is not API Pix (${parsed.error.issues[0]?.path.join(".")}).`,
        );
      }
      return parsed.data;
    }
    if (answer.status === 404 && spec.notFoundIsNull) return null;
    if (answer.status >= 500) {
      throw new PixTransportError(
        "unknown",
        `The PSP answered ${answer.status}: it may or may not have done it.`,
      );
    }
    throw pixAnswerError(origin, answer, options.clock);
  }

  async function must<T>(spec: Call<T>): Promise<T> {
    const result = await call(spec);
    if (result === null) throw new Error(`${spec.method} ${spec.path} answered no body`);
    return result;
  }

  function checkTxid(txid: string): string {
    if (!txidPattern.test(txid)) {
      throw gatewayError(
        origin,
        "gateway_invalid_request",
        `The txid "${txid}" is not 26–35 letters and digits.`,
        {
          details: {
            issues: [{ path: ["txid"], code: "invalid_txid", message: "26–35 letters and digits" }],
          },
        },
      );
    }
    return encodeURIComponent(txid);
  }
  const segment = (text: string) => encodeURIComponent(text);

  return {
    putCob: async (txid, body) =>
      must({ method: "PUT", path: `/cob/${checkTxid(txid)}`, resource: "cob", body, schema: cobSchema }),
    getCob: async (txid) =>
      call({
        method: "GET",
        path: `/cob/${checkTxid(txid)}`,
        resource: "cob",
        schema: cobSchema,
        notFoundIsNull: true,
      }),
    patchCob: async (txid, revision) =>
      must({
        method: "PATCH",
        path: `/cob/${checkTxid(txid)}`,
        resource: "cob",
        body: revision,
        schema: cobSchema,
      }),
    putCobv: async (txid, body) =>
      must({ method: "PUT", path: `/cobv/${checkTxid(txid)}`, resource: "cobv", body, schema: cobvSchema }),
    getCobv: async (txid) =>
      call({
        method: "GET",
        path: `/cobv/${checkTxid(txid)}`,
        resource: "cobv",
        schema: cobvSchema,
        notFoundIsNull: true,
      }),
    patchCobv: async (txid, revision) =>
      must({
        method: "PATCH",
        path: `/cobv/${checkTxid(txid)}`,
        resource: "cobv",
        body: revision,
        schema: cobvSchema,
      }),
    getPix: async (endToEndId) =>
      call({
        method: "GET",
        path: `/pix/${segment(endToEndId)}`,
        resource: "pix",
        schema: pixSchema,
        notFoundIsNull: true,
      }),
    listPix: async (query) => {
      const search = new URLSearchParams({ inicio: query.inicio, fim: query.fim });
      if (query.txid !== undefined) search.set("txid", query.txid);
      if (query.paginaAtual !== undefined) search.set("paginacao.paginaAtual", String(query.paginaAtual));
      return must({ method: "GET", path: `/pix?${search}`, resource: "pix", schema: pixListSchema });
    },
    putDevolucao: async (endToEndId, id, body) => {
      if (!devolucaoIdPattern.test(id)) {
        throw gatewayError(
          origin,
          "gateway_invalid_request",
          `The refund id "${id}" is not 1–35 letters and digits.`,
        );
      }
      return must({
        method: "PUT",
        path: `/pix/${segment(endToEndId)}/devolucao/${segment(id)}`,
        resource: "pix",
        body,
        schema: devolucaoSchema,
      });
    },
    getDevolucao: async (endToEndId, id) =>
      call({
        method: "GET",
        path: `/pix/${segment(endToEndId)}/devolucao/${segment(id)}`,
        resource: "pix",
        schema: devolucaoSchema,
        notFoundIsNull: true,
      }),
    putWebhook: async (chave, webhookUrl) => {
      await call({
        method: "PUT",
        path: `/webhook/${segment(chave)}`,
        resource: "webhook",
        body: { webhookUrl },
        schema: null,
      });
    },
    getWebhook: async (chave) =>
      call({
        method: "GET",
        path: `/webhook/${segment(chave)}`,
        resource: "webhook",
        schema: webhookSchema,
        notFoundIsNull: true,
      }),
    deleteWebhook: async (chave) => {
      await call({ method: "DELETE", path: `/webhook/${segment(chave)}`, resource: "webhook", schema: null });
    },
    close: () => {
      if ("close" in transport && typeof transport.close === "function") transport.close();
    },
  };
}
