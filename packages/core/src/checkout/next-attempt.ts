import type { Contract } from "../contracts/contract";
import { TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { Installment } from "../installments/installment";
import { linesToPay } from "../installments/lines-to-pay";
import { type Money, sumMoney } from "../money/money";
import type { Order } from "../orders/order";
import { orderNote } from "../orders/order-note";
import { methodRuleIssues } from "../payments/method-rules";
import type { CardSummary, Payment } from "../payments/payment";
import type { CollectionMethod } from "../payments/payment-method";
import { newPaymentRow } from "../payments/payment-row";
import { openPaymentStatuses } from "../payments/payment-status";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import type { CalendarDate } from "../time/calendar-date";
import { invalidFields } from "../validation/invalid-fields";
import { debitBalancePart, splitDue } from "../wallet/balance-part";

/**
 * Writes (inside the caller's transaction) a new attempt at a contract's first unpaid
 * installments (or those of `sequence`): after a decline, with another method, after an
 * attempt that was never sent, or as the billing run's charge of a due period. The gateway's method rules are checked against the stored customer first (a boleto
 * retry for a customer without an address is the buyer's to fix, not a failed payment). Refused (`payment_in_progress`) while another attempt at them is still open, so a
 * buyer is never charged twice for one installment. The contract's version is bumped in
 * the same transaction, so two attempts started at once conflict instead of both landing
 * (PostgreSQL's read committed would otherwise let both see "no open attempt").
 *
 * `after`: when set, the attempt is made only if that payment is still the latest one — a
 * replay making a fresh attempt for a request; `null` means someone else already did.
 */
export async function writeNextAttempt(
  ctx: ServiceContext,
  tx: Repositories,
  input: AttemptChoice & { contractId: Id<"contract"> },
): Promise<{ payment: Payment; contract: Contract } | null> {
  const contract = await tx.contracts.findById(input.contractId);
  if (!contract) {
    throw new TesseraError("not_found", `Contract ${input.contractId} does not exist.`, {
      details: { entity: "contract", id: input.contractId },
    });
  }
  const written = await writeAttempt(ctx, tx, input, {
    entity: "contract",
    id: contract.id,
    unitId: contract.unitId,
    customerId: contract.customerId,
    currency: contract.terms.price.currency,
    note: contract.terms.planName,
    lines: await tx.installments.listByContract(contract.id),
    // The version is bumped in the same transaction, so two attempts started at once conflict.
    touch: () => tx.contracts.update({ ...contract, updatedAt: ctx.clock.now() }),
  });
  return written && { payment: written.payment, contract: written.owner };
}

/**
 * As `writeNextAttempt`, for a one-off order's installments: the order's version is bumped
 * with the attempt, as a contract's is.
 */
export async function writeOrderAttempt(
  ctx: ServiceContext,
  tx: Repositories,
  input: AttemptChoice & { orderId: Id<"order"> },
): Promise<{ payment: Payment; order: Order } | null> {
  const order = await tx.orders.findById(input.orderId);
  if (!order) {
    throw new TesseraError("not_found", `Order ${input.orderId} does not exist.`, {
      details: { entity: "order", id: input.orderId },
    });
  }
  const written = await writeAttempt(ctx, tx, input, {
    entity: "order",
    id: order.id,
    unitId: order.unitId,
    customerId: order.customerId,
    currency: order.total.currency,
    note: orderNote(order),
    lines: await tx.installments.listByOrder(order.id),
    touch: () => tx.orders.update({ ...order, updatedAt: ctx.clock.now() }),
  });
  return written && { payment: written.payment, order: written.owner };
}

/** What an attempt pays with, and which of the owner's unpaid lines. */
export interface AttemptChoice {
  method: CollectionMethod;
  gatewayId: string;
  after?: Id<"payment">;
  /** The lines due together to pay (the billing run's claimed group); the first unpaid ones when left out. */
  sequence?: number;
  /**
   * Every unpaid line due on or before this day, whatever its period, in one payment (the
   * link that pays a contract's open installments at once); overrides `sequence`.
   */
  dueOn?: CalendarDate;
  /** The stored card the billing run charges, as the payment that kept it described it. */
  card?: CardSummary;
  /**
   * A split payment: this much of it from the customer's wallet (debited now, given back
   * if the attempt fails), the rest through the gateway; `actor` is who asked.
   */
  fromBalance?: { amount: Money; actor: string };
}

/** The contract or order an attempt is at, as `writeAttempt` needs it. */
interface AttemptOwner<T> {
  entity: "contract" | "order";
  id: string;
  unitId: Id<"unit">;
  customerId: Id<"customer">;
  currency: string;
  /** What the wallet line of a split payment says. */
  note: string;
  /** Every installment of the owner. */
  lines: Installment[];
  touch(): Promise<T>;
}

async function writeAttempt<T>(
  ctx: ServiceContext,
  tx: Repositories,
  input: AttemptChoice,
  owner: AttemptOwner<T>,
): Promise<{ payment: Payment; owner: T } | null> {
  const due = linesToPay(owner.lines, {
    ...(input.dueOn === undefined ? {} : { dueOn: input.dueOn }),
    ...(input.sequence === undefined ? {} : { sequence: input.sequence }),
  });
  if (due.length === 0) {
    throw new TesseraError(
      "invalid_transition",
      `${capitalized(owner.entity)} ${owner.id} has nothing left to pay.`,
      {
        details: { entity: owner.entity, id: owner.id },
      },
    );
  }
  // Lines paid together share their attempts: the first line of each period tells of them all.
  const heads = due.filter(
    (line, index) => due.findIndex((other) => other.sequence === line.sequence) === index,
  );
  const byId = new Map<string, Payment>();
  for (const head of heads)
    for (const payment of await tx.payments.listByInstallment(head.id)) byId.set(payment.id, payment);
  const attempts = [...byId.values()];
  if (input.after !== undefined && attempts.some((p) => p.id > input.after!)) return null;
  const open = attempts.find((p) => openPaymentStatuses.includes(p.status));
  if (open) {
    throw new TesseraError(
      "payment_in_progress",
      `Payment ${open.id} for these installments is still open.`,
      {
        details: { entity: "payment", id: open.id },
      },
    );
  }
  const { amount, fromBalance } = splitDue(
    ctx,
    sumMoney(
      due.map((i) => i.amount),
      owner.currency,
    ),
    input.fromBalance?.amount,
    "payment attempt",
  );
  // The wallet asks nothing of the payer: its balance is checked when the debit is appended.
  if (input.method !== "wallet") {
    const payer = await tx.customers.findById(owner.customerId);
    const issues = methodRuleIssues(
      ctx.gateways.get(input.gatewayId).capabilities.methodRules,
      input.method,
      {
        amount,
        payer: {
          document: payer?.document ?? null,
          address: payer?.address ?? null,
          phone: payer?.phone ?? null,
        },
      },
    );
    if (issues.length > 0) throw invalidFields("payment attempt", issues);
  }
  const touched = await owner.touch();
  const payment = newPaymentRow(
    ctx,
    {
      unitId: owner.unitId,
      customerId: owner.customerId,
      gatewayId: input.gatewayId,
      method: input.method,
      amount,
      fromBalance,
      installmentIds: due.map((i) => i.id),
      attempt: attempts.length + 1,
    },
    undefined,
    input.card ?? null,
  );
  await tx.payments.insert(payment);
  if (input.fromBalance)
    await debitBalancePart(ctx, tx, payment, {
      note: owner.note,
      actor: input.fromBalance.actor,
    });
  return { payment, owner: touched };
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
