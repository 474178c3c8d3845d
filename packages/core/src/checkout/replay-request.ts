import type { ResourceReference } from "../idempotency/resource-reference";
import type { Id } from "../ids/id";
import type { Money } from "../money/money";
import { wasNeverSent } from "../payments/not-sent";
import type { Payment } from "../payments/payment";
import type { PaymentMethod } from "../payments/payment-method";
import type { CreatePaymentRequest } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import type { CalendarDate } from "../time/calendar-date";
import { collectPayment } from "./collect-payment";
import { answeredLatestAttempt } from "./latest-attempt";
import { writeNextAttempt } from "./next-attempt";
import { type SaleOutcome, saleOutcomeOf } from "./sale-outcome";
import { loadContractSaleRecords, loadSaleState } from "./sale-state";

/** How to make a fresh attempt for a replayed request: its method, and its gateway request. */
export interface Resubmission {
  method: PaymentMethod;
  gatewayId: string;
  /** The lines the fresh attempt pays: every unpaid one due by this day (`retry`'s `lines: "due"`); the first unpaid ones when left out. */
  dueOn?: CalendarDate;
  /** A split payment's wallet part, taken again for the fresh attempt (the first one's was given back). */
  fromBalance?: { amount: Money; actor: string };
  /** The gateway request for the new payment row (with the card the replaying request carries). */
  request(payment: Payment, contractId: Id<"contract">): Promise<CreatePaymentRequest>;
}

/**
 * Answers a request whose idempotency key was seen before — the one replay path of a sale
 * and a retry, so both behave alike:
 * - the latest attempt at the same installments has an answer: that answer, `replayed`;
 * - it has none yet: the provider is asked by our reference right away; while it has no
 *   record and the first call may still be in flight, `idempotency_key_in_use` with
 *   `details.retryAfterSeconds`;
 * - it provably charged nothing (never received, or refused by the gateway before charging):
 *   a fresh attempt under a new reference, answered with its real outcome.
 */
export async function replayRequest(
  ctx: ServiceContext,
  reference: ResourceReference,
  resubmission: Resubmission,
): Promise<SaleOutcome> {
  if (reference.kind === "contract") {
    return {
      ...(await loadContractSaleRecords(ctx.storage, reference.id, true)),
      status: "no_charge",
      payment: null,
    };
  }
  if (reference.kind !== "payment")
    throw new Error(`a sale's idempotency key names ${reference.kind} ${reference.id}`);
  const latest = await answeredLatestAttempt(ctx, reference.id);
  const state = await loadSaleState(ctx.storage, latest.id, true);
  if (!wasNeverSent(latest)) return saleOutcomeOf(state);

  const next = await ctx.storage.transaction((tx) =>
    writeNextAttempt(ctx, tx, {
      contractId: state.contract.id,
      method: resubmission.method,
      gatewayId: resubmission.gatewayId,
      after: latest.id,
      ...(resubmission.dueOn === undefined ? {} : { dueOn: resubmission.dueOn }),
      ...(resubmission.fromBalance ? { fromBalance: resubmission.fromBalance } : {}),
    }),
  );
  if (next === null) return replayRequest(ctx, reference, resubmission);
  return collectPayment(ctx, next.payment, await resubmission.request(next.payment, next.contract.id), true);
}
