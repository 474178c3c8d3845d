import { type Clock, instantToMillis, type ProviderLog } from "@tessera/core";

/** How long after a failed registration the next attempt may be made. */
const retryAfterMs = 15 * 60_000;

/** A webhook registration made once per gateway, lazily (`ensure`), never blocking what called it. */
export interface WebhookRegistration {
  /** Resolves once registered, or once the attempt failed (logged); never rejects. */
  ensure(): Promise<void>;
}

/**
 * Registers an account's webhook at its provider (API Pix `PUT /webhook/{chave}`, Inter's
 * `PUT /cobranca/v3/cobrancas/webhook`) once per gateway, on its first create — never at
 * start-up, where a provider account must build without a network call. A registration the
 * provider refuses or cannot take now never blocks a sale: it is logged, and tried again by
 * the first create after a quarter of an hour; payments are still found by lookup.
 */
export function createWebhookRegistration(deps: {
  /** Sends the registration; null `webhookUrl` means the installation has no public address. */
  register: (webhookUrl: string) => Promise<void>;
  webhookUrl: string | null;
  gatewayId: string;
  log: ProviderLog;
  clock: Clock;
}): WebhookRegistration {
  let registered = deps.webhookUrl === null;
  let inFlight: Promise<void> | null = null;
  let notBefore = 0;
  return {
    ensure(): Promise<void> {
      if (registered || deps.webhookUrl === null) return Promise.resolve();
      if (inFlight === null && instantToMillis(deps.clock.now()) < notBefore) return Promise.resolve();
      const webhookUrl = deps.webhookUrl;
      inFlight ??= deps
        .register(webhookUrl)
        .then(() => {
          registered = true;
          deps.log({
            level: "info",
            message: "webhook registered",
            data: { gateway: deps.gatewayId, webhookUrl },
          });
        })
        .catch((error: unknown) => {
          notBefore = instantToMillis(deps.clock.now()) + retryAfterMs;
          deps.log({
            level: "warn",
            message: "webhook registration failed; payments are confirmed by lookup until it succeeds",
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
