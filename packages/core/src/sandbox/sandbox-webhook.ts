import type { WebhookInput, WebhookParseResult } from "../ports/gateway";
import { instantToMillis } from "../time/instant";
import { sandboxNotificationEvents } from "./sandbox-notification";
import { type SandboxState, simulateLatency } from "./sandbox-state";
import { sandboxSignatureHeader, verifyWebhookSignature } from "./webhook-signature";

/**
 * `parseWebhook`: a notification is authentic when its HMAC signature matches the raw
 * body and its signed timestamp is within `webhookToleranceSeconds` of now; the body then
 * carries the charge as it stood, so no lookup is needed. A batch (`sandbox.payTogether`)
 * answers one event per payment.
 */
export async function parseWebhook(state: SandboxState, webhook: WebhookInput): Promise<WebhookParseResult> {
  await simulateLatency(state);
  const verdict = verifyWebhookSignature({
    secret: state.webhookSecret,
    header: webhook.headers[sandboxSignatureHeader],
    rawBody: webhook.rawBody,
    nowSeconds: Math.floor(instantToMillis(state.clock.now()) / 1000),
    toleranceSeconds: state.options.webhookToleranceSeconds,
  });
  if (!verdict.valid) return { authentic: false, reason: verdict.reason };
  const events = sandboxNotificationEvents(webhook.rawBody);
  if (events === null) return { authentic: false, reason: "the body is not a sandbox notification" };
  return { authentic: true, events };
}
