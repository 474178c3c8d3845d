import { type Clock, instantToMillis, type ProviderLog } from "@tessera/core";

/** How long after a failed registration the next create tries again. */
const retryAfterMs = 15 * 60_000;

import type { PixApiClient } from "@tessera/pix-api";

/**
 * Registers the installation's webhook for the account's Pix key (`PUT /webhook/{chave}`) once
 * per gateway, on its first create — never at start-up, where a provider account must build
 * without a network call. The PSP posts to the URL with `/pix` appended. A registration the
 * PSP refuses or cannot take now never blocks a sale: it is logged, and tried again on the
 * first create after a quarter of an hour; payments are still found by lookup.
 */
export function createWebhookRegistration(deps: {
  client: PixApiClient;
  pixKey: string;
  webhookUrl: string | null;
  gatewayId: string;
  log: ProviderLog;
  clock: Clock;
}) {
  let registered = deps.webhookUrl === null;
  let inFlight: Promise<void> | null = null;
  let notBefore = 0;
  return {
    /** Resolves once registered, or once the attempt failed (logged); never rejects. */
    ensure(): Promise<void> {
      if (registered || deps.webhookUrl === null) return Promise.resolve();
      if (inFlight === null && instantToMillis(deps.clock.now()) < notBefore) return Promise.resolve();
      const webhookUrl = deps.webhookUrl;
      inFlight ??= deps.client
        .putWebhook(deps.pixKey, webhookUrl)
        .then(() => {
          registered = true;
          deps.log({
            level: "info",
            message: "pix webhook registered",
            data: { gateway: deps.gatewayId, webhookUrl },
          });
        })
        .catch((error: unknown) => {
          notBefore = instantToMillis(deps.clock.now()) + retryAfterMs;
          deps.log({
            level: "warn",
            message: "pix webhook registration failed; payments are confirmed by lookup until it succeeds",
            data: {
              gateway: deps.gatewayId,
              webhookUrl,
              error: error instanceof Error ? error.message : String(error),
            },
          });
        })
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
  };
}
