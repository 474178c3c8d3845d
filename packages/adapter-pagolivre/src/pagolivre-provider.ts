import { defineGatewayProvider } from "@tessera/core";
import { pagolivreOptionsSchema, pagolivreSecretFields } from "./options";
import { createPagoLivreGateway } from "./pagolivre-gateway";

/**
 * PagoLivre as a provider kind a studio connects from the back office: its API token. Each
 * order carries the callback URL (the account's webhook URL with the token), so there is
 * nothing to register in PagoLivre's portal.
 */
export const pagolivreProvider = defineGatewayProvider({
  kind: "pagolivre",
  label: "PagoLivre (crédito recorrente)",
  optionsSchema: pagolivreOptionsSchema,
  secretFields: pagolivreSecretFields,
  webhook: {
    authentication:
      "the API token in the callback URL (sent with each order); every callback is confirmed by looking the order up",
  },
  create: (options, deps) =>
    createPagoLivreGateway({
      ...options,
      id: deps.gatewayId,
      clock: deps.clock,
      webhookUrl: deps.webhookUrl,
    }),
});
