import type { Id, Payment, PaymentRepository } from "@tessera/core";
import type { Kysely, Selectable } from "kysely";
import type { Database, PaymentsTable } from "../database";
import { atomically, type RepositoryContext } from "../repository-context";
import { staleWriteError, writeUnique } from "../write-conflict";
import { paymentFromRow, paymentToRow } from "./payment-row";

async function writeInstallmentLinks(db: Kysely<Database>, payment: Payment): Promise<void> {
  if (payment.installmentIds.length === 0) return;
  await db
    .insertInto("payment_installments")
    .values(
      payment.installmentIds.map((installmentId, position) => ({
        payment_id: payment.id,
        installment_id: installmentId,
        position,
      })),
    )
    .execute();
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

export function createPaymentRepository(ctx: RepositoryContext): PaymentRepository {
  const { db, codec } = ctx;

  /** The installment ids of every row, in one query for the whole list. */
  const withInstallments = async (rows: Selectable<PaymentsTable>[]): Promise<Payment[]> => {
    if (rows.length === 0) return [];
    const links = await db
      .selectFrom("payment_installments")
      .select(["payment_id", "installment_id"])
      .where(
        "payment_id",
        "in",
        rows.map((row) => row.id),
      )
      .orderBy("payment_id")
      .orderBy("position")
      .execute();
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
          await trx.insertInto("payments").values(paymentToRow(payment, codec)).execute();
          await writeInstallmentLinks(trx, payment);
        }),
      );
    },

    async update(payment) {
      const { id, ...changes } = paymentToRow(payment, codec);
      return writeUnique(ctx, "payment", () =>
        atomically(ctx, async (trx) => {
          const row = await trx
            .updateTable("payments")
            .set({ ...changes, version: payment.version + 1 })
            .where("id", "=", id)
            .where("version", "=", payment.version)
            .returningAll()
            .executeTakeFirst();
          if (!row) throw await staleWriteError(trx, "payments", "payment", id, payment.version);
          const stored = await trx
            .selectFrom("payment_installments")
            .select("installment_id")
            .where("payment_id", "=", id)
            .orderBy("position")
            .execute();
          const storedIds = stored.map((link) => link.installment_id);
          // The covered installments rarely change; rewrite the links only when they do.
          if (!sameIds(storedIds, payment.installmentIds)) {
            await trx.deleteFrom("payment_installments").where("payment_id", "=", id).execute();
            await writeInstallmentLinks(trx, payment);
          }
          return paymentFromRow(row, [...payment.installmentIds], codec);
        }),
      );
    },

    async findById(id) {
      return first(await db.selectFrom("payments").selectAll().where("id", "=", id).executeTakeFirst());
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
