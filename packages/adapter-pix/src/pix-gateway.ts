import {
  type CreatePaymentRequest,
  type Gateway,
  type GatewayPayer,
  gatewayError,
  isTesseraError,
  type PaymentReference,
  type PaymentResult,
} from "@tessera/core";
import {
  type Cob,
  type Cobv,
  createPixApiClient,
  createWebhookRegistration,
  isTxid,
  type MtlsGatewayDeps,
  type PixApiClient,
  type PixDevedor,
  PixTransportError,
  pixValor,
} from "@tessera/pix-api";
import { chargeViewOf } from "./charge-view";
import { type PixChargeView, pixChargeResult } from "./mapping";
import type { PixOptions } from "./options";
import { pixCapabilities } from "./pix-capabilities";
import { createPixRefunds } from "./pix-refunds";
import { createPixWebhookParser } from "./pix-webhook";

export interface PixGatewayOptions extends PixOptions, MtlsGatewayDeps {}

/** A charge as the PSP keeps it, read back as core sees it. */
export interface PixChargeLookup {
  /** The charge by our txid, `cob` first, then `cobv`; null when the PSP has neither. */
  find(txid: string): Promise<PixChargeView | null>;
  result(view: PixChargeView): PaymentResult;
}

/** What a `cob` or `cobv` carries of the payer: their CPF or CNPJ and name, when core has a Brazilian document. */
function devedorOf(payer: GatewayPayer): PixDevedor | null {
  const nome = payer.name.trim().slice(0, 200);
  if (payer.document?.kind === "cpf") return { cpf: payer.document.value, nome };
  if (payer.document?.kind === "cnpj") return { cnpj: payer.document.value, nome };
  return null;
}

/** An answer the PSP may have acted on but that never came back: recovery asks by our txid. */
function unknownOf(txid: string, error: PixTransportError): PaymentResult {
  return { status: "unknown", providerReference: txid, rawStatus: null, reason: error.message };
}

/**
 * PIX through any PSP's BACEN API Pix: an immediate `cob` (or, with a due date, a `cobv`
 * with the payer's CPF or CNPJ) created by `PUT` under our txid — the port's idempotency key —
 * so a create sent twice is one charge; its BR Code for the page; expiry computed from the
 * charge's own calendar (the PSP keeps an expired `cob` `ATIVA`); cancel by `PATCH`;
 * devoluções keyed by our refund key; callbacks over mutual TLS, each confirmed by lookup.
 *
 * @example
 * ```ts
 * const pix = createPixGateway({ id: "pix", ...options, clock, webhookUrl: "https://studio.example/webhooks/pix" });
 * const result = await pix.createPayment({ idempotencyKey: txid, method: "pix", amount, description, payer, expiresInSeconds: 3600 });
 * if (result.status === "pending") show(result.action.qrCodePayload);
 * ```
 */
