import { isTesseraError, type Tessera } from "@tessera/core";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "../logging/logger";
import { errorResponseFor } from "./error-responses";
import { proxyClientCertificate } from "./proxy-client-certificate";

/** Larger than any provider's notification; core refuses bodies past 5,000,000 characters too. */
const maxBodyBytes = 5_000_000;

/**
 * Statuses for what a provider can get wrong. A sender's mistake is a 4xx, so the provider
 * stops retrying something that will never work; a 5xx means "try again later", and is
 * kept for our own failures (the database down), which a retry does fix.
 */
const inputErrorStatus: Partial<Record<string, ContentfulStatusCode>> = {
  gateway_not_configured: 404,
  validation_failed: 400,
};

/** Errors answered as JSON `{ error: { code } }` — a provider reads no pages and no translations. */
function webhookErrorHandler(logger: Logger) {
  return (error: Error, c: Context) => {
    const code = isTesseraError(error) ? error.code : errorResponseFor(error).code;
    const status = inputErrorStatus[code] ?? (errorResponseFor(error).status as ContentfulStatusCode);
    if (status >= 500) {
      logger.error("webhook failed", { path: c.req.path, status, code, err: error });
    }
    return c.json({ error: { code } }, status);
  };
}

/**
 * `/webhooks` — provider notifications, mounted at `/webhooks`.
 *
 * `POST /webhooks/:gateway` hands the notification to core's inbox exactly as it arrived:
 * the raw body (a signature covers its bytes, so it is never parsed and re-serialized here),
 * the headers with lower-case names, and the full URL (some providers authenticate by a
 * secret in the query; core redacts it before keeping the URL). Answers 200 with the
 * receipt (`{ accepted: true, applied, duplicates, unmatched }`, a replay counted as a
 * duplicate), 401 with the reason when the notification is not authentic, 404 for a
 * gateway id that is not configured, 413 for a body too large. Behind a proxy that
 * terminates mutual TLS, `clientCertificateHeader` names the header it puts the verified
 * client certificate in (`proxyClientCertificate`).
 */
export function webhooksArea(deps: {
  tessera: Tessera;
  logger: Logger;
  /** The header a TLS-terminating proxy puts the verified client certificate in; null = none. */
  clientCertificateHeader: string | null;
}): Hono {
  const area = new Hono();
  area.use(
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => c.json({ error: { code: "payload_too_large" } }, 413),
    }),
  );
  const receive = async (c: Context) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of c.req.raw.headers) headers[name.toLowerCase()] = value;
    // The proxy's word on mutual TLS travels apart from the provider's headers, never kept as one of them.
    const certificate = deps.clientCertificateHeader
      ? proxyClientCertificate(headers[deps.clientCertificateHeader])
      : null;
    if (deps.clientCertificateHeader) delete headers[deps.clientCertificateHeader];
    const receipt = await deps.tessera.webhooks.receive(c.req.param("gateway") ?? "", {
      headers,
      rawBody: await c.req.text(),
      url: c.req.url,
      ...(certificate ? { verifiedClientCertificate: certificate } : {}),
    });
    return receipt.accepted ? c.json(receipt, 200) : c.json(receipt, 401);
  };
  area.post("/:gateway", receive);
  // A provider that adds a path after the registered URL (API Pix posts to `{url}/pix`).
  area.post("/:gateway/*", receive);
  area.onError(webhookErrorHandler(deps.logger));
  return area;
}
