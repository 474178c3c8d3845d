import type { Installment } from "../installments/installment";
import type { ServiceContext } from "../ports/service-context";

/** A card the provider keeps for the customer (Cielo `CardToken`), and the gateway that keeps it. */
export interface StoredCard {
  gatewayId: string;
  token: string;
}

/**
 * The card to charge a contract's renewals with: the reusable token of its latest paid card
 * payment (kept only when the buyer consented, `saveForRenewals`), looked for from the latest
 * confirmed period back (`lines`: the contract's installments, as the caller read them),
 * while the gateway that keeps it is still registered. Null when
 * there is none: the billing run sends a payment link instead.
 */
export async function storedCardOf(
  ctx: ServiceContext,
  lines: readonly Installment[],
): Promise<StoredCard | null> {
  const paid = lines
    .filter((installment) => installment.status === "confirmed")
    .sort((a, b) => b.sequence - a.sequence);
  const seen = new Set<string>();
  for (const installment of paid) {
    for (const payment of (await ctx.storage.payments.listByInstallment(installment.id)).reverse()) {
      if (seen.has(payment.id)) continue;
      seen.add(payment.id);
      const token = payment.card?.reusableToken;
      if (payment.method === "card" && token && ctx.gateways.find(payment.gatewayId))
        return { gatewayId: payment.gatewayId, token };
    }
  }
  return null;
}