export function createPixGateway(options: PixGatewayOptions): Gateway {
  const { id, clock } = options;
  const capabilities = pixCapabilities(id, options.webhookCa);
  const merchant = { merchantName: options.merchantName, merchantCity: options.merchantCity };
  const client: PixApiClient = createPixApiClient({
    baseUrl: options.baseUrl,
    tokenUrl: options.tokenUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    clientAuthentication: options.clientAuthentication,
    certificate: options.certificate,
    privateKey: options.privateKey,
    ...(options.ca === undefined ? {} : { ca: options.ca }),
    ...(options.scopes === undefined ? {} : { scopes: options.scopes.split(" ") }),
    clock,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.transport === undefined ? {} : { transport: options.transport }),
    ...(options.log === undefined ? {} : { log: options.log }),
    origin: id,
  });
  const registration = createWebhookRegistration({
    register: (webhookUrl) => client.putWebhook(options.pixKey, webhookUrl),
    webhookUrl: options.webhookUrl,
    gatewayId: id,
    log: options.log ?? (() => {}),
    clock,
  });

  function viewOf(kind: "cob" | "cobv", charge: Cob | Cobv): PixChargeView {
    const view = chargeViewOf(kind, charge, merchant);
    if (view === null) {
      throw gatewayError(
        id,
        "gateway_configuration",
        `The PSP answered charge ${charge.txid} with neither its pixCopiaECola nor its location: it does not follow API Pix 2.x.`,
      );
    }
    return view;
  }

  const charges: PixChargeLookup = {
    async find(txid) {
      if (!isTxid(txid)) return null;
      const cob = await client.getCob(txid);
      if (cob !== null) return viewOf("cob", cob);
      const cobv = await client.getCobv(txid);
      return cobv === null ? null : viewOf("cobv", cobv);
    },
    result: (view) => pixChargeResult(view, clock.now()),
  };

  function invalid(message: string, path: string[]): never {
    throw gatewayError(id, "gateway_invalid_request", message, {
      details: { issues: [{ path, code: "invalid", message }] },
    });
  }

  async function create(request: CreatePaymentRequest): Promise<PixChargeView> {
    const txid = request.idempotencyKey;
    const devedor = devedorOf(request.payer);
    const valor = { original: pixValor(request.amount) };
    const solicitacaoPagador = request.description.slice(0, 140);
    if (request.dueDate !== undefined) {
      if (devedor === null) {
        invalid("A PIX with a due date (cobv) needs the payer's CPF or CNPJ.", ["payer", "document"]);
      }
      const cobv = await client.putCobv(txid, {
        calendario: { dataDeVencimento: request.dueDate },
        devedor,
        valor,
        chave: options.pixKey,
        solicitacaoPagador,
      });
      return viewOf("cobv", cobv);
    }
    const cob = await client.putCob(txid, {
      calendario: { expiracao: request.expiresInSeconds ?? 86_400 },
      ...(devedor === null ? {} : { devedor }),
      valor,
      chave: options.pixKey,
      solicitacaoPagador,
    });
    return viewOf("cob", cob);
  }

  const refunds = createPixRefunds({ client, charges, gatewayId: id });

  return {
    id,
    methods: ["pix"],
    capabilities,

    async createPayment(request) {
      if (request.method !== "pix") {
        invalid(`The ${id} gateway charges PIX only, not ${request.method}.`, ["method"]);
      }
      if (!isTxid(request.idempotencyKey)) {
        invalid("An API Pix txid has 26 to 35 letters and digits.", ["idempotencyKey"]);
      }
      let view: PixChargeView;
      try {
        view = await create(request);
      } catch (error) {
        if (error instanceof PixTransportError) return unknownOf(request.idempotencyKey, error);
        throw error;
      }
      // Once the PSP took a charge: a registration refused or rate limited never stands in a sale's way.
      await registration.ensure();
      return charges.result(view);
    },

    async getPayment(reference) {
      try {
        const view = await charges.find(reference.idempotencyKey);
        return view === null ? null : charges.result(view);
      } catch (error) {
        if (error instanceof PixTransportError) return unknownOf(reference.idempotencyKey, error);
        throw error;
      }
    },

    async cancel(reference: PaymentReference) {
      const txid = reference.idempotencyKey;
      try {
        const view = await charges.find(txid);
        if (view === null) {
          throw gatewayError(id, "gateway_invalid_request", `The PSP has no charge ${txid} to cancel.`);
        }
        const before = charges.result(view);
        if (view.status !== "ATIVA") return before;
        const revision = { status: "REMOVIDA_PELO_USUARIO_RECEBEDOR" } as const;
        try {
          const removed =
            view.kind === "cob"
              ? await client.patchCob(txid, revision)
              : await client.patchCobv(txid, revision);
          // One that expired first stays expired: the PATCH only makes sure nobody pays it late.
          return before.status === "canceled" ? before : charges.result(viewOf(view.kind, removed));
        } catch (error) {
          // Paid (or removed by the PSP) between the lookup and the PATCH: it is as it now stands.
          if (!isTesseraError(error, "gateway_invalid_request")) throw error;
          const now = await charges.find(txid);
          if (now === null || now.status === "ATIVA") throw error;
          return charges.result(now);
        }
      } catch (error) {
        if (error instanceof PixTransportError) return unknownOf(txid, error);
        throw error;
      }
    },

    refund: refunds.refund,
    getRefund: refunds.getRefund,
    parseWebhook: createPixWebhookParser({ charges, clock }),
  };
}
