import { type AttemptChoice, writeNextAttempt, writeOrderAttempt } from "../checkout/next-attempt";
import type { Contract } from "../contracts/contract";
import { isTesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { Installment } from "../installments/installment";
import { isUnpaid } from "../installments/lines-to-pay";
import { type Money, sumMoney } from "../money/money";
import type { Order } from "../orders/order";
import { orderNote } from "../orders/order-note";
import { onlineMethodOf } from "../organizations/online-methods";
import type { Unit } from "../organizations/unit";
import type { Payment } from "../payments/payment";
import type { PaymentMethod } from "../payments/payment-method";
import { buildPaymentRequest } from "../payments/payment-row";
import { openPaymentStatuses } from "../payments/payment-status";
import { submitPayment } from "../payments/submit-payment";
import { type CardInput, defaultRecurrenceRules, type RecurrenceRules } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import { payContractFromBalance, payOrderFromBalance } from "../wallet/wallet-payment";
import type { DueGroupOutcome } from "./billing-report";
import { isScheduleSpent } from "./dunning-schedule";
import { markPastDue } from "./mark-past-due";
import { storedCardOf } from "./stored-card";

/** The methods a payment link may be made with, in the order the run prefers them. */
const linkMethods: readonly PaymentMethod[] = ["pix", "boleto", "payment_link"];

/**
 * How long a PIX the billing run sends may be paid: three days, where the checkout's lasts an
 * hour — the customer reads the e-mail when they read it, and the run sends no second one
 * while it is open.
 */
export const billingPixExpirySeconds = 3 * 24 * 3600;

/** Who the billing run's wallet lines and payments name. */
export const billingActor = "billing";

/**
 * Collects one due group — the claimed lines of one contract due together (a period and its
 * fee) — through the one collection path, and says what became of it. In order:
 * - a contract that no longer collects (a canceled one still collects its closing
 *   pro-rata), lines already paid, an attempt still open, or a provider that charges this
 *   contract by itself: nothing is charged;
 * - a month a provider that never retries declined (`next_period`): its decline counts as
 *   the first failed attempt, and the unit's schedule retries from it;
 * - a dunning schedule already spent: the contract is marked `past_due`, nothing charged;
 * - any other line of a `past_due` contract: held, looked at again tomorrow;
 * - a balance that covers the whole group pays it from the wallet; one that covers part of
 *   it pays that part, and the card or the link the rest (a split payment, its part given
 *   back if the charge fails);
 * - a stored card is charged (the card kept from the contract's latest paid card payment);
 * - otherwise a PIX, boleto or provider link is issued, and `payment.pending` tells the
 *   customer how to pay.
 * A provider's fault is `not_sent` (never the customer's decline); a lost answer is
 * `unknown`, left to recovery. Errors of the storage or bugs throw to the caller.
 */
export async function chargeDueGroup(
  ctx: ServiceContext,
  unit: Unit,
  group: readonly Installment[],
): Promise<DueGroupOutcome> {
  const first = group[0]!;
  if (first.contractId === null)
    return first.orderId ? chargeOrderGroup(ctx, unit, first) : { kind: "nothing_due" };
  const contract = await ctx.storage.contracts.findById(first.contractId);
  if (!contract) return { kind: "nothing_due" };
  const everyLine = await ctx.storage.installments.listByContract(contract.id);
  const lines = everyLine.filter((line) => line.sequence === first.sequence && isUnpaid(line));
  // A canceled contract still owes its closing pro-rata; nothing else of one that no longer collects
  // (a contract ends its term only once nothing of it is unpaid: `endTerm`).
  const collects =
    contract.status === "active" ||
    contract.status === "past_due" ||
    (contract.status === "canceled" && lines.some((line) => line.kind === "closing_prorata"));
  if (!collects || lines.length === 0) return { kind: "nothing_due" };
  const attempts = await ctx.storage.payments.listByInstallment(lines[0]!.id);
  if (attempts.some((payment) => openPaymentStatuses.includes(payment.status)))
    return { kind: "in_progress" };
  const recurrences = await ctx.storage.recurrences.listByContract(contract.id);
  const running = recurrences.find((recurrence) => recurrence.status === "active");
  if (running) {
    const rules =
      ctx.gateways.find(running.gatewayId)?.capabilities.recurrenceRules ?? defaultRecurrenceRules;
    if (!leftToUs(rules, running.gatewayId, lines, attempts))
      // A provider that never retries may decline any day now: looked at again tomorrow, not in a week.
      return { kind: "provider_owned", recheckTomorrow: rules.declinedCharge === "next_period" };
    // The provider's own decline is the month's first failed attempt: the unit's schedule
    // retries from it, and the card is not tried again the same day.
    const providerDecline = attempts.find((p) => p.gatewayId === running.gatewayId && p.status === "failed");
    if (providerDecline && lines.every((line) => line.failedAttempts === 0))
      return { kind: "provider_declined", paymentId: providerDecline.id };
  }
  const failed = Math.max(...lines.map((line) => line.failedAttempts));
  if (isScheduleSpent(failed, unit.dunningRetryDays)) {
    await markPastDue(ctx, contract.id, first);
    return { kind: "past_due" };
  }
  // A past-due contract's later lines wait until it is paid up: debt does not pile up on a
  // blocked customer (the link that pays every due line pays them with it).
  if (contract.status === "past_due") return { kind: "held" };

  return collectDue(ctx, unit, contractTarget(ctx, contract), first.sequence, lines, everyLine);
}

/**
 * An order's due lines (the billing run's claimed group of one sequence): collected as a
 * contract's are — the balance, a kept card, a link — while the order is open; an order has
 * no `past_due`: once the dunning schedule is spent, the run tries it no more and staff
 * collect it (the order page, `orders.pay`).
 */
async function chargeOrderGroup(
  ctx: ServiceContext,
  unit: Unit,
  first: Installment,
): Promise<DueGroupOutcome> {
  const order = await ctx.storage.orders.findById(first.orderId!);
  if (order?.status !== "open") return { kind: "nothing_due" };
  const everyLine = await ctx.storage.installments.listByOrder(order.id);
  const lines = everyLine.filter((line) => line.sequence === first.sequence && isUnpaid(line));
  if (lines.length === 0) return { kind: "nothing_due" };
  const attempts = await ctx.storage.payments.listByInstallment(lines[0]!.id);
  if (attempts.some((payment) => openPaymentStatuses.includes(payment.status)))
    return { kind: "in_progress" };
  if (isScheduleSpent(Math.max(...lines.map((line) => line.failedAttempts)), unit.dunningRetryDays))
    return { kind: "past_due" };
  return collectDue(ctx, unit, orderTarget(ctx, order), first.sequence, lines, everyLine);
}

/** What the run charges: a contract's lines or an order's, and how an attempt at them is written. */
interface DueTarget {
  customerId: Id<"customer">;
  currency: string;
  /** The provider's description of the charge. */
  description: string;
  /** Where a kept card is looked for beyond the target's own lines (a contract's chain). */
  renewsContractId: Id<"contract"> | null;
  payFromBalance(tx: Repositories, sequence: number): Promise<Payment>;
  /** The written attempt, with the contract it bumped (the answer is applied from it, not read again). */
  writeAttempt(tx: Repositories, choice: AttemptChoice): Promise<{ payment: Payment; contract?: Contract }>;
}

function contractTarget(ctx: ServiceContext, contract: Contract): DueTarget {
  return {
    customerId: contract.customerId,
    currency: contract.terms.price.currency,
    description: contract.terms.planName,
    renewsContractId: contract.renewsContractId,
    payFromBalance: async (tx, sequence) =>
      (await payContractFromBalance(ctx, tx, { contractId: contract.id, actor: billingActor, sequence }))
        .payment,
    writeAttempt: async (tx, choice) =>
      (await writeNextAttempt(ctx, tx, { ...choice, contractId: contract.id }))!,
  };
}

/**
 * True when lines of a contract whose provider runs its recurrence are still ours to collect:
 * a period the provider declined and never tries again (`recurrenceRules.declinedCharge:
 * "next_period"`, PagoLivre) — its dunning is Tessera's. The provider's declined charge
 * leaves the line `awaiting` with a failed attempt of that gateway (`attempts`: the lines'
 * payments); a line the run itself declined is `denied`. A provider that retries a declined
 * charge keeps it until it gives up and ends the recurrence.
 */
function leftToUs(
  rules: RecurrenceRules,
  gatewayId: string,
  lines: readonly Installment[],
  attempts: readonly Payment[],
): boolean {
  if (rules.declinedCharge !== "next_period") return false;
  return (
    lines.some((line) => line.status === "denied") ||
    attempts.some((payment) => payment.gatewayId === gatewayId && payment.status === "failed")
  );
}

function orderTarget(ctx: ServiceContext, order: Order): DueTarget {
  return {
    customerId: order.customerId,
    currency: order.total.currency,
    description: orderNote(order),
    renewsContractId: null,
    payFromBalance: async (tx, sequence) =>
      (await payOrderFromBalance(ctx, tx, { orderId: order.id, actor: billingActor, sequence })).payment,
    writeAttempt: async (tx, choice) => ({
      payment: (await writeOrderAttempt(ctx, tx, { ...choice, orderId: order.id }))!.payment,
    }),
  };
}

/**
 * The due lines of one sequence, collected: from the wallet when its balance covers them;
 * otherwise by the kept card or a link, the balance's part first when it covers some.
 */
async function collectDue(
  ctx: ServiceContext,
  unit: Unit,
  target: DueTarget,
  sequence: number,
  lines: readonly Installment[],
  everyLine: readonly Installment[],
): Promise<DueGroupOutcome> {
  const due = sumMoney(
    lines.map((line) => line.amount),
    target.currency,
  );
  const balance = await ctx.storage.wallet.balance(target.customerId, due.currency);
  if (balance.amount >= due.amount) {
    const paid = await fromBalance(ctx, target, sequence);
    if (paid) return paid;
  }
  // A balance short of the month pays its part, and the card or the link the rest.
  const part = balance.amount > 0 && balance.amount < due.amount ? balance : null;
  const charged = await chargeProvider(ctx, unit, target, sequence, everyLine, part);
  // The balance was spent meanwhile (a concurrent debit): the whole month by the provider.
  return charged ?? (await chargeProvider(ctx, unit, target, sequence, everyLine, null))!;
}

/** The group paid from the wallet; null when the balance fell short meanwhile (a concurrent debit). */
async function fromBalance(
  ctx: ServiceContext,
  target: DueTarget,
  sequence: number,
): Promise<DueGroupOutcome | null> {
  try {
    const payment = await ctx.storage.transaction((tx) => target.payFromBalance(tx, sequence));
    return { kind: "paid", paymentId: payment.id, fromBalance: true };
  } catch (error) {
    if (isTesseraError(error, "insufficient_balance")) return null;
    if (isTesseraError(error, "payment_in_progress")) return { kind: "in_progress" };
    throw error;
  }
}

/**
 * Charges the group by the stored card, or issues a link; `part` of it from the wallet (a
 * split payment) when the balance covers some but not all. Null when `part` was asked for
 * and the balance no longer covers it.
 */
async function chargeProvider(
  ctx: ServiceContext,
  unit: Unit,
  target: DueTarget,
  sequence: number,
  everyLine: readonly Installment[],
  part: Money | null,
): Promise<DueGroupOutcome | null> {
  const stored = await storedCardOf(ctx, target, everyLine);
  const link = linkMethods.map((method) => onlineMethodOf(unit, method)).find((entry) => entry !== undefined);
  const plan: { method: PaymentMethod; gatewayId: string; card?: CardInput } | null = stored
    ? { method: "card", gatewayId: stored.gatewayId, card: { type: "stored", token: stored.token } }
    : link
      ? { method: link.method, gatewayId: link.gatewayId }
      : null;
  if (!plan) return { kind: "no_method" };
  let written: { payment: Payment; contract?: Contract };
  try {
    written = await ctx.storage.transaction((tx) =>
      target.writeAttempt(tx, {
        method: plan.method,
        gatewayId: plan.gatewayId,
        sequence,
        ...(stored ? { card: stored.summary } : {}),
        ...(part ? { fromBalance: { amount: part, actor: billingActor } } : {}),
      }),
    );
  } catch (error) {
    if (part && isTesseraError(error, "insufficient_balance")) return null;
    if (isTesseraError(error, "payment_in_progress") || isTesseraError(error, "conflict"))
      return { kind: "in_progress" };
    if (isTesseraError(error, "invalid_transition")) return { kind: "nothing_due" };
    // The method asks for what the customer never gave (a boleto's address): staff must help.
    if (isTesseraError(error, "validation_failed")) return { kind: "no_method" };
    throw error;
  }
  const { payment, contract } = written;
  const payer = await ctx.storage.customers.findById(target.customerId);
  const request = buildPaymentRequest(ctx, payment, {
    description: `${target.description} — ${unit.name}`,
    payer: payer!,
    card: plan.card,
    timeZone: unit.timeZone,
    pixExpiresInSeconds: billingPixExpirySeconds,
  });
  const submitted = await submitPayment(ctx, payment, request, contract ? { contract } : {});
  const answered = submitted.payment;
  switch (answered.status) {
    case "succeeded":
      return { kind: "paid", paymentId: answered.id, fromBalance: false };
    case "failed":
      return submitted.notSent
        ? { kind: "not_sent", paymentId: answered.id, code: submitted.notSent.code }
        : { kind: "declined", paymentId: answered.id };
    case "pending":
    case "requires_action":
    case "processing":
      return { kind: "link_issued", paymentId: answered.id };
    default:
      return { kind: "unknown", paymentId: answered.id };
  }
}
