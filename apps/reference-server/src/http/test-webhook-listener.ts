import { writeFile } from "node:fs/promises";
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
  method: "pix" | "boleto",
  accountId: string,
): Promise<void> {
  const unit = await tessera.organizations.getUnitOrThrow(unitId as never);
  await tessera.organizations.updateUnit(unitId as never, {
    paymentMethods: unit.paymentMethods.map((entry) =>
      entry.method === method ? { ...entry, gatewayId: accountId, mode: "integrated" as const } : entry,
    ),
  });
}
