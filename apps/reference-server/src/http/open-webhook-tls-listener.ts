import { readFileSync } from "node:fs";
import { type Tessera, TesseraError } from "@tessera/core";
import type { ServerConfig, WebhookTlsConfig } from "../config/server-config";
import type { Logger } from "../logging/logger";
import { startWebhookTlsListener, type WebhookTlsListener } from "./webhook-tls-listener";
import { webhookTrustedCas } from "./webhook-trust";

function readPem(path: string, variable: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new TesseraError(
      "configuration_invalid",
      `${variable} names a file that cannot be read: ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
      {
        details: { issues: [{ path: [variable], code: "unreadable", message: "cannot be read" }] },
        cause: error,
      },
    );
  }
}

/**
 * `serve`'s mutual-TLS webhook listener, from `config.webhookTls`: the certificate, key and
 * operator CAs read from their files, the trust store following the provider accounts.
 * A certificate and key that do not make a TLS context are a configuration error naming the
 * variables, never a crash.
 */
export async function openWebhookTlsListener(
  config: ServerConfig & { webhookTls: WebhookTlsConfig },
  tessera: Tessera,
  logger: Logger,
): Promise<WebhookTlsListener> {
  const tls = config.webhookTls;
  const certificate = readPem(tls.certificateFile, "TESSERA_WEBHOOK_TLS_CERT_FILE");
  const privateKey = readPem(tls.privateKeyFile, "TESSERA_WEBHOOK_TLS_KEY_FILE");
  const operatorCas = tls.caFile === null ? [] : [readPem(tls.caFile, "TESSERA_WEBHOOK_TLS_CA_FILE")];
  try {
    const listener = await startWebhookTlsListener({
      tessera,
      logger,
      host: tls.host,
      port: tls.port,
      certificate,
      privateKey,
      trustedCas: () => webhookTrustedCas(tessera, operatorCas),
      clientCertificateHeader: config.clientCertificateHeader,
    });
    logger.info("mutual-TLS webhook listener", { host: tls.host, port: listener.port });
    return listener;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const listening = ["EADDRINUSE", "EACCES", "EADDRNOTAVAIL"].includes(code);
    throw new TesseraError(
      "configuration_invalid",
      listening
        ? `Cannot listen on ${tls.host}:${tls.port} for mutual-TLS webhooks (${code}): set TESSERA_WEBHOOK_TLS_PORT to a free port.`
        : `The mutual-TLS webhook listener cannot start with TESSERA_WEBHOOK_TLS_CERT_FILE and TESSERA_WEBHOOK_TLS_KEY_FILE: ${(error as Error).message}`,
      {
        details: {
          issues: [
            {
              path: [listening ? "TESSERA_WEBHOOK_TLS_PORT" : "TESSERA_WEBHOOK_TLS_CERT_FILE"],
              code: listening ? "listen_failed" : "invalid_certificate",
              message: listening ? code : "not a usable certificate and key",
            },
          ],
        },
        cause: error,
      },
    );
  }
}
