import type { ActivationCode } from "../activation/activation-code";
import { issueActivationCode } from "../activation/activation-code-issuer";
import { noMoreAttempts } from "../billing/dunning-schedule";
import type { AnyDomainEvent } from "../events/domain-event";
import type { Id } from "../ids/id";
import type { Installment } from "../installments/installment";
import { installmentLifecycle } from "../installments/installment-status";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import type { Contract } from "./contract";
import { contractLifecycle } from "./contract-status";

/**
 * Marks paid installments confirmed, in one statement for all of them (they change alike);
 * one already confirmed (a replayed answer) stays as it is. Returns them in the given order.
 */
export async function confirmInstallments(
  tx: Repositories,
  installments: readonly Installment[],
  now: string,
): Promise<Installment[]> {
  const changes = installments
    .filter((installment) => installmentLifecycle.canMove(installment.status, "confirmed"))
    .map((previous) => ({
      installment: { ...previous, status: "confirmed" as const, confirmedAt: now, updatedAt: now },
      previous,
    }));
  const confirmed = new Map((await tx.installments.updateMany(changes)).map((i) => [i.id, i]));
  return installments.map((installment) => confirmed.get(installment.id) ?? installment);
}

/**
 * False while a `past_due` contract still owes a line whose dunning schedule is spent
 * (`noMoreAttempts`): paying a later month does not lift the block that an earlier one set.
 * Other contracts need no read.
 */
async function isPaidUp(tx: Repositories, contract: Contract): Promise<boolean> {
  if (contract.status !== "past_due") return true;
  return !(await tx.installments.listByContract(contract.id)).some(
    (line) =>
      (line.status === "awaiting" || line.status === "denied") && line.nextAttemptOn === noMoreAttempts,
  );
}

/** The contract as activation left it, and the activation code it issued, if any. */
export interface Activation {
  contract: Contract;
  activationCode: ActivationCode | null;
}

/**
 * What paying a contract's installments does to the contract: it becomes `active` and loses
 * its payment issue; the first time (`pending_payment` → `active`) the sale is complete and a
 * `staff_code` plan gets its activation code. Shared by a paid payment and by a sale with
 * nothing to collect, so a free plan activates exactly as a paid one does.
 */
export async function activateContract(
  ctx: ServiceContext,
  tx: Repositories,
  contract: Contract,
  paymentId: Id<"payment"> | null,
  events: AnyDomainEvent[],
): Promise<Activation> {
  const wasPending = contract.status === "pending_payment";
  const moves = contractLifecycle.canMove(contract.status, "active") && (await isPaidUp(tx, contract));
  if (!moves && contract.paymentIssue === null) return { contract, activationCode: null };
  const now = ctx.clock.now();
  const updated = await tx.contracts.update(
    { ...contract, status: moves ? "active" : contract.status, paymentIssue: null, updatedAt: now },
    contract,
  );
  if (!moves) return { contract: updated, activationCode: null };
  events.push(
    ctx.events(
      "contract.activated",
      { contractId: contract.id, customerId: contract.customerId },
      contract.unitId,
    ),
  );
  if (!wasPending) return { contract: updated, activationCode: null };
  events.push(
    ctx.events(
      "sale.completed",
      { contractId: contract.id, customerId: contract.customerId, paymentId },
      contract.unitId,
    ),
  );
  if (contract.terms.activationMode !== "staff_code") return { contract: updated, activationCode: null };
  const code = await issueActivationCode(ctx, tx, contract);
  events.push(
    ctx.events(
      "activation_code.issued",
      { activationCodeId: code.id, contractId: contract.id },
      contract.unitId,
    ),
  );
  return { contract: updated, activationCode: code };
}
