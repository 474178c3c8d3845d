import { z } from "zod";

const pem = (kind: string) =>
  z
    .string()
    .trim()
    .regex(/^-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----$/, `must be a PEM ${kind}`)
    .meta({ multiline: true });

/** The API Pix scopes an immediate and a due-date charge, their refunds and the webhook need (Manual, Anexo II). */
export const defaultPixScopes = [
  "cob.write",
  "cob.read",
  "cobv.write",
  "cobv.read",
  "pix.write",
  "pix.read",
  "webhook.write",
  "webhook.read",
] as const;

/**
 * A PSP account's settings, as the back office renders them (each `.describe()` is the hint
 * a studio owner reads). Every PSP serves BACEN's API Pix at its own addresses, behind OAuth2
 * client credentials over mutual TLS with the certificate the PSP issued: those are options,
 * so any PSP — and a test server — is one account.
 */
export const pixOptionsSchema = z.object({
  baseUrl: z
    .url({ protocol: /^https$/, error: "must be an https:// address" })
    .describe("The PSP's API Pix address, up to the version (https://pix.example-psp.com.br/api/v2)."),
  tokenUrl: z
    .url({ protocol: /^https$/, error: "must be an https:// address" })
    .describe("The PSP's OAuth2 token address (https://pix.example-psp.com.br/oauth/token)."),
  clientId: z.string().trim().min(1, "is required").describe("The client ID the PSP issued for the API Pix."),
  clientSecret: z.string().min(1, "is required").describe("The client secret the PSP issued with it."),
  clientAuthentication: z
    .enum(["basic", "body"])
    .default("basic")
    .describe("How the PSP wants the client ID and secret: HTTP Basic (most PSPs) or in the form body."),
  certificate: pem("certificate").describe(
    "The client certificate the PSP issued for mutual TLS (PEM, -----BEGIN CERTIFICATE-----).",
  ),
  privateKey: pem("private key").describe("The private key of that certificate (PEM)."),
  ca: pem("certificate")
    .optional()
    .describe(
      "The CA of the PSP's own server certificate, only when the PSP says it is not a public one (PEM).",
    ),
  pixKey: z
    .string()
    .trim()
    .min(1, "is required")
    .max(77, "must have at most 77 characters")
    .describe("The account's Pix key that receives the payments (CNPJ, e-mail, phone or random key)."),
  merchantName: z
    .string()
    .trim()
    .min(1, "is required")
    .max(25, "must have at most 25 characters (BR Code field 59)")
    .describe("The receiver's name as payers see it in their bank app."),
  merchantCity: z
    .string()
    .trim()
    .min(1, "is required")
    .max(15, "must have at most 15 characters (BR Code field 60)")
    .describe("The receiver's city (BR Code field 60)."),
  scopes: z
    .string()
    .trim()
    .regex(/^[\w.:-]+( [\w.:-]+)*$/, "must be scope names separated by spaces")
    .optional()
    .describe(`The OAuth2 scopes to ask for, separated by spaces; empty = ${defaultPixScopes.join(" ")}.`),
  webhookCa: pem("certificate")
    .optional()
    .describe(
      "The CA that issues the certificate the PSP presents when it posts to the webhook (its manual names it; PEM).",
    ),
});

export type PixOptions = z.output<typeof pixOptionsSchema>;
