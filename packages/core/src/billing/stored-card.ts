import type { Contract } from "../contracts/contract";
import type { Installment } from "../installments/installment";
import type { CardSummary } from "../payments/payment";
import type { ServiceContext } from "../ports/service-context";

/** A card the provider keeps for the customer (Cielo `CardToken`), and the gateway that keeps it. */
export interface StoredCard {
  gatewayId: string;
  token: string;
  /** The card as the payment that kept it described it: the next payment made with it starts from this. */
  summary: CardSummary;
}

/**
 * How many contracts back a renewal looks for its chain's card. Every card payment made with
 * a stored card keeps its token (`providerFieldsOf`), so the one before normally has it; a
 * few more steps cover renewals paid by other means (a PIX, the wallet).
 */
const chainSteps = 4;

/**
 * The card to charge a contract's due lines with: the reusable token of its latest paid card
 * payment (kept only when the buyer consented, `saveForRenewals`), looked for from the latest
 * confirmed period back (`lines`: the contract's installments, as the caller read them), then
 * in the contracts it renews (its chain), while the gateway that keeps it is still
 * registered. Null when there is none: the billing run sends a payment link instead.
 */
export async function storedCardOf(
  ctx: ServiceContext,
  contract: Pick<Contract, "renewsContractId">,
  lines: readonly Installment[],
): Promise<StoredCard | null> {
  let renews = contract.renewsContractId;
  let current = lines;
  for (let step = 0; ; step++) {
    const found = await cardIn(ctx, current);
    if (found || renews === null || step === chainSteps) return found;
    const previous = await ctx.storage.contracts.findById(renews);
    if (!previous) return null;
    renews = previous.renewsContractId;
    current = await ctx.storage.installments.listByContract(previous.id);
  }
}

async function cardIn(ctx: ServiceContext, lines: readonly Installment[]): Promise<StoredCard | null> {
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
        return { gatewayId: payment.gatewayId, token, summary: payment.card! };
    }
  }
  return null;
}
