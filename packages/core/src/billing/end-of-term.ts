import type { Contract, ContractTerms } from "../contracts/contract";
import {
  contractTermsOf,
  firstScheduleStep,
  scheduleContract,
  termEndsOn,
} from "../contracts/contract-schedule";
import { contractInstallments } from "../installments/contract-installments";
import type { Installment } from "../installments/installment";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import { addDays, type CalendarDate } from "../time/calendar-date";

/** What the end of its term did to a contract with a fixed number of periods. */
export type TermEnd =
  /** Ended, and a renewal (`origin: "renewal"`) starts the next day in its chain. */
  | { kind: "renewed"; renewal: Contract }
  /** Ended without renewing (`autoRenew` off). */
  | { kind: "ended" }
  /** Lines of it are still unpaid, in dunning: looked at again `until`. */
  | { kind: "postponed"; until: CalendarDate };

/**
 * Ends an active contract whose last period is over (`termEndsOn` has come), in the caller's
 * transaction, compare-and-set on its version (Tecnofit seed: "renewed automatically"):
 * - still owing a line (a month in dunning) it stays active and is looked at again
 *   tomorrow: a member behind on a month is not renewed until it is paid (or, the schedule
 *   spent, the contract is `past_due`; paying it later renews from the day the term ended,
 *   so the chain has no gap);
 * - `autoRenew`: a new contract in its chain starts the day after, on the unit's renewal
 *   terms (`Unit.renewalTerms`: the plan's as they are now, or the contract's own), on the
 *   chain's billing day, without the enrollment fee, `active` from its first day (a
 *   continuing member), its lines scheduled as a sale's are and charged by the billing run
 *   like any due line — the card kept in the chain, else a link;
 * - otherwise it ends.
 * The contract becomes `ended` on its last period's last day either way.
 */
export async function endTerm(
  ctx: ServiceContext,
  tx: Repositories,
  contract: Contract,
  lines: readonly Installment[],
  today: CalendarDate,
): Promise<TermEnd> {
  const now = ctx.clock.now();
  const renewsOn = termEndsOn(contract.terms, contract.startDate, contract.billingDay)!;
  if (lines.some((line) => line.status === "awaiting" || line.status === "denied")) {
    const until = addDays(today, 1);
    await tx.contracts.update({ ...contract, nextPeriodOn: until, updatedAt: now }, contract);
    return { kind: "postponed", until };
  }
  const ids = { contractId: contract.id, customerId: contract.customerId };
  let renewal: Contract | null = null;
  if (contract.terms.autoRenew) {
    const terms = await renewalTermsOf(tx, contract);
    renewal = {
      id: ctx.ids("contract"),
      unitId: contract.unitId,
      customerId: contract.customerId,
      planId: contract.planId,
      terms,
      status: "active",
      startDate: renewsOn,
      billingDay: contract.billingDay,
      endDate: null,
      nextPeriodOn: firstScheduleStep(terms, renewsOn, contract.billingDay),
      origin: "renewal",
      renewsContractId: contract.id,
      paymentIssue: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await tx.contracts.insert(renewal);
    await tx.installments.insertMany(
      contractInstallments(
        ctx,
        renewal,
        scheduleContract(terms, renewsOn, contract.billingDay),
        now,
        // A free period owes nothing: it is paid as it is scheduled, as a free sale's is.
        (line) => line.amount.amount === 0,
      ),
    );
  }
  await tx.contracts.update(
    { ...contract, status: "ended", endDate: addDays(renewsOn, -1), nextPeriodOn: null, updatedAt: now },
    contract,
  );
  await tx.outbox.append([
    ctx.events("contract.ended", { ...ids, renewedBy: renewal?.id ?? null }, contract.unitId),
    ...(renewal
      ? [
          ctx.events(
            "contract.created",
            { contractId: renewal.id, customerId: renewal.customerId, planId: renewal.planId },
            renewal.unitId,
          ),
          ctx.events(
            "contract.renewed",
            { contractId: renewal.id, customerId: renewal.customerId, renewsContractId: contract.id },
            renewal.unitId,
          ),
        ]
      : []),
  ]);
  return renewal ? { kind: "renewed", renewal } : { kind: "ended" };
}

/**
 * The terms a renewal takes: the plan's as they are today with the unit's client-paid fee
 * today (`renewalTerms: "plan"`, the default), or the ending contract's own (`"contract"`,
 * and whenever the plan is gone or no longer a recurring one) — never the enrollment fee.
 */
async function renewalTermsOf(tx: Repositories, contract: Contract): Promise<ContractTerms> {
  const unit = await tx.units.findById(contract.unitId);
  const plan = unit?.renewalTerms === "plan" ? await tx.plans.findById(contract.planId) : null;
  const terms =
    unit && plan && plan.kind === "recurring" && plan.price.currency === contract.terms.price.currency
      ? contractTermsOf(plan, unit.clientFeeBasisPoints)
      : contract.terms;
  return { ...terms, enrollmentFee: null };
}
