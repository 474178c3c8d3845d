import { schedulePeriod } from "../contracts/contract-schedule";
import { contractInstallments } from "../installments/contract-installments";
import type { Installment } from "../installments/installment";
import { sumMoney } from "../money/money";
import { applyPaymentResult } from "../payments/apply-payment-result";
import type { Payment } from "../payments/payment";
import { newPaymentRow } from "../payments/payment-row";
import type { GatewayEvent, PaymentResult, RecurrenceChargeNews } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import type { Recurrence } from "./recurrence";

/** What became of news about a recurrent charge. */
export type RecurrenceChargeOutcome =
  | { matched: true; payment: Payment; recurrence: Recurrence }
  | { matched: false; reason: string };

/**
 * Our key for a charge the provider made by itself: one per recurrence, charge and attempt,
 * so a replayed or duplicated notification finds the row it made (storage keeps keys unique
 * per gateway). Never sent to the provider.
 */
export function recurrenceChargeKey(recurrence: Recurrence, news: RecurrenceChargeNews): string {
  return `${recurrence.id}.${news.sequence}.${news.attempt}`;
}

/**
 * Applies news of a charge the provider made for a recurrence, inside the caller's
 * transaction. Matched by the recurrence and the charge's sequence and attempt, never by our
 * key (Cielo sends every recurrent charge under the first sale's `MerchantOrderId`): charge 1
 * is the create's own payment; each later charge and each retry of it gets a payment row of
 * its own, against the installments of its period — added from the contract's terms when an
 * open-ended contract has not scheduled that period yet — and then takes effect through the
 * one path all payment news takes (`applyPaymentResult`).
 */
export async function applyRecurrenceCharge(
  ctx: ServiceContext,
  tx: Repositories,
  gatewayId: string,
  event: GatewayEvent & { recurrenceCharge: RecurrenceChargeNews },
): Promise<RecurrenceChargeOutcome> {
  const news = event.recurrenceCharge;
  const recurrence = await tx.recurrences.findByProviderReference(gatewayId, news.recurrenceReference);
  if (!recurrence) return { matched: false, reason: `no recurrence of ours is ${news.recurrenceReference}` };
  const payment =
    news.sequence === 1
      ? await tx.payments.findById(recurrence.firstPaymentId)
      : await chargeRow(ctx, tx, recurrence, event);
  if (!payment) return { matched: false, reason: `charge ${news.sequence} is beyond the contract's periods` };
  const applied = await applyPaymentResult(ctx, tx, payment.id, asChargeOfRecurrence(event.payment));
  return {
    matched: true,
    payment: applied.payment,
    recurrence: await advance(ctx, tx, recurrence, news, applied.payment),
  };
}

/**
 * The news as one charge of the recurrence: without the recurrence it names. Cielo's and
 * PagoLivre's later charges name it too, and a row whose first answer names a recurrence
 * records one — which would collide with the recurrence itself on the provider's reference and
 * refuse the charge's news for good.
 */
function asChargeOfRecurrence(result: PaymentResult): PaymentResult {
  if (result.status === "unknown" || result.recurrenceReference === undefined) return result;
  const { recurrenceReference: _named, ...charge } = result;
  return charge;
}

/** The payment row of a later charge: found again by its key, or written now. */
async function chargeRow(
  ctx: ServiceContext,
  tx: Repositories,
  recurrence: Recurrence,
  event: GatewayEvent & { recurrenceCharge: RecurrenceChargeNews },
): Promise<Payment | null> {
  const news = event.recurrenceCharge;
  const key = recurrenceChargeKey(recurrence, news);
  const known = await tx.payments.findByIdempotencyKey(recurrence.gatewayId, key);
  if (known) return known;
  const installments = await periodInstallments(ctx, tx, recurrence, news.sequence);
  if (installments.length === 0) return null;
  const currency = recurrence.terms.amount.currency;
  const payment = newPaymentRow(
    ctx,
    {
      unitId: recurrence.unitId,
      customerId: recurrence.customerId,
      gatewayId: recurrence.gatewayId,
      method: recurrence.method,
      // What the provider says it charged; what the period is due when it says nothing yet.
      amount:
        event.payment.status === "unknown"
          ? sumMoney(
              installments.map((i) => i.amount),
              currency,
            )
          : event.payment.amount,
      installmentIds: installments.map((i) => i.id),
      attempt: news.attempt,
    },
    { idempotencyKey: key, providerReference: event.payment.providerReference },
  );
  await tx.payments.insert(payment);
  return payment;
}

/** The contract's installments of period `sequence`, scheduled now for an open-ended contract. */
async function periodInstallments(
  ctx: ServiceContext,
  tx: Repositories,
  recurrence: Recurrence,
  sequence: number,
): Promise<Installment[]> {
  // The contract first, then its lines: a line another transaction added after this read
  // comes with a newer contract version, so the compare-and-set below refuses a second one.
  const contract = await tx.contracts.findById(recurrence.contractId);
  const scheduled = (await tx.installments.listByContract(recurrence.contractId)).filter(
    (installment) => installment.sequence === sequence,
  );
  if (scheduled.length > 0) return scheduled;
  if (!contract || contract.terms.installmentCount !== null) return [];
  const now = ctx.clock.now();
  const added = contractInstallments(
    ctx,
    contract,
    schedulePeriod(contract.terms, contract.startDate, sequence - 1, contract.billingDay),
    now,
  );
  await tx.installments.insertMany(added);
  // Compare-and-set on the contract: two notices of one unscheduled month applied at once
  // (two attempts of it, on PostgreSQL's read committed) would each see no line and add one;
  // the second now conflicts, and its retry finds the first's lines.
  await tx.contracts.update({ ...contract, updatedAt: now }, contract);
  return added;
}

/** Moves the recurrence on: the highest charge seen, and its end when the provider says so. */
async function advance(
  ctx: ServiceContext,
  tx: Repositories,
  recurrence: Recurrence,
  news: RecurrenceChargeNews,
  payment: Payment,
): Promise<Recurrence> {
  const lastSequence = Math.max(recurrence.lastSequence, news.sequence);
  const ends = news.recurrenceEnded && recurrence.status === "active";
  if (!ends && lastSequence === recurrence.lastSequence) return recurrence;
  const now = ctx.clock.now();
  const updated = await tx.recurrences.update({
    ...recurrence,
    lastSequence,
    ...(ends ? { status: "ended" as const, endedAt: now } : {}),
    updatedAt: now,
  });
  if (ends) {
    await tx.outbox.append([
      ctx.events(
        "recurrence.ended",
        {
          recurrenceId: recurrence.id,
          contractId: recurrence.contractId,
          reason: payment.status === "succeeded" ? "finished" : "gave_up",
        },
        recurrence.unitId,
      ),
    ]);
  }
  return updated;
}
