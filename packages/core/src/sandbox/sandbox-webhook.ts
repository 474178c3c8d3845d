import type { WebhookInput, WebhookParseResult } from "../ports/gateway";
import { instantToMillis } from "../time/instant";
import { sandboxNotificationEvent } from "./sandbox-notification";
import { type SandboxState, simulateLatency } from "./sandbox-state";
import { sandboxSignatureHeader, verifyWebhookSignature } from "./webhook-signature";

/**
 * `parseWebhook`: a notification is authentic when its HMAC signature matches the raw
 * body and its signed timestamp is within `webhookToleranceSeconds` of now; the body then
 * carries the charge as it stood, so no lookup is needed.
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
  const event = sandboxNotificationEvent(webhook.rawBody);
  if (event === null) return { authentic: false, reason: "the body is not a sandbox notification" };
  return { authentic: true, events: [event] };
}
