import type { Id, Payment, PaymentRepository } from "@tessera/core";
import type { Kysely, Selectable } from "kysely";
import type { Database, PaymentsTable } from "../database";
import { atomically, type RepositoryContext } from "../repository-context";
import { assertSameVersion, changedColumns, updateVersioned } from "../versioned-update";
import { writeUnique } from "../write-conflict";
import { paymentFromRow, paymentToRow } from "./payment-row";

async function writeInstallmentLinks(
  ctx: RepositoryContext,
  db: Kysely<Database>,
  payment: Payment,
): Promise<void> {
  if (payment.installmentIds.length === 0) return;
  const links = payment.installmentIds.map((installmentId, position) => ({
    payment_id: payment.id,
    installment_id: installmentId,
    position,
  }));
  await ctx.queries.execute(db, "payment_installments.insert", links, (db, rows) =>
    db.insertInto("payment_installments").values(rows),
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

export function createPaymentRepository(ctx: RepositoryContext): PaymentRepository {
  const { db, codec } = ctx;

  /** The installment ids of every row, in one query for the whole list. */
  const withInstallments = async (rows: Selectable<PaymentsTable>[]): Promise<Payment[]> => {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const { rows: links } = await ctx.queries.execute(db, "payment_installments.ofPayments", ids, (db, v) =>
      db
        .selectFrom("payment_installments")
        .select(["payment_id", "installment_id"])
        .where("payment_id", "in", v)
        .orderBy("payment_id")
        .orderBy("position"),
    );
    const byPayment = new Map<string, Id<"installment">[]>();
    for (const link of links) {
      const ids = byPayment.get(link.payment_id) ?? [];
      ids.push(link.installment_id as Id<"installment">);
      byPayment.set(link.payment_id, ids);
    }
    return rows.map((row) => paymentFromRow(row, byPayment.get(row.id) ?? [], codec));
  };

  const first = async (row: Selectable<PaymentsTable> | undefined) =>
    row ? ((await withInstallments([row]))[0] ?? null) : null;

  return {
    async insert(payment) {
      await writeUnique(ctx, "payment", () =>
        atomically(ctx, async (trx) => {
          await ctx.queries.execute(trx, "payments.insert", paymentToRow(payment, codec), (db, row) =>
            db.insertInto("payments").values(row),
          );
          await writeInstallmentLinks(ctx, trx, payment);
        }),
      );
    },

    /**
     * Every column is written from `payment`, so the stored row is `payment` at the next
     * version: nothing is read back. Given `previous`, only the changed columns are set, and
     * its installment ids tell whether the links changed; without it, they are read.
     */
    async update(payment, previous) {
      assertSameVersion("payment", payment, previous);
      const { id, version, ...fields } = paymentToRow(payment, codec);
      const before = previous ? paymentToRow(previous, codec) : null;
      return writeUnique(ctx, "payment", () =>
        atomically(ctx, async (trx) => {
          await updateVersioned(ctx, trx, {
            table: "payments",
            entity: "payment",
            id,
            version: payment.version,
            changes: changedColumns(fields, before),
          });
          const storedIds = previous
            ? previous.installmentIds
            : (
                await trx
                  .selectFrom("payment_installments")
                  .select("installment_id")
                  .where("payment_id", "=", id)
                  .orderBy("position")
                  .execute()
              ).map((link) => link.installment_id);
          // The covered installments rarely change; rewrite the links only when they do.
          if (!sameIds(storedIds, payment.installmentIds)) {
            await trx.deleteFrom("payment_installments").where("payment_id", "=", id).execute();
            await writeInstallmentLinks(ctx, trx, payment);
          }
          return { ...payment, installmentIds: [...payment.installmentIds], version: payment.version + 1 };
        }),
      );
    },

    async findById(id) {
      const { rows } = await ctx.queries.execute(db, "payments.findById", { id }, (db, v) =>
        db.selectFrom("payments").selectAll().where("id", "=", v.id),
      );
      return first(rows[0]);
    },

    async findByIdempotencyKey(gatewayId, idempotencyKey) {
      return first(
        await db
          .selectFrom("payments")
          .selectAll()
          .where("gateway_id", "=", gatewayId)
          .where("idempotency_key", "=", idempotencyKey)
          .executeTakeFirst(),
      );
    },

    /** A provider may reuse a reference across attempts; the first payment that used it wins. */
    async findByProviderReference(gatewayId, providerReference) {
      return first(
        await db
          .selectFrom("payments")
          .selectAll()
          .where("gateway_id", "=", gatewayId)
          .where("provider_reference", "=", providerReference)
          .orderBy("id")
          .limit(1)
          .executeTakeFirst(),
      );
    },

    async listByInstallment(installmentId) {
      const rows = await db
        .selectFrom("payments")
        .innerJoin("payment_installments", "payment_installments.payment_id", "payments.id")
        .selectAll("payments")
        .where("payment_installments.installment_id", "=", installmentId)
        .orderBy("payments.id")
        .execute();
      return withInstallments(rows);
    },

    async listStale(filter) {
      if (filter.statuses.length === 0 || filter.limit <= 0) return [];
      const rows = await db
        .selectFrom("payments")
        .selectAll()
        .where("status", "in", [...filter.statuses])
        .where("updated_at", "<", filter.updatedBefore)
        .orderBy("updated_at")
        .orderBy("id")
        .limit(filter.limit)
        .execute();
      return withInstallments(rows);
    },
  };
}
