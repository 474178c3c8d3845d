import { writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import type { ProviderAccountActor, Tessera } from "@tessera/core";
import { type PixPspMock, startPixPspMock, type TestPki } from "@tessera/pix-api/testing";
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

export interface PixPspAccount {
  psp: PixPspMock;
  listener: WebhookTlsListener;
  accountId: string;
  /** The URL the account registers at the PSP (the PSP adds `/pix`). */
  webhookUrl: string | null;
  close(): Promise<void>;
}

/**
 * Test support: a studio's unit connected to a PSP's API Pix as staff would do it from the
 * back office — the loopback PSP (`@tessera/pix-api/testing`) started, a `pix` provider
 * account made with its credentials and certificates, the unit's PIX switched to it — and
 * the server's mutual-TLS webhook listener started as `serve` starts it, with a server
 * certificate from `pki` written to the data directory.
 */
export async function connectPixPspAccount(deps: {
  tessera: Tessera;
  config: ServerConfig;
  logger: Logger;
  unit: { id: string; organizationId: string };
  pki: TestPki;
}): Promise<PixPspAccount> {
  const { tessera, config, pki } = deps;
  if (config.webhookTls === null) throw new Error("the test server needs webhookTls (webhookTlsTestConfig)");
  const psp = await startPixPspMock({ pki, notify: true, retryDelaysMs: [20, 100] });
  const tls = pki.issueServer(["127.0.0.1"]);
  const certificateFile = join(config.dataDir, "webhook-tls.crt");
  const privateKeyFile = join(config.dataDir, "webhook-tls.key");
  await writeFile(certificateFile, tls.certificate);
  await writeFile(privateKeyFile, tls.privateKey, { mode: 0o600 });
  const owner: ProviderAccountActor = {
    id: "stf_01JQ00000000000000000000AA",
    organizationId: deps.unit.organizationId as ProviderAccountActor["organizationId"],
    role: "owner",
    scope: { kind: "organization" },
  };
  const accountId = "pix-centro";
  const account = await tessera.providerAccounts.create(owner, {
    unitId: deps.unit.id,
    kind: "pix",
    id: accountId,
    label: "PIX — Banco do Mock",
    options: {
      baseUrl: psp.baseUrl,
      tokenUrl: psp.tokenUrl,
      clientId: psp.clientId,
      clientSecret: psp.clientSecret,
      certificate: psp.clientCertificate.certificate,
      privateKey: psp.clientCertificate.privateKey,
      ca: pki.caCertificate,
      pixKey: psp.chave,
      merchantName: "Estudio Aurora",
      merchantCity: "SAO PAULO",
      webhookCa: pki.caCertificate,
    },
  });
  const unit = await tessera.organizations.getUnitOrThrow(deps.unit.id as never);
  await tessera.organizations.updateUnit(deps.unit.id as never, {
    paymentMethods: unit.paymentMethods.map((method) =>
      method.method === "pix" ? { ...method, gatewayId: accountId, mode: "integrated" as const } : method,
    ),
  });
  const listener = await openWebhookTlsListener(
    { ...config, webhookTls: { ...config.webhookTls, certificateFile, privateKeyFile } },
    tessera,
    deps.logger,
  );
  return {
    psp,
    listener,
    accountId,
    webhookUrl: account.webhookUrl,
    async close() {
      await listener.close();
      await psp.close();
    },
  };
}
