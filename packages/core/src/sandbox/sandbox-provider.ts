import { z } from "zod";
import { defineGatewayProvider } from "../ports/gateway-provider";
import { createSandboxGateway } from "./sandbox-gateway";

/**
 * The settings a sandbox account takes from the back office: a small, plain-valued slice of
 * `sandboxOptionsSchema` — one secret, a number, switches and a choice — so the provider
 * seam and the form it renders are exercised end to end before any real adapter exists.
 */
export const sandboxProviderOptionsSchema = z.object({
  webhookSecret: z
    .string()
    .min(16, "must be at least 16 characters")
    .max(200, "must have at most 200 characters")
    .describe("The HMAC-SHA256 secret the sandbox signs its notifications with."),
  autoPaySeconds: z
    .number()
    .int("must be a whole number of seconds")
    .min(0, "must be 0 or more seconds")
    .max(86_400, "must be at most 86400 seconds (a day)")
    .optional()
    .describe(
      "Pay pending PIX and boletos by themselves this many seconds after they were made; empty = never.",
    ),
  boletoIssue: z
    .enum(["immediate", "async"])
    .default("immediate")
    .describe("Issue boletos at once, or a moment later as Banco Inter does."),
  refuseCredentials: z
    .boolean()
    .default(false)
    .describe("Refuse every call as a provider refuses revoked credentials, to see how Tessera reports it."),
  postNotifications: z
    .boolean()
    .default(false)
    .describe("POST notifications to the webhook URL (needs the server's public address)."),
  pixMerchantName: z
    .string()
    .trim()
    .min(1, "is required")
    .max(25, "must have at most 25 characters (BR Code field 59)")
    .default("Tessera Sandbox")
    .describe("The receiver named in PIX codes."),
});

/** How long an `async` boleto takes to get its line. */
const asyncBoletoDelayMs = 2_000;

/**
 * The sandbox as a provider kind: an account of it is an in-process sandbox gateway of its
 * own, under the account's id, signing with the account's secret.
 */
export const sandboxProvider = defineGatewayProvider({
  kind: "sandbox",
  label: "Sandbox",
  optionsSchema: sandboxProviderOptionsSchema,
  secretFields: ["webhookSecret"],
  webhook: {
    authentication:
      "HMAC-SHA256 of the timestamp and raw body with the webhook secret, in the tessera-sandbox-signature header",
  },
  create: (options, deps) =>
    createSandboxGateway({
      id: deps.gatewayId,
      clock: deps.clock,
      webhookSecret: options.webhookSecret,
      ...(options.autoPaySeconds === undefined ? {} : { autoPayAfterMs: options.autoPaySeconds * 1000 }),
      ...(options.boletoIssue === "async" ? { boletoIssueDelayMs: asyncBoletoDelayMs } : {}),
      refuseCredentials: options.refuseCredentials,
      ...(options.postNotifications && deps.webhookUrl ? { webhookUrl: deps.webhookUrl } : {}),
      pixMerchantName: options.pixMerchantName,
      log: deps.log,
    }),
});
