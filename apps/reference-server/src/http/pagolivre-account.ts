import { type PagoLivreMock, startPagoLivreMock } from "@tessera/adapter-pagolivre/testing";
import type { Tessera } from "@tessera/core";
import { testOwner } from "./test-webhook-listener";

export interface PagoLivreAccount {
  pagolivre: PagoLivreMock;
  accountId: string;
  close(): Promise<void>;
}

/**
 * Test support: a studio's unit connected to PagoLivre as staff would do it from the back
 * office — the loopback PagoLivre (`@tessera/adapter-pagolivre/testing`) started, a
 * `pagolivre` account made with its token and address, and the unit offering payment links
 * through it. The server needs a public URL: each order carries its callback URL. The mock's
 * lookup rate limit is off here (a browser pays within PagoLivre's first five seconds); the
 * adapter's own tests keep it on.
 */
export async function connectPagoLivreAccount(deps: {
  tessera: Tessera;
  unit: { id: string; organizationId: string };
}): Promise<PagoLivreAccount> {
  const pagolivre = await startPagoLivreMock({ enforceLookupRateLimit: false, retryDelaysMs: [20, 100] });
  const accountId = "pagolivre-centro";
  await deps.tessera.providerAccounts.create(testOwner(deps.unit), {
    unitId: deps.unit.id,
    kind: "pagolivre",
    id: accountId,
    label: "PagoLivre — Centro",
    options: { sandbox: true, token: pagolivre.token, baseUrl: pagolivre.baseUrl },
  });
  const unit = await deps.tessera.organizations.getUnitOrThrow(deps.unit.id as never);
  await deps.tessera.organizations.updateUnit(deps.unit.id as never, {
    paymentMethods: [
      ...unit.paymentMethods.filter((entry) => entry.method !== "payment_link"),
      { method: "payment_link", gatewayId: accountId, mode: "integrated" as const },
    ],
  });
  return { pagolivre, accountId, close: () => pagolivre.close() };
}
