import { type InterMock, startInterMock } from "@tessera/adapter-inter/testing";
import type { Tessera } from "@tessera/core";
import type { TestPki } from "@tessera/pix-api/testing";
import { payMethodThrough, testOwner } from "./test-webhook-listener";

export interface InterAccount {
  inter: InterMock;
  accountId: string;
  webhookUrl: string | null;
  close(): Promise<void>;
}

/**
 * Test support: a studio's unit connected to Banco Inter as staff would do it from the back
 * office — the loopback Inter (`@tessera/adapter-inter/testing`) started, issuing boletos only
 * when told (`inter.issue`), an `inter` provider account made with its credentials,
 * certificates and webhook CA, the unit's boletos switched to it. The test starts the
 * server's listener (`startTestWebhookListener`), which trusts Inter's webhook CA through it.
 */
export async function connectInterAccount(deps: {
  tessera: Tessera;
  unit: { id: string; organizationId: string };
  pki: TestPki;
}): Promise<InterAccount> {
  const { tessera, pki } = deps;
  const inter = await startInterMock({ pki, issue: "manual", retryDelaysMs: [20, 100] });
  const accountId = "inter-centro";
  const account = await tessera.providerAccounts.create(testOwner(deps.unit), {
    unitId: deps.unit.id,
    kind: "inter",
    id: accountId,
    label: "Banco Inter — Centro",
    options: {
      baseUrl: inter.baseUrl,
      clientId: inter.clientId,
      clientSecret: inter.clientSecret,
      certificate: inter.clientCertificate.certificate,
      privateKey: inter.clientCertificate.privateKey,
      webhookCaCertificate: inter.webhookCaCertificate,
      ca: pki.caCertificate,
    },
  });
  await payMethodThrough(tessera, deps.unit.id, "boleto", accountId);
  return {
    inter,
    accountId,
    webhookUrl: account.webhookUrl,
    close: () => inter.close(),
  };
}
