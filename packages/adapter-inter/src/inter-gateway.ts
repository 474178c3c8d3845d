import {
  type Gateway,
  gatewayError,
  isTesseraError,
  type PaymentReference,
  type PaymentResult,
} from "@tessera/core";
import {
  createMtlsOAuthSession,
  createWebhookRegistration,
  type MtlsGatewayDeps,
  PixTransportError,
} from "@tessera/pix-api";
import { createInterClient } from "./client";
import { createCobrancaLookup, interBody } from "./cobranca-lookup";
import { interEmitBody } from "./emit-request";
import { interCapabilities } from "./inter-capabilities";
import { createInterWebhookParser } from "./inter-webhook";
import { mapInterCobranca } from "./mapping";
import { type InterOptions, interBaseUrl } from "./options";
import { interEmitResponseSchema } from "./schemas";

export interface InterGatewayOptions extends InterOptions, MtlsGatewayDeps {}

/** The reason a cancel gives Inter (`motivoCancelamento`): the studio dropped the attempt. */
const cancelReason = "ACERTOS";

/** An answer that may have been acted on but never came back: recovery asks by our `seuNumero`. */
function unknownOf(providerReference: string | null, error: PixTransportError): PaymentResult {
  return { status: "unknown", providerReference, rawStatus: null, reason: error.message };
}

/**
 * Banco Inter's Cobrança v3 boleto with PIX ("bolepix"), over OAuth2 client credentials and
 * mutual TLS (`@tessera/pix-api`'s transport and token source, the credentials in the form
 * body as Inter wants them). A boleto is issued asynchronously: the create answers a
 * `codigoSolicitacao` (`processing`), and its line, barcode and PIX code come later, by
 * lookup or callback. Lookup by id, or by our `seuNumero` inside a date window; cancel
 * (accepted, finished by Inter); the PDF through the API; callbacks confirmed by lookup.
 *
 * @example
 * ```ts
 * const inter = createInterGateway({ id: "inter", ...interOptionsSchema.parse(settings), clock, webhookUrl });
 * const result = await inter.createPayment({ idempotencyKey, method: "boleto", dueDate, amount, payer, description });
 * // result.status === "processing": the line arrives with the A_RECEBER callback
 * ```
 */
export function createInterGateway(options: InterGatewayOptions): Gateway {
  const { id, clock } = options;
  const capabilities = interCapabilities(id, options.webhookCaCertificate);
  const baseUrl = interBaseUrl(options).replace(/\/+$/, "");
  const { transport, tokens } = createMtlsOAuthSession({
    ...options,
    tokenUrl: `${baseUrl}/oauth/v2/token`,
    clientAuthentication: "body",
    clock,
    origin: id,
  });
  const client = createInterClient({
    baseUrl,
    transport,
    tokens,
    clock,
    origin: id,
    ...(options.contaCorrente === undefined ? {} : { contaCorrente: options.contaCorrente }),
  });
  const lookup = createCobrancaLookup(client, id);
  const registration = createWebhookRegistration({
    async register(webhookUrl) {
      interBody(
        id,
        await client.send({
          method: "PUT",
          path: "/cobranca/v3/cobrancas/webhook",
          body: { webhookUrl },
          access: "write",
        }),
      );
    },
    webhookUrl: options.webhookUrl,
    gatewayId: id,
    log: options.log ?? (() => {}),
    clock,
  });

  /** The payment as Inter now has it, a transport fault as `unknown`. */
  async function current(reference: PaymentReference): Promise<PaymentResult | null> {
    try {
      const found = await lookup.of(reference);
      return found === null ? null : mapInterCobranca(found);
    } catch (error) {
      if (error instanceof PixTransportError) return unknownOf(reference.providerReference, error);
      throw error;
    }
  }

  return {
    id,
    methods: ["boleto"],
    capabilities,

    async createPayment(request) {
      if (request.method !== "boleto") {
        throw gatewayError(
          id,
          "gateway_invalid_request",
          `Banco Inter's Cobrança issues boletos, not ${request.method}.`,
          {
            details: { issues: [{ path: ["method"], code: "invalid", message: "boleto only" }] },
          },
        );
      }
      const body = interEmitBody(id, request, { numDiasAgenda: options.numDiasAgenda, now: clock.now() });
      let codigoSolicitacao: string;
      try {
        const answer = await client.send({
          method: "POST",
          path: "/cobranca/v3/cobrancas",
          body,
          access: "write",
        });
        const parsed = interEmitResponseSchema.safeParse(interBody(id, answer));
        if (!parsed.success)
          throw new PixTransportError(
            "unknown",
            "Banco Inter answered the create without a codigoSolicitacao.",
          );
        codigoSolicitacao = parsed.data.codigoSolicitacao;
      } catch (error) {
        if (error instanceof PixTransportError) return unknownOf(null, error);
        throw error;
      }
      await registration.ensure();
      return {
        status: "processing",
        providerReference: codigoSolicitacao,
        rawStatus: "EM_PROCESSAMENTO",
        amount: request.amount,
        refundedAmount: { amount: 0, currency: request.amount.currency },
      };
    },

    getPayment: current,

    async refund() {
      throw gatewayError(
        id,
        "gateway_invalid_request",
        "Banco Inter refunds no boleto through its API: refund it to the customer's wallet or by hand.",
        {
          details: {
            issues: [
              { path: ["method"], code: "not_refundable", message: "boletos are not refunded through Inter" },
            ],
          },
        },
      );
    },
    // Nothing is ever refunded through Inter, so no refund is ever found there.
    getRefund: async () => null,

    async cancel(reference) {
      const before = await current(reference);
      if (before === null)
        throw gatewayError(id, "gateway_invalid_request", "Banco Inter has no such cobrança to cancel.");
      if (before.status !== "pending") return before;
      try {
        const answer = await client.send({
          method: "POST",
          path: `/cobranca/v3/cobrancas/${encodeURIComponent(before.providerReference)}/cancelar`,
          body: { motivoCancelamento: cancelReason },
          access: "write",
        });
        interBody(id, answer);
      } catch (error) {
        if (error instanceof PixTransportError) return unknownOf(before.providerReference, error);
        // Refused: paid or otherwise ended meanwhile. It is as it now stands.
        if (!isTesseraError(error, "gateway_invalid_request")) throw error;
        return (await current(reference)) ?? before;
      }
      // Accepted (202); Inter finishes it shortly. Until its lookup says so, it is canceled at our request.
      const after = await current({ ...reference, providerReference: before.providerReference });
      if (after !== null && after.status !== "pending" && after.status !== "unknown") return after;
      return { ...before, status: "canceled", reason: "by_us", rawStatus: "CANCELAMENTO_SOLICITADO" };
    },

    async boletoDocument(reference) {
      const found = await lookup.of(reference);
      if (found === null || found.boleto === undefined) return null;
      const answer = await client.send({
        method: "GET",
        path: `/cobranca/v3/cobrancas/${encodeURIComponent(found.cobranca.codigoSolicitacao)}/pdf`,
        access: "read",
      });
      if (answer.status === 400 || answer.status === 404) return null;
      const body = interBody(id, answer) as { pdf?: unknown } | null;
      if (body === null || typeof body.pdf !== "string") return null;
      return new Uint8Array(Buffer.from(body.pdf, "base64"));
    },

    parseWebhook: createInterWebhookParser({ lookup, clock }),
  };
}
