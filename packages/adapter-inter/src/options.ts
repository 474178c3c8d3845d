import { z } from "zod";

/** Inter's production API host (Cobrança v3 OpenAPI `servers`). */
export const interProductionBaseUrl = "https://cdpj.partners.bancointer.com.br";
/** Inter's sandbox host (Cobrança v3 OpenAPI `servers`). */
export const interSandboxBaseUrl = "https://cdpj-sandbox.partners.uatinter.co";

const pem = (label: string, hint: string) =>
  z
    .string()
    .trim()
    .startsWith(`-----BEGIN ${label}`, `must be a PEM block starting with -----BEGIN ${label}`)
    .meta({ multiline: true })
    .describe(hint);

/**
 * A studio's Banco Inter account, as the back office's settings form asks for it. The
 * certificate and key are the `.crt`/`.key` pair Inter's portal issues with an integração;
 * the webhook CA is the `ca.crt` of Inter's "Certificado Webhook", which signs the client
 * certificate Inter presents when it posts a callback.
 */
export const interOptionsSchema = z.object({
  sandbox: z.boolean().default(false).describe("Use Inter's sandbox (no real money)"),
  baseUrl: z
    .url({ protocol: /^https$/ })
    .optional()
    .describe("API address; leave empty for Inter's production (or sandbox, when ticked)"),
  clientId: z.string().trim().min(1).describe("Client ID of the integração, from Inter's portal"),
  clientSecret: z.string().trim().min(1).describe("Client secret of the integração"),
  certificate: pem("CERTIFICATE", "The integração's certificate (.crt), PEM"),
  privateKey: pem("", "The integração's private key (.key), PEM"),
  contaCorrente: z
    .string()
    .trim()
    .regex(/^\d+$/, "digits only")
    .optional()
    .describe("Conta corrente, only when the integração serves more than one account (x-conta-corrente)"),
  numDiasAgenda: z
    .number()
    .int()
    .min(0)
    .max(60)
    .default(60)
    .describe("Days after the due date the boleto can still be paid (0–60)"),
  webhookCaCertificate: pem("CERTIFICATE", "Inter's webhook CA (ca.crt of the Certificado Webhook), PEM"),
  ca: pem(
    "CERTIFICATE",
    "Only for a test server at the API address: the CA of its server certificate (PEM)",
  ).optional(),
});
export type InterOptions = z.output<typeof interOptionsSchema>;

/** The option keys that are credentials: never shown back, never logged. */
export const interSecretFields = ["clientSecret", "certificate", "privateKey"] as const;

/** The API address these options point at. */
export function interBaseUrl(options: Pick<InterOptions, "sandbox" | "baseUrl">): string {
  return options.baseUrl ?? (options.sandbox ? interSandboxBaseUrl : interProductionBaseUrl);
}
