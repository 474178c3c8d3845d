import { createHash } from "node:crypto";
import { z } from "zod";
import type { Id } from "../ids/id";
import { applyPaymentResult } from "../payments/apply-payment-result";
import type { Payment } from "../payments/payment";
import { withRetryOnConflict } from "../payments/with-retry-on-conflict";
import type { GatewayEvent, RefundNews, RefundResult, WebhookInput } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import type { InboxEntry, Repositories, WebhookProvenance } from "../ports/storage";
import { applyRecurrenceCharge } from "../recurrence/apply-recurrence-charge";
import { applyRefundResult, refundIdOfKey } from "../refunds/apply-refund-result";
import { parseInput } from "../validation/parse-input";
import { isTrustedIssuer } from "./client-certificate-issuer";
import { redactWebhook } from "./redact-webhook";

const webhookInputSchema = z.object({
  headers: z.record(z.string(), z.string()),
  rawBody: z.string().max(5_000_000, "is larger than any provider's notification"),
  url: z.string().max(8192).optional(),
  verifiedClientCertificate: z
    .object({ subject: z.string(), issuer: z.string(), fingerprint256: z.string() })
    .optional(),
});
const gatewayIdSchema = z.string().min(1).max(100);

/** What became of one notification. */
export type WebhookReceipt =
  | { accepted: false; reason: string }
  | { accepted: true; applied: number; duplicates: number; unmatched: number };

/** Provider notifications in: kept, authenticated, deduplicated, applied. */
export interface WebhookService {
  /**
   * Takes a notification exactly as it arrived. The adapter authenticates it (a forged
   * one is recorded as rejected and changes nothing); each event is kept in the inbox,
   * unique per provider event, so a replay is a no-op; the news is applied through the same
   * path as every other payment answer, so events in any order converge to one state.
   */
  receive(gatewayId: string, input: WebhookInput): Promise<WebhookReceipt>;
}

