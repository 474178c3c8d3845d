import type { Contract } from "../contracts/contract";
import type { AnyDomainEvent } from "../events/domain-event";
import type { Payment } from "../payments/payment";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";

/**
 * Ends the recurrence a payment started when that payment — its charge 1 — ends unpaid (a
 * PagoLivre link that expired or was canceled, a charge that failed late), inside the
 * transaction applying that news. A provider that records its recurrence with the pending
 * link would otherwise leave it `active` for good: the contract would read as the provider's
 * to charge, and neither a retry nor the billing run would collect it. Reads nothing unless
 * the payment's method is one its gateway runs recurrences for.
 */
export async function endUnpaidRecurrence(
  ctx: ServiceContext,
  tx: Repositories,
  payment: Payment,
  contract: Contract | null,
  events: AnyDomainEvent[],
): Promise<void> {
  if (!contract || payment.method === "wallet") return;
  const gateway = ctx.gateways.find(payment.gatewayId);
  if (!gateway?.capabilities.providerRecurrence.includes(payment.method)) return;
  const started = (await tx.recurrences.listByContract(contract.id)).find(
    (recurrence) => recurrence.firstPaymentId === payment.id && recurrence.status === "active",
  );
  if (!started) return;
  const now = ctx.clock.now();
  await tx.recurrences.update({ ...started, status: "ended", endedAt: now, updatedAt: now });
  events.push(
    ctx.events(
      "recurrence.ended",
      { recurrenceId: started.id, contractId: contract.id, reason: "first_unpaid" },
      payment.unitId,
    ),
  );
}
