import { z } from "zod";
import { cieloBoletoProviders, cieloPixProviders } from "./cielo-methods";

/**
 * Cielo's hosts (manual "Endpoints"): creates, captures and voids go to the transaction
 * host, every GET to the separate query host; Silent Order Post's OAuth and access tokens
 * live on Braspag's hosts, its browser script on pagador.com.br (docs.cielo.com.br,
 * "Integrando com o Silent Order Post").
 */
export const cieloHosts = {
  production: {
    api: "https://api.cieloecommerce.cielo.com.br",
    query: "https://apiquery.cieloecommerce.cielo.com.br",
    sopAuth: "https://auth.braspag.com.br",
    sop: "https://transaction.pagador.com.br",
    sopScript: "https://www.pagador.com.br/post/scripts/silentorderpost-1.0.min.js",
  },
  sandbox: {
    api: "https://apisandbox.cieloecommerce.cielo.com.br",
    query: "https://apiquerysandbox.cieloecommerce.cielo.com.br",
    sopAuth: "https://authsandbox.braspag.com.br",
    sop: "https://transactionsandbox.pagador.com.br",
    sopScript: "https://transactionsandbox.pagador.com.br/post/scripts/silentorderpost-1.0.min.js",
  },
} as const;

const address = (what: string) =>
  z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe(`${what}; leave empty for Cielo's own (production, or sandbox when ticked)`);

/**
 * A studio's Cielo E-commerce store, as the back office's settings form asks for it.
 * `MerchantId`/`MerchantKey` come from Cielo's portal ("Dados Cadastrais"); the Silent Order
 * Post pair from "Credenciais funcionalidades"; the notification header is one of the (up
 * to three) custom headers the store sets beside its notification URL in the portal.
 */
export const cieloOptionsSchema = z.object({
  sandbox: z.boolean().default(false).describe("Use Cielo's sandbox (no real money)"),
  merchantId: z.uuid().describe("MerchantId of the store (a GUID), from Cielo's portal"),
  merchantKey: z.string().trim().min(1).describe("MerchantKey of the store"),
  sopClientId: z.string().trim().min(1).describe("Silent Order Post ClientId (Credenciais funcionalidades)"),
  sopClientSecret: z.string().trim().min(1).describe("Silent Order Post ClientSecret"),
  notificationHeaderName: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,64}$/, "letters, digits and hyphens")
    .default("X-Tessera-Notification")
    .describe("Custom header name set beside the notification URL in Cielo's portal"),
  notificationHeaderValue: z
    .string()
    .trim()
    .min(16, "at least 16 characters")
    .describe("That header's secret value: notifications without it are refused"),
  softDescriptor: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 ]{1,13}$/, "up to 13 letters, digits or spaces")
    .optional()
    .describe("Name on the buyer's card statement (up to 13 characters)"),
  acceptRawCards: z
    .boolean()
    .default(false)
    .describe("Let raw card numbers through (only for a PCI DSS compliant integrator)"),
  pix: z
    .boolean()
    .default(false)
    .describe("Offer PIX (enabled for the store at Cielo first: Meu Cadastro > Autorizações > PIX)"),
  pixProvider: z
    .enum(cieloPixProviders)
    .default("Cielo2")
    .describe(
      "PIX integration: Cielo2 (required of stores integrating since 2025-09-01; the QR code lives as long as each payment asks, up to 24 h) or legacy (the QR code lives two hours)",
    ),
  boleto: z
    .enum(["off", ...cieloBoletoProviders])
    .default("off")
    .describe(
      "Offer registered boletos of this bank (contracted with the bank and registered at Cielo), or off. In the sandbox Cielo's Simulado is sent instead",
    ),
  boletoDueDays: z
    .number()
    .int()
    .min(1)
    .max(60)
    .optional()
    .describe("Days from today a boleto falls due when the payment names no due date"),
  apiUrl: address("Transaction API address"),
  queryUrl: address("Query API address"),
  sopAuthUrl: address("Silent Order Post OAuth address"),
  sopUrl: address("Silent Order Post API address"),
  sopScriptUrl: address("Silent Order Post script"),
});
export type CieloOptions = z.output<typeof cieloOptionsSchema>;

/** The option keys that are credentials: never shown back, never logged. */
export const cieloSecretFields = ["merchantKey", "sopClientSecret", "notificationHeaderValue"] as const;

export interface CieloAddresses {
  environment: "sandbox" | "production";
  api: string;
  query: string;
  sopAuth: string;
  sop: string;
  sopScript: string;
}

/** The addresses these options point at: each override, else Cielo's own for the environment. */
export function cieloAddresses(options: CieloOptions): CieloAddresses {
  const environment = options.sandbox ? "sandbox" : "production";
  const hosts = cieloHosts[environment];
  return {
    environment,
    api: options.apiUrl ?? hosts.api,
    query: options.queryUrl ?? hosts.query,
    sopAuth: options.sopAuthUrl ?? hosts.sopAuth,
    sop: options.sopUrl ?? hosts.sop,
    sopScript: options.sopScriptUrl ?? hosts.sopScript,
  };
}
