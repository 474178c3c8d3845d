import { createPrivateKey, X509Certificate } from "node:crypto";
import { Agent, request as httpsRequest } from "node:https";
import type { TLSSocket } from "node:tls";
import { gatewayError } from "@tessera/core";

/** One HTTP request as the API Pix client sends it. */
export interface PixHttpRequest {
  method: "GET" | "PUT" | "POST" | "PATCH" | "DELETE";
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body?: string;
}

/** The answer, body as text: problem+json and plain errors are told apart by the caller. */
export interface PixHttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends one request. The client is given one, so tests replay a PSP's documented answers
 * through a function of their own and inspect what was sent (STYLE 19).
 */
export type PixTransport = (request: PixHttpRequest) => Promise<PixHttpResponse>;

/**
 * A request that failed on the way, said the way recovery needs it:
 * - `not_sent`: the connection or its TLS handshake failed before a byte of the request left
 *   this process (refused, no such host, a certificate refused) — nothing can have happened;
 * - `unknown`: it was sent, and the answer never came (a timeout, a reset, a hang-up) — the
 *   PSP may have done it.
 */
export class PixTransportError extends Error {
  override readonly name = "PixTransportError";
  constructor(
    readonly kind: "not_sent" | "unknown",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The TLS identity the PSP issued: the same for the token endpoint and the API (Manual, Anexo II). */
export interface MtlsIdentity {
  /** The client certificate, PEM. */
  certificate: string;
  /** Its private key, PEM. */
  privateKey: string;
  /** The CA of the PSP's server certificate, PEM, when it is not one the system trusts. */
  ca?: string;
}

export interface MtlsTransportOptions {
  identity: MtlsIdentity;
  /** How long an answer may take once the request is sent (default 20 s). */
  timeoutMs?: number;
  /** Errors name it (the gateway id). */
  origin: string;
}

/**
 * Checks the identity before any call: a certificate or key that does not parse, or a key
 * that is not the certificate's, is the operator's to fix, so it fails at configuration
 * rather than on a buyer's payment.
 */
function checkIdentity(identity: MtlsIdentity, origin: string): void {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(identity.certificate);
  } catch (cause) {
    throw gatewayError(origin, "gateway_configuration", "The client certificate is not a PEM certificate.", {
      details: {
        issues: [{ path: ["certificate"], code: "invalid_certificate", message: "not a certificate" }],
      },
      cause,
    });
  }
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(identity.privateKey);
  } catch (cause) {
    throw gatewayError(origin, "gateway_configuration", "The private key is not a PEM private key.", {
      details: { issues: [{ path: ["privateKey"], code: "invalid_key", message: "not a private key" }] },
      cause,
    });
  }
  if (!certificate.checkPrivateKey(key)) {
    throw gatewayError(
      origin,
      "gateway_configuration",
      "The private key does not belong to the client certificate.",
      {
        details: {
          issues: [{ path: ["privateKey"], code: "key_mismatch", message: "not the certificate's key" }],
        },
      },
    );
  }
  if (identity.ca !== undefined) {
    try {
      new X509Certificate(identity.ca);
    } catch (cause) {
      throw gatewayError(origin, "gateway_configuration", "The PSP's CA is not a PEM certificate.", {
        details: { issues: [{ path: ["ca"], code: "invalid_certificate", message: "not a certificate" }] },
        cause,
      });
    }
  }
}

/**
 * HTTPS with a client certificate, through `node:https` and a keep-alive agent of its own:
 * Node's global `fetch` cannot present a client certificate. Each failure says whether the
 * request left (`PixTransportError`), which decides whether anything may be retried.
 *
 * @example
 * ```ts
 * const transport = createMtlsTransport({ identity: { certificate, privateKey }, origin: "pix-centro" });
 * const answer = await transport({ method: "GET", url: "https://psp.example/v2/cob/abc…", headers: {} });
 * ```
 */
export function createMtlsTransport(options: MtlsTransportOptions): PixTransport & { close(): void } {
  checkIdentity(options.identity, options.origin);
  const timeoutMs = options.timeoutMs ?? 20_000;
  const agent = new Agent({
    keepAlive: true,
    maxSockets: 16,
    cert: options.identity.certificate,
    key: options.identity.privateKey,
    ...(options.identity.ca === undefined ? {} : { ca: options.identity.ca }),
  });
  const transport: PixTransport = (request) =>
    new Promise<PixHttpResponse>((resolve, reject) => {
      let sent = false;
      const headers: Record<string, string> = { ...request.headers };
      if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
      const outgoing = httpsRequest(request.url, { method: request.method, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const answerHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined)
              answerHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
          }
          resolve({
            status: response.statusCode ?? 0,
            headers: answerHeaders,
            body: Buffer.concat(chunks).toString("utf8"),
          });
        });
        response.on("error", (cause) =>
          reject(new PixTransportError("unknown", "The PSP's answer broke off.", { cause })),
        );
      });
      outgoing.on("socket", (socket: TLSSocket) => {
        // A kept-alive socket is connected already: the request leaves on it at once.
        if (!socket.connecting && socket.encrypted) sent = true;
        else socket.once("secureConnect", () => (sent = true));
      });
      outgoing.setTimeout(timeoutMs, () =>
        outgoing.destroy(
          new PixTransportError(sent ? "unknown" : "not_sent", `No answer within ${timeoutMs} ms.`),
        ),
      );
      outgoing.on("error", (cause) => {
        if (cause instanceof PixTransportError) return reject(cause);
        reject(
          new PixTransportError(
            sent ? "unknown" : "not_sent",
            sent ? "The connection to the PSP broke after the request was sent." : "Could not reach the PSP.",
            { cause },
          ),
        );
      });
      outgoing.end(request.body);
    });
  return Object.assign(transport, { close: () => agent.destroy() });
}
