import type { Contract } from "../contracts/contract";
import type { AnyDomainEvent } from "../events/domain-event";
import type { Payment } from "../payments/payment";
import { providerMethodOf } from "../payments/payment-method";
import type { PaymentResult } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import { recurrenceTermsOf } from "./recurrence-request";

/** The answers after which the provider runs the recurrence: its first charge did not fail. */
const startedBy: ReadonlySet<PaymentResult["status"]> = new Set([
  "succeeded",
  "authorized",
  "processing",
  "pending",
  "requires_action",
]);

/**
 * Records the recurrence a create started, when its first answer carries the provider's id
 * of it (`recurrenceReference`), inside the transaction applying that answer. Called only
 * for a payment's first answer, so it inserts without reading first; two answers racing
 * conflict on the payment's version before they get here. A first charge that failed starts
 * nothing (the port asks the adapter to leave no recurrence behind a declined create).
 */
export async function recordRecurrence(
  ctx: ServiceContext,
  tx: Repositories,
  payment: Payment,
  news: PaymentResult,
  contract: Contract | null,
  events: AnyDomainEvent[],
): Promise<void> {
  if (news.status === "unknown" || !news.recurrenceReference || !startedBy.has(news.status)) return;
  if (!contract) return;
  const terms = recurrenceTermsOf(contract);
  if (!terms) return;
  const now = ctx.clock.now();
  const id = ctx.ids("recurrence");
  await tx.recurrences.insert({
    id,
    unitId: payment.unitId,
    customerId: payment.customerId,
    contractId: contract.id,
    gatewayId: payment.gatewayId,
    method: providerMethodOf(payment),
    firstPaymentId: payment.id,
    providerReference: news.recurrenceReference,
    status: "active",
    terms,
    lastSequence: 1,
    endedAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  events.push(
    ctx.events(
      "recurrence.started",
      { recurrenceId: id, contractId: contract.id, paymentId: payment.id },
      payment.unitId,
    ),
  );
}
