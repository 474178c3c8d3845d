import type { Contract } from "../contracts/contract";
import { contractLifecycle } from "../contracts/contract-status";
import type { Installment } from "../installments/installment";
import type { ServiceContext } from "../ports/service-context";

/**
 * Marks a contract `past_due` once its dunning schedule is spent with `installment` unpaid:
 * its customer is blocked from then on (derived: `blocksCustomer`), and unblocked by itself
 * when a payment of it succeeds (`activateContract` moves `past_due` back to `active`).
 * Compare-and-set on the contract; a contract already past due, or no longer collecting,
 * is left as it is. Emits `contract.past_due` with the move, and `customer.blocked` unless
 * another contract blocked the customer already.
 */
export async function markPastDue(
  ctx: ServiceContext,
  contractId: Contract["id"],
  installment: Installment,
): Promise<void> {
  await ctx.storage.transaction(async (tx) => {
    const contract = await tx.contracts.findById(contractId);
    if (contract?.status !== "active" || !contractLifecycle.canMove(contract.status, "past_due")) return;
    // Read before the move: a customer another contract blocks already is not blocked anew.
    const wasBlocked = (await tx.customers.findById(contract.customerId))?.status === "blocked";
    await tx.contracts.update({ ...contract, status: "past_due", updatedAt: ctx.clock.now() }, contract);
    const ids = { contractId: contract.id, customerId: contract.customerId };
    await tx.outbox.append([
      ctx.events("contract.past_due", { ...ids, installmentId: installment.id }, contract.unitId),
      ...(wasBlocked ? [] : [ctx.events("customer.blocked", ids, contract.unitId)]),
    ]);
  });
}
