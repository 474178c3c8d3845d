import type { Contract } from "../contracts/contract";
import type { Payment } from "../payments/payment";
import { providerMethodOf } from "../payments/payment-method";
import type { RecurrenceRequest } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import { calendarDateInZone } from "../time/timezone";
import { recurrenceRequestFor } from "./recurrence-request";

/**
 * The recurrence a new attempt at a contract's first charge asks for: the same a sale asks
 * for, unless the contract already has a live one (a recurrence is never started twice, or
 * the payer would be charged twice a month) or the attempt is not at the first period.
 */
export async function retryRecurrence(
  ctx: ServiceContext,
  storage: Repositories,
  contract: Contract,
  payment: Payment,
  timeZone: string,
): Promise<RecurrenceRequest | null> {
  const capabilities = ctx.gateways.get(payment.gatewayId).capabilities;
  const method = providerMethodOf(payment);
  if (!capabilities.providerRecurrence.includes(method)) return null;
  const installments = await storage.installments.findByIds(payment.installmentIds);
  if (!installments.some((installment) => installment.sequence === 1)) return null;
  const recurrences = await storage.recurrences.listByContract(contract.id);
  if (recurrences.some((recurrence) => recurrence.status === "active")) return null;
  return recurrenceRequestFor(capabilities, method, contract, calendarDateInZone(ctx.clock.now(), timeZone));
}
