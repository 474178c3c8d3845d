import { type CallbackAttempt, createMtlsCallbackNotifier } from "../mtls/mtls-callback-notifier";
import type { TestCertificate } from "../test-pki";

/**
 * The PSP's callbacks: `POST {webhookUrl}/pix` with `{"pix":[…]}` (spec: `PUT
 * /webhook/{chave}`, callback `listaPix`), over HTTPS presenting the PSP's own client
 * certificate (Manual de Padrões, Anexo II: the receiver authenticates the PSP by mutual
 * TLS) and trusting the receiver's server certificate by the given CA. A delivery that fails
 * (a non-2xx answer, a connection error) is tried again after each of `retryDelaysMs`.
 */

/** The callback body (`WebhookPixBody`). */
type PixCallbackBody = { pix: Record<string, unknown>[] };

/**
 * One attempt to deliver a callback; its `url` is the registered `webhookUrl` with `/pix`
 * appended to its path.
 */
export type PspDelivery = CallbackAttempt<PixCallbackBody>;

export interface PspNotifier {
  /** Posts one callback body to the webhook registered at `webhookUrl`, retrying as configured. */
  send(webhookUrl: string, body: PixCallbackBody): void;
  /** Every attempt so far, oldest first. */
  deliveries(): PspDelivery[];
  /** Resolves once every callback sent so far has been delivered or has used up its retries. */
  settled(): Promise<void>;
  /** No more retries: pending pauses end at once, and the callbacks in flight finish with their current attempt. */
  stop(): Promise<void>;
}

/** `{webhookUrl}/pix`, keeping a query string where it belongs (after the path). */
export function callbackUrl(webhookUrl: string): URL {
  const url = new URL(webhookUrl);
  url.pathname = `${url.pathname.replace(/\/$/, "")}/pix`;
  return url;
}

export function createPspNotifier(options: {
  certificate: TestCertificate;
  ca: string;
  retryDelaysMs: readonly number[];
  /** False: callbacks are recorded (status null, "not sent") and never posted. */
  post: boolean;
  onNotification?: (notification: { url: string; body: PixCallbackBody }) => void;
}): PspNotifier {
  const notifier = createMtlsCallbackNotifier<PixCallbackBody>({
    certificate: options.certificate,
    ca: options.ca,
    retryDelaysMs: options.retryDelaysMs,
    post: options.post,
    // Any 2xx answer is a delivery (Inter's mock, by contrast, wants exactly 200).
    delivered: (status) => status >= 200 && status < 300,
  });
  return {
    ...notifier,
    send(webhookUrl, body) {
      const url = callbackUrl(webhookUrl);
      options.onNotification?.({ url: url.href, body });
      notifier.send(url.href, body);
    },
  };
}
