import { writeFile } from "node:fs/promises";
import { request } from "node:https";
import { createServer } from "node:net";
import { join } from "node:path";
import type { ProviderAccountActor, Tessera } from "@tessera/core";
import type { TestPki } from "@tessera/pix-api/testing";
import type { ServerConfig, WebhookTlsConfig } from "../config/server-config";
import type { Logger } from "../logging/logger";
import { openWebhookTlsListener } from "./open-webhook-tls-listener";
import type { WebhookTlsListener } from "./webhook-tls-listener";

/** A port nobody listens on now, so the webhook URL can be known before the listener starts. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The `webhookTls` setting of a test server whose mutual-TLS listener will be on `port` (files written later). */
export function webhookTlsTestConfig(port: number): WebhookTlsConfig {
  return {
    port,
    host: "127.0.0.1",
    certificateFile: "",
    privateKeyFile: "",
    caFile: null,
    publicUrl: `https://127.0.0.1:${port}/`,
  };
}

/** The organization's owner, as the back office would act for them. */
export function testOwner(unit: { organizationId: string }): ProviderAccountActor {
  return {
    id: "stf_01JQ00000000000000000000AA",
    organizationId: unit.organizationId as ProviderAccountActor["organizationId"],
    role: "owner",
    scope: { kind: "organization" },
  };
}

/**
 * Test support: the server's mutual-TLS webhook listener started as `serve` starts it, with
 * a server certificate from `pki` (which the provider mocks trust) written to the data directory.
 */
export async function startTestWebhookListener(deps: {
  tessera: Tessera;
  config: ServerConfig;
  logger: Logger;
  pki: TestPki;
}): Promise<WebhookTlsListener> {
  const { config } = deps;
  if (config.webhookTls === null) throw new Error("the test server needs webhookTls (webhookTlsTestConfig)");
  const tls = deps.pki.issueServer(["127.0.0.1"]);
  const certificateFile = join(config.dataDir, "webhook-tls.crt");
  const privateKeyFile = join(config.dataDir, "webhook-tls.key");
  await writeFile(certificateFile, tls.certificate);
  await writeFile(privateKeyFile, tls.privateKey, { mode: 0o600 });
  return openWebhookTlsListener(
    { ...config, webhookTls: { ...config.webhookTls, certificateFile, privateKeyFile } },
    deps.tessera,
    deps.logger,
  );
}

/** Switches the unit's `method` to the provider account `accountId`, as staff do in the unit's settings. */
export async function payMethodThrough(
  tessera: Tessera,
  unitId: string,
  method: "card" | "pix" | "boleto",
  accountId: string,
): Promise<void> {
  const unit = await tessera.organizations.getUnitOrThrow(unitId as never);
  await tessera.organizations.updateUnit(unitId as never, {
    paymentMethods: unit.paymentMethods.map((entry) =>
      entry.method === method ? { ...entry, gatewayId: accountId, mode: "integrated" as const } : entry,
    ),
  });
}

/**
 * POSTs `body` to the listener on `port` as a provider would, presenting `client` as its TLS
 * identity (or none) and trusting the listener's certificate by `ca`. Rejects when the
 * handshake is refused: no HTTP answer ever comes.
 */
export function postOverMutualTls(options: {
  port: number;
  ca: string;
  path: string;
  client: { certificate: string; privateKey: string } | null;
  body: string;
}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: options.port,
        method: "POST",
        path: options.path,
        ca: options.ca,
        ...(options.client ? { cert: options.client.certificate, key: options.client.privateKey } : {}),
        headers: { "content-type": "application/json" },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}
