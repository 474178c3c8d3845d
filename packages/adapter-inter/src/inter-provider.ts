import { defineGatewayProvider } from "@tessera/core";
import { createInterGateway } from "./inter-gateway";
import { interOptionsSchema, interSecretFields } from "./options";

/**
 * Banco Inter's Cobrança v3 as a provider kind a studio connects from the back office: the
 * integração's client ID and secret, its certificate and key (from "Minhas integrações"), and
 * the CA of Inter's "Certificado Webhook". Inter posts callbacks to exactly the registered URL,
 * over mutual TLS.
 */
export const interProvider = defineGatewayProvider({
  kind: "inter",
  label: "Banco Inter (boleto com PIX)",
  optionsSchema: interOptionsSchema,
  secretFields: interSecretFields,
  webhook: {
    authentication:
      "mutual TLS: Inter presents a client certificate from its own webhook CA, and each callback is confirmed by looking the cobrança up",
    mutualTls: true,
  },
  create: (options, deps) =>
    createInterGateway({
      ...options,
      id: deps.gatewayId,
      clock: deps.clock,
      webhookUrl: deps.webhookUrl,
      log: deps.log,
    }),
});
