import { type CieloMock, startCieloMock } from "@tessera/adapter-cielo/testing";
import type { Tessera } from "@tessera/core";
import { payMethodThrough, testOwner } from "./test-webhook-listener";

export interface CieloAccount {
  cielo: CieloMock;
  accountId: string;
  /** The custom header the store set beside its notification URL in Cielo's portal. */
  notificationHeader: { name: string; value: string };
  close(): Promise<void>;
}

/**
 * Test support: a studio's unit connected to Cielo as staff would do it from the back office
 * — the loopback Cielo (`@tessera/adapter-cielo/testing`: transaction, query and Silent Order
 * Post hosts) started in sandbox mode, a `cielo` provider account made with its credentials and
 * addresses, the unit's cards switched to it, and Cielo's notifications pointed at the
 * server's webhook URL for the account (`origin` + `/webhooks/<account>`) with the header.
 */
export async function connectCieloAccount(deps: {
  tessera: Tessera;
  unit: { id: string; organizationId: string };
  origin: string;
}): Promise<CieloAccount> {
  const cielo = await startCieloMock({ retryDelaysMs: [20, 100] });
  const accountId = "cielo-centro";
  const notificationHeader = { name: "X-Studio-Notification", value: "studio-cielo-notification-secret" };
  await deps.tessera.providerAccounts.create(testOwner(deps.unit), {
    unitId: deps.unit.id,
    kind: "cielo",
    id: accountId,
    label: "Cielo — Centro",
    options: {
      sandbox: true,
      merchantId: cielo.merchantId,
      merchantKey: cielo.merchantKey,
      sopClientId: cielo.sopClientId,
      sopClientSecret: cielo.sopClientSecret,
      notificationHeaderName: notificationHeader.name,
      notificationHeaderValue: notificationHeader.value,
      apiUrl: cielo.apiUrl,
      queryUrl: cielo.queryUrl,
      sopAuthUrl: cielo.sopUrl,
      sopUrl: cielo.sopUrl,
      sopScriptUrl: cielo.sopScriptUrl,
    },
  });
  await payMethodThrough(deps.tessera, deps.unit.id, "card", accountId);
  cielo.notifyTo(`${deps.origin}/webhooks/${accountId}`, {
    [notificationHeader.name]: notificationHeader.value,
  });
  return { cielo, accountId, notificationHeader, close: () => cielo.close() };
}
