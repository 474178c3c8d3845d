import { defineGatewayProvider } from "@tessera/core";
import { pixOptionsSchema } from "./options";
import { createPixGateway } from "./pix-gateway";

/**
 * PIX on any PSP's API Pix as a provider kind a studio connects from the back office: the
 * PSP's addresses, OAuth client, mutual-TLS certificate and key, and the Pix key that
 * receives. The client secret and the private key are secrets. The PSP posts callbacks to
 * the registered webhook URL with `/pix` appended, over mutual TLS.
 */
export const pixProvider = defineGatewayProvider({
  kind: "pix",
  label: "PIX (API Pix of any PSP)",
  optionsSchema: pixOptionsSchema,
  secretFields: ["clientSecret", "privateKey"],
  webhook: {
    authentication:
      "mutual TLS: the PSP presents its client certificate, issued by the webhook CA, and each callback is confirmed by looking the charge up",
    pathSuffix: "/pix",
    mutualTls: true,
  },
  create: (options, deps) =>
    createPixGateway({
      ...options,
      id: deps.gatewayId,
      clock: deps.clock,
      webhookUrl: deps.webhookUrl,
      log: deps.log,
    }),
});
