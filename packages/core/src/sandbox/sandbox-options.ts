import { z } from "zod";
import { gatewayError } from "../errors/gateway-error";
import type { Clock } from "../ports/clock";
import type { SandboxCharge } from "./sandbox-charge";

/** One line the sandbox logs. `data` holds ids, brands and last digits — never a card number or CVC. */
export interface SandboxLogEntry {
  level: "info" | "warn";
  message: string;
  data: Readonly<Record<string, string | number | boolean | null>>;
}
export type SandboxLog = (entry: SandboxLogEntry) => void;

const isFunction = (value: unknown) => typeof value === "function";

const refundRulesSchema = z.object({
  partial: z.boolean(),
  windowDays: z.number().int().positive().nullable(),
  keyedByUs: z.boolean(),
});

/** As the providers the sandbox stands in for: Cielo cards, API Pix; Banco Inter refunds no boleto. */
export const defaultSandboxRefundRules = Object.freeze({
  card: Object.freeze({ partial: true, windowDays: 360, keyedByUs: false }),
  pix: Object.freeze({ partial: true, windowDays: 90, keyedByUs: true }),
});

/**
 * The sandbox's settings. The plain-data fields carry descriptions the back office can
 * render as a form (Vendure's idea); the function-valued ones are for code and tests.
 */
