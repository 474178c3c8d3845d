import type { Tessera } from "@tessera/core";
import { type PixPspMock, startPixPspMock, type TestPki } from "@tessera/pix-api/testing";
import { payMethodThrough, testOwner } from "./test-webhook-listener";

export interface PixPspAccount {
  psp: PixPspMock;
  accountId: string;
  /** The URL the account registers at the PSP (the PSP adds `/pix`). */
  webhookUrl: string | null;
  close(): Promise<void>;
}

/**
 * Test support: a studio's unit connected to a PSP's API Pix as staff would do it from the
 * back office — the loopback PSP (`@tessera/pix-api/testing`) started, a `pix` provider
 * account made with its credentials and certificates, the unit's PIX switched to it. The
 * test starts the server's listener (`startTestWebhookListener`).
 */
export async function connectPixPspAccount(deps: {
  tessera: Tessera;
  unit: { id: string; organizationId: string };
  pki: TestPki;
}): Promise<PixPspAccount> {
  const { tessera, pki } = deps;
  const psp = await startPixPspMock({ pki, notify: true, retryDelaysMs: [20, 100] });
  const accountId = "pix-centro";
  const account = await tessera.providerAccounts.create(testOwner(deps.unit), {
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
  await payMethodThrough(tessera, deps.unit.id, "pix", accountId);
  return {
    psp,
    accountId,
    webhookUrl: account.webhookUrl,
    close: () => psp.close(),
  };
}
