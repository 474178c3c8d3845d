import type { ActivationCode } from "../activation/activation-code";
import { activateContract, confirmInstallments } from "../contracts/activate-contract";
import { blocksCustomer } from "../contracts/blocks-customer";
import type { Contract } from "../contracts/contract";
import type { Customer } from "../customers/customer";
import type { AnyDomainEvent } from "../events/domain-event";
import type { Id } from "../ids/id";
import type { Installment } from "../installments/installment";
import { orderAfterLines } from "../orders/order-after-payment";
import type { PaymentResult } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import { endUnpaidRecurrence } from "../recurrence/end-unpaid-recurrence";
import { recordRecurrence } from "../recurrence/record-recurrence";
import { releaseBalancePart, retakeBalancePart } from "../wallet/balance-part";
import { isGatewayFault, type NotSentNews } from "./not-sent";
import type { Payment } from "./payment";
import { providerMethodOf } from "./payment-method";
import { type PaymentStatus, paymentLifecycle } from "./payment-status";

/**
 * News about a payment: the provider's answer or report, or proof that the attempt never
 * reached the provider (a `GatewayError` before anything was charged, or recovery finding
 * no record of it).
 */
export type PaymentNews = PaymentResult | NotSentNews;

/** What applying news did: the payment as it now stands, and whether this call moved its status. */
export interface AppliedNews {
  payment: Payment;
  /** False when the news changed nothing (a replay, a late answer) or only refreshed fields. */
  moved: boolean;
  /**
   * When the status moved: the rows as this transaction left them — the payment's
   * installments, its contract, the customer (with the derived status) and an activation
   * code issued now — so a caller builds its answer without reading them again.
   */
  effects: PaymentEffects | null;
}

export interface PaymentEffects {
  installments: Installment[];
  contract: Contract | null;
  /**
   * The customer, read when this news changed whether their contract blocks them (so their
   * derived status may have moved); null when it did not — their status is as it was.
   */
  customer: Customer | null;
  activationCode: ActivationCode | null;
}

/**
 * Rows the caller holds as the payment's last write left them (a sale's write-ahead, a new
 * attempt): applying news starts from them instead of reading them again. Safe because every
 * write here is compare-and-set on version — a row someone changed since makes its write
 * conflict, and `applyNews` runs again without them — and news that would change nothing is
 * checked against the rows as stored.
 */
export interface KnownRows {
  payment: Payment;
  /** The payment's installments. */
  installments?: readonly Installment[];
  contract?: Contract | null;
}

function targetStatus(news: PaymentNews): PaymentStatus {
  switch (news.status) {
    case "declined":
    case "not_sent":
      return "failed";
    default:
      return news.status;
  }
}

function providerFieldsOf(
  news: Exclude<PaymentNews, { status: "unknown" }>,
  current: Payment,
): Partial<Payment> {
  if (news.status === "not_sent") {
    return { failureCode: news.code, failureMessage: news.message, rawStatus: "not_sent" };
  }
  return {
    providerReference: news.providerReference ?? current.providerReference,
    rawStatus: news.rawStatus,
    ...("action" in news ? { action: news.action } : {}),
    // A stored card's token stays known when the provider's answer names none: the next
    // renewal charges the card this payment was made with (the chain's `storedCardOf`).
    ...("card" in news && news.card
      ? {
          card: {
            ...news.card,
            reusableToken: news.card.reusableToken ?? current.card?.reusableToken ?? null,
          },
        }
      : {}),
    ...(news.status === "declined" ? { failureCode: news.declineCode, failureMessage: news.message } : {}),
    ...(news.status === "canceled" ? { failureCode: `canceled_${news.reason}` } : {}),
  };
}

/**
 * Applies news about a payment to everything it touches — the payment, its installments,
 * its contract, the customer's derived block, the activation code — and writes the events,
 * all inside the caller's transaction. The one place where payment news takes effect, so
 * the sale's answer, a refresh, recovery and webhooks all converge to the same state:
 * - news that is not a forward move of the payment's lifecycle (a late "pending" after
 *   "succeeded", a replayed webhook) changes nothing;
 * - an `unknown` answer only marks a payment that has had no answer yet;
 * - the first answer, and every change of status or of the payer's action, emits its event,
 *   so the buyer can be sent the QR code or boleto the moment there is one;
 * - a decline sets the contract's payment issue (which blocks the customer) only when it is
 *   the contract's latest attempt, so an old attempt failing late does not block a customer
 *   who since paid; an attempt that was never sent never blocks anyone.
 */