export const sandboxOptionsSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/, "must be lower-case letters, digits, _ or -")
    .default("sandbox")
    .describe("The gateway id, also its key in storage."),
  clock: z
    .custom<Clock>(
      (value) => typeof value === "object" && value !== null && typeof (value as Clock).now === "function",
      "must be a Clock",
    )
    .optional()
    .describe("Where 'now' comes from: token expiry, PIX expiry, automatic payment, signature timestamps."),
  webhookSecret: z
    .string()
    .min(16, "must be at least 16 characters")
    .optional()
    .describe("The HMAC-SHA256 secret notifications are signed with; generated when left out."),
  webhookUrl: z.url().optional().describe("Where notifications are POSTed, besides being queued."),
  webhookToleranceSeconds: z
    .number()
    .int()
    .positive()
    .default(300)
    .describe("How far a notification's signed timestamp may be from now."),
  fetch: z.custom<typeof fetch>(isFunction, "must be a fetch function").optional(),
  acceptRawCardNumbers: z
    .boolean()
    .default(false)
    .describe(
      "Let createPayment take a raw card number (tests only: production cards go through tokenization).",
    ),
  autoPayAfterMs: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe("Pay pending PIX and boletos by themselves this long after they were created."),
  asyncRefunds: z
    .boolean()
    .default(false)
    .describe(
      "Refunds answer pending and settle later (as API Pix's devolução: EM_PROCESSAMENTO, then DEVOLVIDO), by refundSettleAfterMs or sandbox.settleRefund.",
    ),
  refundSettleAfterMs: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe("With asyncRefunds: a pending refund succeeds by itself this long after it was made."),
  refundRules: z
    .object({
      card: refundRulesSchema.optional(),
      pix: refundRulesSchema.optional(),
      boleto: refundRulesSchema.optional(),
    })
    .strict()
    .default(defaultSandboxRefundRules)
    .describe(
      "What each method's refunds may be (partial or only whole, within how many days of the payment, found by our refund key), declared as capabilities.refunds and enforced; a method left out cannot be refunded. Default: cards partial within 360 days (Cielo), PIX partial within 90 days by our key (API Pix), no boletos (Banco Inter).",
    ),
  authorizationLapseDays: z
    .number()
    .int()
    .positive()
    .default(7)
    .describe(
      "Days a card authorization (createPayment with capture: false) is held; one never captured lapses then, as issuers let it.",
    ),
  boletoIssueDelayMs: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe(
      "Issue boletos asynchronously, as Banco Inter does: a boleto answers processing, and its line is ready this long after the request.",
    ),
  refuseCredentials: z
    .boolean()
    .default(false)
    .describe(
      "Refuse every call as a provider refuses a wrong or revoked API key (gateway_authentication), to try how Tessera reports it.",
    ),
  providerRecurrence: z
    .boolean()
    .default(true)
    .describe(
      "Charge cards by itself each period, as Cielo's RecurrentPayment does (providerRecurrence: card); off, the sandbox is a provider whose store charges a saved card each period, as Tessera's billing run does.",
    ),
  recurrenceDeclinedCharge: z
    .enum(["retry_then_end", "next_period"])
    .default("retry_then_end")
    .describe(
      "What follows a recurrent charge the sandbox made that was declined, declared as capabilities.recurrenceRules.declinedCharge: retry_then_end (Cielo) tries it again a day later, recurrenceRetries times, and ends the recurrence when it gives up; next_period (PagoLivre) never tries it again and charges the next period on its day, the recurrence going on.",
    ),
  recurrenceRetries: z
    .number()
    .int()
    .nonnegative()
    .max(10)
    .default(2)
    .describe(
      "With recurrenceDeclinedCharge retry_then_end: how many times a declined recurrent charge is tried again, a day apart, before the sandbox gives up and ends the recurrence. Unused with next_period.",
    ),
  latencyMs: z
    .number()
    .int()
    .nonnegative()
    .max(60_000)
    .default(0)
    .describe("Simulated delay on every gateway call."),
  ledgerFile: z
    .string()
    .min(1)
    .optional()
    .describe("A JSON-lines file for the provider's books, kept across restarts."),
  onCharge: z.custom<(record: SandboxCharge) => void>(isFunction, "must be a function").optional(),
  log: z.custom<SandboxLog>(isFunction, "must be a function").optional(),
  cardTokenTtlSeconds: z
    .number()
    .int()
    .positive()
    .default(900)
    .describe("How long a card token from the tokenization endpoint can be used."),
  tokenizationSessionTtlSeconds: z
    .number()
    .int()
    .positive()
    .default(1200)
    .describe("How long a checkout's access token (cardTokenizationSession) lets its page tokenize cards."),
  tokenizationEndpointUrl: z
    .string()
    .min(1)
    .default("/sandbox/card-tokens")
    .describe("Where the server mounts handleTokenizationRequest: the postUrl checkout pages post cards to."),
  pixExpiresInSeconds: z
    .number()
    .int()
    .positive()
    .default(86_400)
    .describe("PIX lifetime when the request gives none (API Pix calendario.expiracao default)."),
  pixMerchantName: z
    .string()
    .min(1)
    .default("Tessera Sandbox")
    .describe("The receiver named in BR Codes (field 59)."),
  pixMerchantCity: z
    .string()
    .min(1)
    .default("Sao Paulo")
    .describe("The receiver's city in BR Codes (field 60)."),
  pixLocationHost: z
    .string()
    .regex(/^[a-z0-9.-]+$/, "must be a host name")
    .max(38, "must leave room for the path in 77 characters")
    .default("pix.sandbox.tessera.invalid")
    .describe("The host in dynamic BR Codes' location URL."),
  boletoPdfBaseUrl: z
    // A root-relative path too, as tokenizationEndpointUrl: the server serving the PDFs
    // rarely knows its public origin, and the checkout page links them from that origin.
    .union([z.url(), z.string().regex(/^\/(?!\/)\S*$/, "must be a URL or a path starting with /")])
    .optional()
    .describe(
      "Base of boleto PDF links (a URL, or a path such as /sandbox/boletos on the server that serves them); without it, boletos carry no PDF.",
    ),
  tokenizationAllowedOrigins: z
    .union([z.literal("*"), z.array(z.string())])
    .default("*")
    .describe("Browser origins allowed to call the tokenization endpoint."),
});

export type SandboxGatewayOptions = z.input<typeof sandboxOptionsSchema>;
export type ResolvedSandboxOptions = z.output<typeof sandboxOptionsSchema>;

/** Parses the options; a mistake throws `gateway_configuration` naming each field. */
export function parseSandboxOptions(input: SandboxGatewayOptions): ResolvedSandboxOptions {
  const parsed = sandboxOptionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const gatewayId = typeof input.id === "string" ? input.id : "sandbox";
  throw gatewayError(gatewayId, "gateway_configuration", "The sandbox gateway's options are invalid.", {
    details: {
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
        code: issue.code,
        message: issue.message,
      })),
    },
  });
}
