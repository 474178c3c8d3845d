import { defineGatewayProvider } from "@tessera/core";
import { createCieloGateway } from "./cielo-gateway";
import { cieloOptionsSchema, cieloSecretFields } from "./options";

/**
 * Cielo E-commerce as a provider kind a studio connects from the back office: MerchantId and
 * MerchantKey, the Silent Order Post pair, a custom notification header the studio sets
 * beside the webhook URL in Cielo's portal ("Configurações da loja" → notification URL), and
 * whether the store also takes PIX and boletos through Cielo.
 */
export const cieloProvider = defineGatewayProvider({
  kind: "cielo",
  label: "Cielo",
  optionsSchema: cieloOptionsSchema,
  secretFields: cieloSecretFields,
  webhook: {
    authentication:
      "a custom header set in Cielo's portal beside this URL (name and value as in these settings); every notification is then confirmed by querying the sale",
  },
  create: (options, deps) => createCieloGateway({ ...options, id: deps.gatewayId, clock: deps.clock }),
});
