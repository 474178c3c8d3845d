import { TesseraError } from "../errors/tessera-error";
import type { AnyDomainEvent } from "../events/domain-event";
import type { Money } from "../money/money";
import type { BalancePart, Payment } from "../payments/payment";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import { addWalletEntry } from "./wallet-ledger";

/**
 * The wallet's part of a split payment, before the payment row is written: the debit line's
 * id is chosen now, so the row names the line and the line names the row.
 */
export function newBalancePart(ctx: ServiceContext, amount: Money): BalancePart {
  return { amount, entryId: ctx.ids("walletEntry") };
}

/**
 * Takes a split payment's wallet part, inside the transaction that writes the attempt,
 * after its row: a debit line naming the payment. A balance short of it is
 * `insufficient_balance`, and the whole attempt is written not at all.
 */
export async function debitBalancePart(
  ctx: ServiceContext,
  tx: Repositories,
  payment: Payment,
  input: { note: string; actor: string },
): Promise<void> {
  const part = payment.fromBalance;
  if (!part) return;
  await debitPart(ctx, tx, payment, part, { ...input, id: part.entryId });
}

/** The debit line of a payment's wallet part (`id`: the line's id the part names, when it is the first). */
async function debitPart(
  ctx: ServiceContext,
  tx: Repositories,
  payment: Payment,
  part: BalancePart,
  line: { note: string; actor: string; id?: BalancePart["entryId"] },
): Promise<void> {
  await addWalletEntry(ctx, tx, {
    ...(line.id ? { id: line.id } : {}),
    customerId: payment.customerId,
    unitId: payment.unitId,
    kind: "debit",
    amount: { amount: -part.amount.amount, currency: part.amount.currency },
    method: null,
    note: line.note,
    actor: line.actor,
    paymentId: payment.id,
  });
}

/**
 * Gives a split payment's wallet part back when its attempt fails or is canceled — a
 * reversal of the debit, in the transaction that moves the payment's status, so it happens
 * once with that move. Nothing for a payment without a wallet part.
 */
export async function releaseBalancePart(
  ctx: ServiceContext,
  tx: Repositories,
  payment: Payment,
): Promise<void> {
  const part = payment.fromBalance;
  if (!part) return;
  await addWalletEntry(ctx, tx, {
    customerId: payment.customerId,
    unitId: payment.unitId,
    kind: "reversal",
    amount: part.amount,
    method: null,
    note: `payment ${payment.id} ${payment.status}: its balance part given back`,
    actor: "system",
    paymentId: payment.id,
    reversesEntryId: part.entryId,
  });
}

/**
 * Takes a split payment's wallet part again when the provider reports paid an attempt that
 * had failed or been canceled (its part given back then). Answers the payment's wallet part
 * from now on: the same part when taken again; null when the balance no longer covers it —
 * the installments are paid all the same (the provider's money is never lost), the payment
 * no longer claims a part it did not collect (so no refund can give it back), and
 * `payment.balance_short` tells staff what is left to collect.
 */
export async function retakeBalancePart(
  ctx: ServiceContext,
  tx: Repositories,
  payment: Payment,
  events: AnyDomainEvent[],
): Promise<BalancePart | null> {
  const part = payment.fromBalance;
  if (!part) return null;
  // Checked first: a guarded append refused on PostgreSQL would abort the whole transaction.
  // A debit racing in between makes the append refuse, and the news is applied again later.
  const balance = await tx.wallet.balance(payment.customerId, part.amount.currency);
  if (balance.amount < part.amount.amount) {
    events.push(
      ctx.events(
        "payment.balance_short",
        { paymentId: payment.id, customerId: payment.customerId, amount: part.amount },
        payment.unitId,
      ),
    );
    return null;
  }
  await debitPart(ctx, tx, payment, part, {
    note: `payment ${payment.id} paid late: its balance part taken again`,
    actor: "system",
  });
  return part;
}

/**
 * How an amount due splits between the wallet (`part`) and the provider: the provider's
 * amount and the wallet's part, or no part. A part that is not less than what is due is
 * `validation_failed` on `fromBalance` (all of it from the balance is not a split: leave
 * the method out), and so is one in another currency.
 */
export function splitDue(
  ctx: ServiceContext,
  due: Money,
  part: Money | undefined,
  what: string,
): { amount: Money; fromBalance: BalancePart | null } {
  if (!part) return { amount: due, fromBalance: null };
  const refuse = (code: string, message: string) =>
    new TesseraError("validation_failed", `Invalid ${what}: fromBalance: ${message}.`, {
      details: { issues: [{ path: ["fromBalance"], code, message }] },
    });
  if (part.currency !== due.currency) throw refuse("currency_mismatch", `must be in ${due.currency}`);
  if (part.amount >= due.amount) {
    throw refuse(
      "too_big",
      `must be less than the ${due.amount} minor units due; to pay all of it from the balance, leave the method out`,
    );
  }
  return {
    amount: { amount: due.amount - part.amount, currency: due.currency },
    fromBalance: newBalancePart(ctx, part),
  };
}