export function createWebhookService(ctx: ServiceContext): WebhookService {
  async function apply(
    gatewayId: string,
    entry: InboxEntry,
    event: GatewayEvent,
  ): Promise<"applied" | "unmatched"> {
    return withRetryOnConflict(() =>
      ctx.storage.transaction(async (tx) => {
        const at = ctx.clock.now();
        const matched = await matchPayment(tx, gatewayId, event);
        if (!matched.payment) {
          await tx.inbox.markProcessed(entry.id, { status: "rejected", outcome: matched.reason, at });
          return "unmatched";
        }
        const payment = matched.payment;
        if (!matched.applied) await applyPaymentResult(ctx, tx, payment.id, event.payment);
        const refundOutcome = event.refund ? await applyRefundNews(tx, payment.id, event.refund) : "";
        const after = await tx.payments.findById(payment.id);
        await tx.inbox.markProcessed(entry.id, {
          status: "processed",
          outcome: `payment ${payment.id} ${after?.status ?? payment.status}${refundOutcome}`,
          at,
        });
        return "applied";
      }),
    );
  }

  /**
   * The payment of ours the news is about. A recurrent charge goes by its recurrence (its
   * news is applied there, to its own row); any other by the provider's reference first —
   * the provider's id of one charge — and only then by our key, which a provider may share
   * between several charges (Cielo's `MerchantOrderId` on every recurrent charge).
   */
  async function matchPayment(
    tx: Repositories,
    gatewayId: string,
    event: GatewayEvent,
  ): Promise<{ payment: Payment; applied: boolean } | { payment: null; reason: string }> {
    if (event.recurrenceCharge) {
      const charge = await applyRecurrenceCharge(ctx, tx, gatewayId, {
        ...event,
        recurrenceCharge: event.recurrenceCharge,
      });
      return charge.matched
        ? { payment: charge.payment, applied: true }
        : { payment: null, reason: charge.reason };
    }
    const reference = event.payment.providerReference;
    const byReference = reference ? await tx.payments.findByProviderReference(gatewayId, reference) : null;
    if (byReference) return { payment: byReference, applied: false };
    const byKey = event.idempotencyKey
      ? await tx.payments.findByIdempotencyKey(gatewayId, event.idempotencyKey)
      : null;
    // Our key with another charge's reference is another charge under a shared key: never ours to overwrite.
    if (
      byKey &&
      (byKey.providerReference === null || reference === null || byKey.providerReference === reference)
    ) {
      return { payment: byKey, applied: false };
    }
    return {
      payment: null,
      reason: byKey
        ? `charge ${reference} carries the key of payment ${byKey.id}, which is charge ${byKey.providerReference}`
        : "no payment of ours matches",
    };
  }

  /**
   * Refund news, applied to the refund of ours it names (by its key) through the same path
   * as `refund`'s own answer, so the payment's refunded amount and status follow.
   */
  async function applyRefundNews(
    tx: Repositories,
    paymentId: Id<"payment">,
    news: RefundNews,
  ): Promise<string> {
    const refundId = refundIdOfKey(news.refundKey);
    const refund = refundId === null ? null : await tx.refunds.findById(refundId);
    if (!refund || refund.paymentId !== paymentId) return `; no refund of ours has key ${news.refundKey}`;
    const answer: RefundResult =
      news.status === "failed"
        ? {
            status: "failed",
            providerRefundReference: news.providerRefundReference,
            rawStatus: news.rawStatus,
            message: `the provider reports the refund ${news.rawStatus}`,
          }
        : {
            status: news.status,
            // A provider that names refunds only by our key (API Pix's devolução id) is known by it.
            providerRefundReference:
              news.providerRefundReference ?? refund.providerReference ?? news.refundKey,
            rawStatus: news.rawStatus,
          };
    const after = await applyRefundResult(ctx, tx, refund.id, answer);
    return `; refund ${refund.id} ${after.status}`;
  }

  return {
    async receive(rawGatewayId, rawInput) {
      const gatewayId = parseInput(gatewayIdSchema, rawGatewayId, "gateway id");
      const input = parseInput(webhookInputSchema, rawInput, "webhook");
      const gateway = ctx.gateways.get(gatewayId);
      const headers = Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v]));
      const declared = gateway.capabilities.webhooks;
      const kept = redactWebhook(declared, input.url ?? null, headers);
      const provenance: WebhookProvenance | null = declared && {
        method: declared.authentication,
        clientCertificate: input.verifiedClientCertificate ?? null,
        confirmedByLookup: declared.confirmsByLookup,
      };
      const now = ctx.clock.now();
      const entryFor = (providerEventId: string): InboxEntry => ({
        id: ctx.ids("inboxEntry") as Id<"inboxEntry">,
        gatewayId,
        providerEventId,
        receivedAt: now,
        headers: kept.headers,
        rawBody: input.rawBody,
        status: "received",
        processedAt: null,
        outcome: null,
        url: kept.url,
        authentication: provenance,
      });
      const reject = async (reason: string): Promise<WebhookReceipt> => {
        // Kept for the operator, keyed by the body's hash: the sender's ids cannot be trusted.
        const digest = createHash("sha256").update(input.rawBody).digest("hex");
        const { inserted, entry } = await ctx.storage.inbox.record(entryFor(`rejected:${digest}`));
        if (inserted)
          await ctx.storage.inbox.markProcessed(entry.id, { status: "rejected", outcome: reason, at: now });
        return { accepted: false, reason };
      };
      if (declared === null) return reject(`the ${gatewayId} gateway sends no notifications`);
      // Mutual TLS is proven below the adapter; without the listener's word there is no proof.
      if (declared.authentication === "mutual_tls" && !input.verifiedClientCertificate) {
        return reject("no verified client certificate: mutual TLS was not checked by the listener or proxy");
      }
      // The listener may trust more CAs than this provider's (a public store): the issuer must be one it names.
      const issuer = input.verifiedClientCertificate?.issuer ?? "";
      const trusted = declared.trustedClientCertificateIssuers;
      if (
        declared.authentication === "mutual_tls" &&
        trusted.length > 0 &&
        !isTrustedIssuer(issuer, trusted)
      ) {
        return reject(
          `client certificate issued by "${issuer.slice(0, 300)}", not by a CA the ${gatewayId} gateway trusts for mutual TLS`,
        );
      }
      const parsed = await gateway.parseWebhook({
        headers,
        rawBody: input.rawBody,
        ...(input.url === undefined ? {} : { url: input.url }),
        ...(input.verifiedClientCertificate
          ? { verifiedClientCertificate: input.verifiedClientCertificate }
          : {}),
      });
      if (!parsed.authentic) return reject(parsed.reason);
      const receipt = { accepted: true as const, applied: 0, duplicates: 0, unmatched: 0 };
      for (const event of parsed.events) {
        const { inserted, entry } = await ctx.storage.inbox.record(entryFor(event.providerEventId));
        // A replay of an event already processed is a no-op; one left unprocessed by a crash is finished now.
        if (!inserted && entry.status !== "received") {
          receipt.duplicates++;
          continue;
        }
        if ((await apply(gatewayId, entry, event)) === "applied") receipt.applied++;
        else receipt.unmatched++;
      }
      return receipt;
    },
  };
}
