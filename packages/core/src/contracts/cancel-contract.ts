import { z } from "zod";
import { runIdempotent } from "../checkout/idempotent-request";
import { idempotencyKeySchema } from "../checkout/sale-input";
import { TesseraError } from "../errors/tessera-error";
import { fingerprintOf } from "../idempotency/idempotency-record";
import { formatResourceReference } from "../idempotency/resource-reference";
import type { Id } from "../ids/id";
import { contractInstallments } from "../installments/contract-installments";
import type { Installment } from "../installments/installment";
import { percentOf } from "../money/money";
import { openPaymentStatuses } from "../payments/payment-status";
import type { ServiceContext } from "../ports/service-context";
import { type CalendarDate, calendarDateSchema, daysBetween } from "../time/calendar-date";
import { calendarDateInZone } from "../time/timezone";
import { parseInput } from "../validation/parse-input";
import type { Contract } from "./contract";
import type { ScheduledLine } from "./contract-schedule";
import { contractLifecycle } from "./contract-status";

export const contractCancelInputSchema = z.object({
  contractId: z.string().startsWith("ctr_", "must be a contract id"),
  /** The last day of the contract, in the unit's timezone; today when left out. */
  on: calendarDateSchema.optional(),
  /** Why, for the history. */
  reason: z.string().trim().max(500).default(""),
  actor: z.string().trim().min(1).max(200).default("api"),
  idempotencyKey: idempotencyKeySchema,
});
export type ContractCancelInput = z.input<typeof contractCancelInputSchema>;

/** What a cancellation did: the contract as it ends, the lines it canceled, the closing line it added. */
export interface ContractCancellation {
  contract: Contract;
  canceled: Installment[];
  /** The closing pro-rata of the period `on` falls in, when that period was not paid; null otherwise. */
  closing: Installment[];
  replayed: boolean;
}

/** `price × used ÷ days`, half up, in integers: the share of a period's price for the days it ran. */
export function proRata(price: number, usedDays: number, periodDays: number): number {
  return Number((BigInt(price) * BigInt(usedDays) * 2n + BigInt(periodDays)) / (2n * BigInt(periodDays)));
}

/**
 * Ends a contract on `on` (Conexa seed: the closing pro-rata is always applied):
 * - every line not yet paid that falls after `on` is canceled;
 * - the period `on` falls in, when not paid, is canceled too and replaced by a
 *   `closing_prorata` line for the days it ran (`on` included), with its client-paid fee,
 *   due on `on` — the billing run collects it like any due line; a period already paid is
 *   left as it is (give the unused part back with a refund, if the studio does);
 * - a contract never paid (`pending_payment`) owes nothing: all its lines are canceled.
 * Refused with `payment_in_progress` while an attempt at a line it would cancel is open
 * (cancel that attempt first), and with `invalid_transition` for a contract that already
 * ended. A provider's own recurrence is not stopped here: stop it first
 * (`tessera.recurrences.deactivate`), or its next charge would still come. The same
 * `idempotencyKey` answers the first cancellation.
 */
export async function cancelContract(
  ctx: ServiceContext,
  input: ContractCancelInput,
): Promise<ContractCancellation> {
  const data = parseInput(contractCancelInputSchema, input, "contract cancellation");
  const contractId = data.contractId as Id<"contract">;
  const scope = `cancel:${contractId}`;
  const fingerprint = fingerprintOf({ contractId });
  return runIdempotent(
    ctx,
    { scope, key: data.idempotencyKey, fingerprint, label: "contract cancellation", lookup: "first" },
    async () => {
      // A contract is canceled once: its canceled lines and its closing line are this cancellation's.
      const [contract, lines] = await Promise.all([
        ctx.storage.contracts.findById(contractId),
        ctx.storage.installments.listByContract(contractId),
      ]);
      return {
        contract: contract!,
        canceled: lines.filter((line) => line.status === "canceled"),
        closing: lines.filter((line) => line.kind === "closing_prorata"),
        replayed: true,
      };
    },
    () => cancelOnce(ctx, data, { scope, fingerprint }),
  );
}

