import { z } from "zod";
import { pagolivreProtocol } from "./pagolivre-protocol";

/**
 * A studio's PagoLivre account, as the back office's settings form asks for it: the API
 * token PagoLivre issues (already base64-encoded: sent as is after `Basic`), which also
 * authenticates PagoLivre's callbacks (`?accessToken=` on the callback URL).
 */
export const pagolivreOptionsSchema = z.object({
  sandbox: z.boolean().default(false).describe("Use PagoLivre's sandbox (no real money)"),
  token: z.string().trim().min(8).describe("API token issued by PagoLivre"),
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe("API address; leave empty for PagoLivre's own (production, or sandbox when ticked)"),
  userAgent: z
    .string()
    .trim()
    .min(1)
    .default("Tessera (+https://github.com/tessera-payments/tessera)")
    .describe("User-Agent sent to PagoLivre (its edge refuses requests without one)"),
});
export type PagoLivreOptions = z.output<typeof pagolivreOptionsSchema>;

/** The option keys that are credentials: never shown back, never logged. */
export const pagolivreSecretFields = ["token"] as const;

/** The API address, with `/api/v2`. */
export function pagolivreBaseUrl(options: Pick<PagoLivreOptions, "sandbox" | "baseUrl">): string {
  return (
    options.baseUrl ??
    (options.sandbox ? pagolivreProtocol.hosts.sandbox : pagolivreProtocol.hosts.production)
  ).replace(/\/$/, "");
}
