import type { Contract } from "../contracts/contract";
import { contractLifecycle } from "../contracts/contract-status";
import type { AnyDomainEvent } from "../events/domain-event";
import type { Installment } from "../installments/installment";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import { calendarDateInZone } from "../time/timezone";

/**
 * A pass whose payment came back in full ends with it (Otmechalka seed: refunding a pass
 * already attached to a visitor also ends it on the visitor's profile): its contract is
 * canceled, and its activation code revoked — an attached pass's validity ends today, in the
 * unit's timezone; an unattached one can no longer be attached. Inside the refund's
 * transaction; a contract that is not a pass, or no longer open, is left as it is.
 */
export async function endRefundedPass(
  ctx: ServiceContext,
  tx: Repositories,
  installments: readonly Installment[],
  events: AnyDomainEvent[],
): Promise<void> {
  const contractId = installments.find((installment) => installment.contractId !== null)?.contractId;
  if (!contractId) return;
  const contract: Contract | null = await tx.contracts.findById(contractId);
  if (contract?.terms.kind !== "pass") return;
  const unit = await tx.units.findById(contract.unitId);
  const now = ctx.clock.now();
  const today = calendarDateInZone(now, unit?.timeZone ?? "America/Sao_Paulo");
  const ids = { contractId: contract.id, customerId: contract.customerId };
  if (contractLifecycle.canMove(contract.status, "canceled")) {
    await tx.contracts.update(
      { ...contract, status: "canceled", endDate: today, nextPeriodOn: null, updatedAt: now },
      contract,
    );
    events.push(ctx.events("contract.canceled", { ...ids, reason: "refunded" }, contract.unitId));
  }
  const code = await tx.activationCodes.findByContract(contract.id);
  const revoked = code ? await tx.activationCodes.revoke(code.id, { endsOn: today }) : null;
  if (revoked) {
    events.push(
      ctx.events(
        "activation_code.revoked",
        {
          activationCodeId: revoked.id,
          contractId: contract.id,
          attachedCustomerId: revoked.attachedCustomerId,
        },
        contract.unitId,
      ),
    );
  }
}
