import type { Id } from "../ids/id";
import type { Money } from "../money/money";
import type { PayerAction } from "../payments/payer-action";
import type { PaymentMethod } from "../payments/payment-method";
import type { CalendarDate } from "../time/calendar-date";
import type { Instant } from "../time/instant";

/**
 * What each domain event carries, by type. Events are written to the outbox in the same
 * transaction as the change they describe, and delivered at least once: handlers
 * deduplicate by `event.id`.
 */
export interface DomainEventPayloads {
  "organization.created": { organizationId: Id<"organization"> };
  "unit.created": { unitId: Id<"unit"> };
  "plan.created": { planId: Id<"plan"> };
  "plan.updated": { planId: Id<"plan"> };
  "customer.created": { customerId: Id<"customer">; source: "online" | "staff" | "api" };
  "customer.blocked": { customerId: Id<"customer">; contractId: Id<"contract"> };
  "customer.unblocked": { customerId: Id<"customer"> };
  "contract.created": { contractId: Id<"contract">; customerId: Id<"customer">; planId: Id<"plan"> };
  "contract.activated": { contractId: Id<"contract">; customerId: Id<"customer"> };
  /** Ended before its time: `canceled` by staff or the customer (`contracts.cancel`), or `refunded`, a pass whose payment came back in full. */
  "contract.canceled": {
    contractId: Id<"contract">;
    customerId: Id<"customer">;
    reason: "canceled" | "refunded";
    /** Who canceled it and why, as the cancellation said (`contracts.cancel`); absent for a refund. */
    actor?: string;
    note?: string;
  };
  /** Its last period is over (`endDate`); `renewedBy` names the renewal that follows it in its chain, if it renews. */
  "contract.ended": {
    contractId: Id<"contract">;
    customerId: Id<"customer">;
    renewedBy: Id<"contract"> | null;
  };
  /** A renewal (`origin: "renewal"`) follows `renewsContractId`, from the day after it ended. */
  "contract.renewed": {
    contractId: Id<"contract">;
    customerId: Id<"customer">;
    renewsContractId: Id<"contract">;
  };
  /**
   * Tell the customer of lines due together (`sendDueReminders`): `before_due`, how they will
   * be collected on `dueDate` (`collection`); `overdue`, still unpaid after it.
   */
  "installment.reminder": {
    kind: "before_due" | "overdue";
    contractId: Id<"contract">;
    customerId: Id<"customer">;
    installmentIds: Id<"installment">[];
    dueDate: CalendarDate;
    amount: Money;
    collection: "wallet" | "card" | "link" | null;
  };
  /** The dunning schedule is spent with the installment still unpaid: the customer is blocked until it is paid. */
  "contract.past_due": {
    contractId: Id<"contract">;
    customerId: Id<"customer">;
    installmentId: Id<"installment">;
  };
  /** The contract's first installments are paid (`paymentId`), or there was nothing to collect (`null`). */
  "sale.completed": {
    contractId: Id<"contract">;
    customerId: Id<"customer">;
    paymentId: Id<"payment"> | null;
  };
  /** The payer must act: the QR code, boleto line or link to send them is in `action`. */
  "payment.pending": {
    paymentId: Id<"payment">;
    contractId: Id<"contract"> | null;
    customerId: Id<"customer">;
    method: PaymentMethod;
    status: "pending" | "requires_action";
    action: PayerAction;
  };
  "payment.authorized": { paymentId: Id<"payment">; contractId: Id<"contract"> | null };
  /** Accepted; what the payer needs follows as `payment.pending`. */
  "payment.processing": { paymentId: Id<"payment">; contractId: Id<"contract"> | null };
  /** Nobody can tell yet whether the provider has it; recovery will settle it. */
  "payment.unknown": { paymentId: Id<"payment">; contractId: Id<"contract"> | null; reason: string };
  /** The attempt provably charged nothing (a gateway fault, or never received); not a decline. */
  "payment.not_sent": { paymentId: Id<"payment">; contractId: Id<"contract"> | null; code: string };
  /**
   * A gateway refused to work for a reason that is ours or the provider's (credentials,
   * configuration, an outage, a rate limit, a request it called invalid): staff must look.
   */
  "gateway.failing": {
    gatewayId: string;
    code: string;
    message: string;
    paymentId: Id<"payment"> | null;
  };
  "payment.succeeded": { paymentId: Id<"payment">; contractId: Id<"contract"> | null };
  "payment.failed": { paymentId: Id<"payment">; contractId: Id<"contract"> | null; code: string };
  "payment.canceled": { paymentId: Id<"payment">; contractId: Id<"contract"> | null };
  /**
   * A split payment's provider part was paid late, after the attempt had failed and its
   * wallet part had been given back, and the balance no longer covers that part: the
   * installments are paid (the provider's money is never lost) and staff collect `amount`.
   */
  "payment.balance_short": { paymentId: Id<"payment">; customerId: Id<"customer">; amount: Money };
  /** The provider now charges the contract's later periods by itself (Cielo RecurrentPayment). */
  "recurrence.started": {
    recurrenceId: Id<"recurrence">;
    contractId: Id<"contract">;
    paymentId: Id<"payment">;
  };
  /**
   * The provider will charge no more: `finished` after the last charge, `gave_up` after a
   * charge it stopped retrying — staff must collect that period another way — and
   * `first_unpaid` when charge 1 itself ended unpaid (a link that expired).
   */
  "recurrence.ended": {
    recurrenceId: Id<"recurrence">;
    contractId: Id<"contract">;
    reason: "finished" | "gave_up" | "first_unpaid";
  };
  /** We stopped the provider's charges (`tessera.recurrences.deactivate`). */
  "recurrence.deactivated": { recurrenceId: Id<"recurrence">; contractId: Id<"contract"> };
  /** The provider took the refund and will finish it later (API Pix `EM_PROCESSAMENTO`). */
  "refund.pending": { refundId: Id<"refund">; paymentId: Id<"payment">; amount: Money };
  "refund.succeeded": { refundId: Id<"refund">; paymentId: Id<"payment">; amount: Money };
  "refund.failed": { refundId: Id<"refund">; paymentId: Id<"payment">; amount: Money };
  /** A line was added to a customer's wallet; `balance` is the wallet's balance after it. */
  "wallet.entry_added": {
    walletEntryId: Id<"walletEntry">;
    customerId: Id<"customer">;
    kind: "credit" | "debit" | "refund_credit" | "reversal";
    amount: Money;
    balance: Money;
  };
  "activation_code.issued": { activationCodeId: Id<"activationCode">; contractId: Id<"contract"> };
  "activation_code.attached": { activationCodeId: Id<"activationCode">; customerId: Id<"customer"> };
  /** Its pass was refunded: it can no longer be attached, and an attached pass ends today. */
  "activation_code.revoked": {
    activationCodeId: Id<"activationCode">;
    contractId: Id<"contract">;
    attachedCustomerId: Id<"customer"> | null;
  };
  "order.created": { orderId: Id<"order">; customerId: Id<"customer">; total: Money };
  /**
   * Every installment of the order is paid (`paymentId` paid the last of them);
   * `paidFromBalance` when the customer's wallet paid any of it.
   */
  "order.paid": {
    orderId: Id<"order">;
    customerId: Id<"customer">;
    paymentId: Id<"payment">;
    paidFromBalance: boolean;
  };
  /** Every payment of a paid order came back in full. */
  "order.refunded": { orderId: Id<"order">; customerId: Id<"customer"> };
  /** Canceled before anything of it was paid (`orders.cancel`). */
  "order.canceled": { orderId: Id<"order">; customerId: Id<"customer">; actor: string };
  "staff.created": { staffMemberId: Id<"staffMember">; organizationId: Id<"organization"> };
  /** The member can no longer sign in; their sessions were ended with it. */
  "staff.disabled": { staffMemberId: Id<"staffMember">; organizationId: Id<"organization"> };
  "api_key.created": { apiKeyId: Id<"apiKey">; organizationId: Id<"organization"> };
  "api_key.revoked": { apiKeyId: Id<"apiKey">; organizationId: Id<"organization"> };
}

export type DomainEventType = keyof DomainEventPayloads;

export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  id: Id<"event">;
  type: T;
  occurredAt: Instant;
  /** The unit the event belongs to, when it belongs to one (for scoping and routing). */
  unitId: Id<"unit"> | null;
  payload: DomainEventPayloads[T];
}

/** Any event, narrowed by `type` in a `switch`. */
export type AnyDomainEvent = { [T in DomainEventType]: DomainEvent<T> }[DomainEventType];
