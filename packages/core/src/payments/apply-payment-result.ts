import { issueActivationCode } from "../activation/activation-code-issuer";
import type { Contract } from "../contracts/contract";
import { contractLifecycle } from "../contracts/contract-status";
import type { AnyDomainEvent } from "../events/domain-event";
import type { Installment } from "../installments/installment";
import { installmentLifecycle } from "../installments/installment-status";
import type { PaymentResult } from "../ports/gateway";
import type { Repositories } from "../ports/storage";
import type { ServiceContext } from "../tessera/service-context";
import type { Payment } from "./payment";
import { type PaymentStatus, paymentLifecycle } from "./payment-status";

/**
 * News about a payment: the provider's answer or report, or a refusal before it reached
 * the provider (a `GatewayError` for an invalid request), which is a failure we can prove.
 */
export type PaymentNews = PaymentResult | { status: "refused"; code: string; message: string };

function targetStatus(news: PaymentNews): PaymentStatus {
  switch (news.status) {
    case "declined":
    case "refused":
      return "failed";
    default:
      return news.status;
  }
}

/**
 * Applies news about a payment to everything it touches — the payment, its installments,
 * its contract, the customer's derived block, the activation code — and writes the events,
 * all inside the caller's transaction. The one place where payment news takes effect, so
 * the sale's answer, a refresh, recovery and webhooks all converge to the same state:
 * - news that is not a forward move of the payment's lifecycle (a late "pending" after
 *   "succeeded", a replayed webhook) changes nothing;
 * - an `unknown` answer only marks a payment that has had no answer yet;
 * - a failure sets the contract's payment issue only when it is the contract's latest
 *   attempt, so an old attempt failing late does not block a customer who since paid.
 */
export async function applyPaymentResult(
  ctx: ServiceContext,
  tx: Repositories,
  paymentId: Payment["id"],
  news: PaymentNews,
): Promise<Payment> {
  const current = await tx.payments.findById(paymentId);
  if (!current) throw new Error(`payment ${paymentId} vanished inside its own transaction`);
  const target = targetStatus(news);
  const now = ctx.clock.now();

  if (news.status === "unknown") {
    if (current.rawStatus !== null || current.status === "unknown") return current;
    return tx.payments.update({ ...current, status: "unknown", failureMessage: news.reason, updatedAt: now });
  }

  const providerFields: Partial<Payment> =
    news.status === "refused"
      ? { failureCode: news.code, failureMessage: news.message, rawStatus: "refused" }
      : {
          providerReference: news.providerReference ?? current.providerReference,
          rawStatus: news.rawStatus,
          ...("action" in news ? { action: news.action } : {}),
          ...("card" in news && news.card ? { card: news.card } : {}),
          ...(news.status === "declined"
            ? { failureCode: news.declineCode, failureMessage: news.message }
            : {}),
        };

  if (target === current.status) {
    const refreshed = { ...current, ...providerFields };
    const same = JSON.stringify(refreshed) === JSON.stringify(current);
    return same ? current : tx.payments.update({ ...refreshed, updatedAt: now });
  }
  if (!paymentLifecycle.canMove(current.status, target)) return current;

  const payment = await tx.payments.update({ ...current, ...providerFields, status: target, updatedAt: now });
  const events: AnyDomainEvent[] = [];
  const installments = await tx.installments.findByIds(payment.installmentIds);
  const contractId = installments.find((i) => i.contractId)?.contractId ?? null;
  const contract = contractId ? await tx.contracts.findById(contractId) : null;
  const customerBefore = await tx.customers.findById(payment.customerId);

  switch (target) {
    case "succeeded": {
      for (const installment of installments) await confirmInstallment(tx, installment, now);
      events.push(ctx.events("payment.succeeded", { paymentId: payment.id, contractId }, payment.unitId));
      if (contract) await activateContract(ctx, tx, contract, payment, events);
      break;
    }
    case "failed": {
      events.push(
        ctx.events(
          "payment.failed",
          { paymentId: payment.id, contractId, code: payment.failureCode ?? "other" },
          payment.unitId,
        ),
      );
      if (contract && (contract.status === "pending_payment" || contract.status === "past_due")) {
        if (await isLatestAttempt(tx, payment, installments)) {
          await tx.contracts.update({
            ...contract,
            paymentIssue: {
              paymentId: payment.id,
              code: payment.failureCode ?? "other",
              message: payment.failureMessage ?? "",
              at: now,
            },
            updatedAt: now,
          });
        }
      }
      break;
    }
    case "canceled":
      events.push(ctx.events("payment.canceled", { paymentId: payment.id, contractId }, payment.unitId));
      break;
    case "pending":
    case "requires_action":
      events.push(ctx.events("payment.pending", { paymentId: payment.id, contractId }, payment.unitId));
      break;
    default:
      break;
  }

  const customerAfter = await tx.customers.findById(payment.customerId);
  if (customerBefore && customerAfter && customerBefore.status !== customerAfter.status) {
    events.push(
      customerAfter.status === "blocked"
        ? ctx.events(
            "customer.blocked",
            { customerId: payment.customerId, contractId: contractId! },
            payment.unitId,
          )
        : ctx.events("customer.unblocked", { customerId: payment.customerId }, payment.unitId),
    );
  }
  await tx.outbox.append(events);
  return payment;
}

async function confirmInstallment(tx: Repositories, installment: Installment, now: string): Promise<void> {
  if (!installmentLifecycle.canMove(installment.status, "confirmed")) return;
  await tx.installments.update({ ...installment, status: "confirmed", confirmedAt: now, updatedAt: now });
}

async function activateContract(
  ctx: ServiceContext,
  tx: Repositories,
  contract: Contract,
  payment: Payment,
  events: AnyDomainEvent[],
): Promise<void> {
  const wasPending = contract.status === "pending_payment";
  const moves = contractLifecycle.canMove(contract.status, "active");
  if (!moves && contract.paymentIssue === null) return;
  const now = ctx.clock.now();
  await tx.contracts.update({
    ...contract,
    status: moves ? "active" : contract.status,
    paymentIssue: null,
    updatedAt: now,
  });
  if (!moves) return;
  events.push(
    ctx.events(
      "contract.activated",
      { contractId: contract.id, customerId: contract.customerId },
      contract.unitId,
    ),
  );
  if (wasPending) {
    events.push(
      ctx.events(
        "sale.completed",
        { contractId: contract.id, customerId: contract.customerId, paymentId: payment.id },
        contract.unitId,
      ),
    );
    if (contract.terms.activationMode === "staff_code") {
      const code = await issueActivationCode(ctx, tx, contract);
      events.push(
        ctx.events(
          "activation_code.issued",
          { activationCodeId: code.id, contractId: contract.id },
          contract.unitId,
        ),
      );
    }
  }
}

/** True when no later attempt covers the same installments than `payment`. */
async function isLatestAttempt(
  tx: Repositories,
  payment: Payment,
  installments: Installment[],
): Promise<boolean> {
  const first = installments[0];
  if (!first) return true;
  const attempts = await tx.payments.listByInstallment(first.id);
  return attempts.every((other) => other.id <= payment.id);
}
