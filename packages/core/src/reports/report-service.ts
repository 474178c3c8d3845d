import type { ServiceContext } from "../ports/service-context";
import type { AccessActor } from "../staff/staff-access";
import { calendarDateInZone } from "../time/timezone";
import { parseInput } from "../validation/parse-input";
import { recurringCreditStatus } from "./recurring-credit-status";
import {
  type OnlineSignUpsInput,
  onlineSignUpsInputSchema,
  type RecurringCreditInput,
  recurringCreditInputSchema,
} from "./report-input";
import { resolveReportPeriod } from "./report-period";
import type { OnlineSignUpCursor, RecurringCreditCursor } from "./report-queries";
import type { OnlineSignUpRow, RecurringCreditRow } from "./report-rows";
import { reportUnits } from "./report-units";

/**
 * The back office's reports, each an async iterable that reads the storage in keyset batches
 * (`batchSize`, 500 by default): memory holds one batch whatever the number of rows, so an
 * export can stream as it reads. Filters and access are checked before the first row — by
 * `prepare…`, which throws a `TesseraError` — so a caller can refuse a bad request before it
 * starts writing a response.
 */
export interface ReportService {
  /** The recurring-credit report (BEMP seed), ordered by due day then installment. */
  recurringCredit(
    actor: AccessActor,
    input: RecurringCreditInput,
  ): Promise<AsyncIterable<RecurringCreditRow>>;
  /** Contracts made at the online checkout, contracted in the period, oldest first. */
  onlineSignUps(actor: AccessActor, input: OnlineSignUpsInput): Promise<AsyncIterable<OnlineSignUpRow>>;
}

export function createReportService(ctx: Pick<ServiceContext, "storage" | "clock">): ReportService {
  return {
    async recurringCredit(actor, input) {
      const data = parseInput(recurringCreditInputSchema, input, "report");
      const { unit, units } = await reportUnits(ctx.storage, actor, data.unitId, data.scope);
      const { from, to } = resolveReportPeriod(
        data.period,
        calendarDateInZone(ctx.clock.now(), unit.timeZone),
      );
      const byId = new Map(units.map((u) => [u.id, u]));
      const storage = ctx.storage;
      return {
        async *[Symbol.asyncIterator]() {
          let after: RecurringCreditCursor | null = data.after ?? null;
          for (;;) {
            const batch = await storage.reports.recurringCreditBatch({
              unitIds: units.map((u) => u.id),
              from,
              to,
              ...(data.customerId ? { customerId: data.customerId } : {}),
              ...(data.customerSearch ? { customerSearch: data.customerSearch } : {}),
              after,
              limit: data.batchSize,
            });
            for (const stored of batch) {
              const rowUnit = byId.get(stored.unitId);
              const entry = rowUnit?.paymentMethods.find(
                (m) => m.method === stored.method && m.gatewayId === stored.gatewayId,
              );
              const row: RecurringCreditRow = {
                ...stored,
                status: recurringCreditStatus(stored.installmentStatus, stored.paymentStatus),
                mode: entry?.mode ?? "integrated",
                unitName: rowUnit?.name ?? stored.unitId,
              };
              if (data.status && row.status !== data.status) continue;
              if (data.mode && row.mode !== data.mode) continue;
              yield row;
            }
            const last = batch[batch.length - 1];
            if (!last || batch.length < data.batchSize) return;
            after = { dueDate: last.dueDate, installmentId: last.installmentId };
          }
        },
      };
    },

    async onlineSignUps(actor, input) {
      const data = parseInput(onlineSignUpsInputSchema, input, "report");
      const { unit, units } = await reportUnits(ctx.storage, actor, data.unitId, data.scope);
      const { from, to } = resolveReportPeriod(
        data.period,
        calendarDateInZone(ctx.clock.now(), unit.timeZone),
      );
      const names = new Map(units.map((u) => [u.id, u.name]));
      const storage = ctx.storage;
      return {
        async *[Symbol.asyncIterator]() {
          let after: OnlineSignUpCursor | null = data.after ?? null;
          for (;;) {
            const batch = await storage.reports.onlineSignUpBatch({
              unitIds: units.map((u) => u.id),
              from,
              to,
              ...(data.customerId ? { customerId: data.customerId } : {}),
              ...(data.customerSearch ? { customerSearch: data.customerSearch } : {}),
              after,
              limit: data.batchSize,
            });
            for (const stored of batch)
              yield { ...stored, unitName: names.get(stored.unitId) ?? stored.unitId };
            const last = batch[batch.length - 1];
            if (!last || batch.length < data.batchSize) return;
            after = { contractId: last.contractId };
          }
        },
      };
    },
  };
}