export async function applyPaymentResult(
  ctx: ServiceContext,
  tx: Repositories,
  paymentId: Payment["id"],
  news: PaymentNews,
  known?: KnownRows,
): Promise<AppliedNews> {
  const current = known?.payment.id === paymentId ? known.payment : await tx.payments.findById(paymentId);
  if (!current) throw new Error(`payment ${paymentId} vanished inside its own transaction`);
  const now = ctx.clock.now();
  const unchanged: AppliedNews = { payment: current, moved: false, effects: null };
  // Nothing to do by the rows the caller held: make sure by the rows as stored.
  const nothingToDo = async () => (known ? applyPaymentResult(ctx, tx, paymentId, news) : unchanged);
  const installmentsOf = async (payment: Payment) =>
    known?.installments && sameIds(known.installments, payment.installmentIds)
      ? [...known.installments]
      : tx.installments.findByIds(payment.installmentIds);

  if (news.status === "unknown") {
    if (current.rawStatus !== null || current.status === "unknown") return nothingToDo();
    const payment = await tx.payments.update(
      { ...current, status: "unknown", failureMessage: news.reason, updatedAt: now },
      current,
    );
    const contractId = contractIdOf(await installmentsOf(payment));
    await tx.outbox.append([
      ctx.events("payment.unknown", { paymentId, contractId, reason: news.reason }, payment.unitId),
    ]);
    return { payment, moved: true, effects: null };
  }

  const target = targetStatus(news);
  const providerFields = providerFieldsOf(news, current);
  const firstAnswer = current.rawStatus === null;

  if (target === current.status) {
    const refreshed = { ...current, ...providerFields };
    if (JSON.stringify(refreshed) === JSON.stringify(current)) return nothingToDo();
    const payment = await tx.payments.update({ ...refreshed, updatedAt: now }, current);
    const actionChanged = JSON.stringify(current.action) !== JSON.stringify(payment.action);
    const pendingNews =
      (firstAnswer || actionChanged) && (target === "pending" || target === "requires_action");
    const startsRecurrence = firstAnswer && news.status !== "not_sent" && Boolean(news.recurrenceReference);
    if (pendingNews || startsRecurrence) {
      const contractId = contractIdOf(await installmentsOf(payment));
      const events: AnyDomainEvent[] = [];
      const pending = pendingNews ? pendingEvent(ctx, payment, contractId) : null;
      if (pending) events.push(pending);
      if (startsRecurrence && contractId) {
        await recordRecurrence(ctx, tx, payment, news, await tx.contracts.findById(contractId), events);
      }
      if (events.length > 0) await tx.outbox.append(events);
    }
    return { payment, moved: false, effects: null };
  }
  if (!paymentLifecycle.canMove(current.status, target)) return nothingToDo();

  const events: AnyDomainEvent[] = [];
  // Paid after it failed or was canceled: its wallet part, given back then, is taken again.
  const lateSuccess =
    target === "succeeded" && (current.status === "failed" || current.status === "canceled");
  const fromBalance = lateSuccess ? await retakeBalancePart(ctx, tx, current, events) : current.fromBalance;
  const payment = await tx.payments.update(
    { ...current, ...providerFields, status: target, fromBalance, updatedAt: now },
    current,
  );
  let installments = await installmentsOf(payment);
  const contractId = contractIdOf(installments);
  let contract =
    contractId === null
      ? null
      : known?.contract?.id === contractId
        ? known.contract
        : await tx.contracts.findById(contractId);
  let activationCode: ActivationCode | null = null;
  const blockedBefore = contract !== null && blocksCustomer(contract);
  const ids = { paymentId: payment.id, contractId };

  switch (target) {
    case "succeeded": {
      installments = await confirmInstallments(tx, installments, now);
      events.push(ctx.events("payment.succeeded", ids, payment.unitId));
      await orderAfterLines(ctx, tx, installments, payment, events);
      if (contract)
        ({ contract, activationCode } = await activateContract(ctx, tx, contract, payment.id, events));
      break;
    }
    case "failed": {
      await releaseBalancePart(ctx, tx, payment);
      if (news.status === "not_sent") {
        events.push(ctx.events("payment.not_sent", { ...ids, code: news.code }, payment.unitId));
        if (isGatewayFault(news.code)) {
          events.push(
            ctx.events(
              "gateway.failing",
              { gatewayId: payment.gatewayId, code: news.code, message: news.message, paymentId: payment.id },
              payment.unitId,
            ),
          );
        }
        break;
      }
      events.push(
        ctx.events("payment.failed", { ...ids, code: payment.failureCode ?? "other" }, payment.unitId),
      );
      await endUnpaidRecurrence(ctx, tx, payment, contract, events);
      if (contract && (contract.status === "pending_payment" || contract.status === "past_due")) {
        if (await isLatestAttempt(tx, payment, installments)) {
          contract = await tx.contracts.update(
            {
              ...contract,
              paymentIssue: {
                paymentId: payment.id,
                code: payment.failureCode ?? "other",
                message: payment.failureMessage ?? "",
                at: now,
              },
              updatedAt: now,
            },
            contract,
          );
        }
      }
      break;
    }
    case "canceled":
      await releaseBalancePart(ctx, tx, payment);
      events.push(ctx.events("payment.canceled", ids, payment.unitId));
      await endUnpaidRecurrence(ctx, tx, payment, contract, events);
      break;
    case "authorized":
      events.push(ctx.events("payment.authorized", ids, payment.unitId));
      break;
    case "processing":
      events.push(ctx.events("payment.processing", ids, payment.unitId));
      break;
    case "pending":
    case "requires_action": {
      const pending = pendingEvent(ctx, payment, contractId);
      if (pending) events.push(pending);
      break;
    }
    default:
      break;
  }

  if (firstAnswer && news.status !== "not_sent")
    await recordRecurrence(ctx, tx, payment, news, contract, events);

  const customerAfter = await customerAfterNews(ctx, tx, payment, contract, blockedBefore, events);
  await tx.outbox.append(events);
  return {
    payment,
    moved: true,
    effects: { installments, contract, customer: customerAfter, activationCode },
  };
}

