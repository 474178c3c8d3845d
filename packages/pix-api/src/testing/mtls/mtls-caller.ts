import { request } from "node:https";
import type { TestCertificate } from "../test-pki";

/**
 * Plain `node:https` requests presenting a client certificate: how a mock's own tests (and a
 * harness acting as a third party) talk to a loopback mock without the client under test, so
 * the client and the mock are never proven by each other.
 */

export interface MtlsCall {
  method: string;
  url: string;
  /** The client certificate to present; null presents none. */
  certificate: TestCertificate | null;
  /** The CA the server's certificate is checked against. */
  ca: string;
  headers?: Record<string, string>;
  /** Sent as is (a string) or as JSON. */
  body?: unknown;
}

export interface MtlsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON; undefined when it is empty or not JSON. */
  json: unknown;
}

/** Sends one request on its own connection; rejects when no HTTP answer comes (a refused handshake, a reset). */
export function mtlsCall(call: MtlsCall): Promise<MtlsAnswer> {
  const payload =
    call.body === undefined
      ? undefined
      : typeof call.body === "string"
        ? call.body
        : JSON.stringify(call.body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      call.url,
      {
        method: call.method,
        ca: call.ca,
        ...(call.certificate === null
          ? {}
          : { cert: call.certificate.certificate, key: call.certificate.privateKey }),
        agent: false,
        headers: {
          ...(payload === undefined
            ? {}
            : {
                "content-type": typeof call.body === "string" ? "text/plain" : "application/json",
                "content-length": String(Buffer.byteLength(payload)),
              }),
          ...call.headers,
        },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = text === "" ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text, json });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(payload);
  });
}