/** The cancellation's one transaction, its idempotency key's record written with it. */
function cancelOnce(
  ctx: ServiceContext,
  data: z.output<typeof contractCancelInputSchema>,
  key: { scope: string; fingerprint: string },
): Promise<ContractCancellation> {
  const contractId = data.contractId as Id<"contract">;
  return ctx.storage.transaction(async (tx) => {
    const contract = await tx.contracts.findById(contractId);
    if (!contract) {
      throw new TesseraError("not_found", `Contract ${contractId} does not exist.`, {
        details: { entity: "contract", id: contractId },
      });
    }
    if (!contractLifecycle.canMove(contract.status, "canceled")) {
      throw new TesseraError("invalid_transition", `Contract ${contract.id} is ${contract.status}.`, {
        details: { entity: "contract", id: contract.id, from: contract.status, to: "canceled" },
      });
    }
    const unit = await tx.units.findById(contract.unitId);
    const now = ctx.clock.now();
    const on: CalendarDate = data.on ?? calendarDateInZone(now, unit?.timeZone ?? "America/Sao_Paulo");
    const lines = await tx.installments.listByContract(contract.id);
    const unpaid = (line: Installment) => line.status === "awaiting" || line.status === "denied";
    const neverPaid = contract.status === "pending_payment";
    const current = neverPaid
      ? []
      : lines.filter(
          (line) =>
            unpaid(line) &&
            line.periodStart !== null &&
            line.periodEnd !== null &&
            line.periodStart <= on &&
            on <= line.periodEnd,
        );
    const later = lines.filter(
      (line) => unpaid(line) && (neverPaid || line.dueDate > on) && !current.includes(line),
    );
    const toCancel = [...current, ...later];
    for (const line of toCancel) {
      const open = (await tx.payments.listByInstallment(line.id)).find((payment) =>
        openPaymentStatuses.includes(payment.status),
      );
      if (open) {
        throw new TesseraError(
          "payment_in_progress",
          `Payment ${open.id} for installment ${line.id} is still open.`,
          {
            details: { entity: "payment", id: open.id },
          },
        );
      }
    }
    const canceled = await tx.installments.updateMany(
      toCancel.map((previous) => ({
        installment: { ...previous, status: "canceled" as const, updatedAt: now },
        previous,
      })),
    );
    const closing = closingLines(contract, current, on);
    const closingRows = contractInstallments(ctx, contract, closing, now);
    if (closingRows.length > 0) await tx.installments.insertMany(closingRows);
    const ended = await tx.contracts.update(
      { ...contract, status: "canceled", endDate: on, nextPeriodOn: null, updatedAt: now },
      contract,
    );
    await tx.idempotencyKeys.insert({
      scope: key.scope,
      key: data.idempotencyKey,
      fingerprint: key.fingerprint,
      resource: formatResourceReference({ kind: "contract", id: contract.id }),
      createdAt: now,
    });
    await tx.outbox.append([
      ctx.events(
        "contract.canceled",
        {
          contractId: contract.id,
          customerId: contract.customerId,
          reason: "canceled",
          actor: data.actor,
          note: data.reason,
        },
        contract.unitId,
      ),
    ]);
    return { contract: ended, canceled, closing: closingRows, replayed: false };
  });
}

/** The closing pro-rata of the unpaid period `on` falls in: its days so far, and their client fee. */
function closingLines(
  contract: Contract,
  current: readonly Installment[],
  on: CalendarDate,
): ScheduledLine[] {
  const period = current.find((line) => line.kind === "period");
  if (!period?.periodStart || !period.periodEnd) return [];
  const days = daysBetween(period.periodStart, period.periodEnd) + 1;
  const used = daysBetween(period.periodStart, on) + 1;
  const amount = { amount: proRata(period.amount.amount, used, days), currency: period.amount.currency };
  const base: ScheduledLine = {
    sequence: period.sequence,
    kind: "closing_prorata",
    amount,
    dueDate: on,
    periodStart: period.periodStart,
    periodEnd: on,
  };
  const fee = percentOf(amount, contract.terms.clientFeeBasisPoints);
  return fee.amount > 0 ? [base, { ...base, kind: "fee", amount: fee }] : [base];
}