/**
 * The customer after news that changed whether their contract blocks them, with
 * `customer.blocked` or `customer.unblocked` pushed when their derived status moved; null,
 * reading nothing, when the contract blocks as it did — nothing else news changes can move
 * the status (`blocksCustomer`), so a paid sale reads no customer at all.
 */
async function customerAfterNews(
  ctx: ServiceContext,
  tx: Repositories,
  payment: Payment,
  contract: Contract | null,
  blockedBefore: boolean,
  events: AnyDomainEvent[],
): Promise<Customer | null> {
  if (contract === null || blocksCustomer(contract) === blockedBefore) return null;
  const customer = await tx.customers.findById(payment.customerId);
  if (!customer) return null;
  if (!blockedBefore) {
    // Blocked now by this contract: a move only if no other contract already blocked them.
    const contracts = await tx.contracts.listByCustomer(payment.customerId);
    if (contracts.some((other) => other.id !== contract.id && blocksCustomer(other))) return customer;
    events.push(
      ctx.events(
        "customer.blocked",
        { customerId: payment.customerId, contractId: contract.id },
        payment.unitId,
      ),
    );
  } else if (customer.status === "active") {
    events.push(ctx.events("customer.unblocked", { customerId: payment.customerId }, payment.unitId));
  }
  return customer;
}

function sameIds(installments: readonly Installment[], ids: readonly Id<"installment">[]): boolean {
  return installments.length === ids.length && installments.every((i) => ids.includes(i.id));
}

function contractIdOf(installments: readonly Installment[]): Id<"contract"> | null {
  return installments.find((i) => i.contractId)?.contractId ?? null;
}

/** `payment.pending` with what the payer must do; none while the provider has given no action yet. */
function pendingEvent(
  ctx: ServiceContext,
  payment: Payment,
  contractId: Id<"contract"> | null,
): AnyDomainEvent | null {
  if (!payment.action || (payment.status !== "pending" && payment.status !== "requires_action")) return null;
  return ctx.events(
    "payment.pending",
    {
      paymentId: payment.id,
      contractId,
      customerId: payment.customerId,
      method: providerMethodOf(payment),
      status: payment.status,
      action: payment.action,
    },
    payment.unitId,
  );
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
