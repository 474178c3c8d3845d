import { type ClaimRequest, type Installment, type InstallmentRepository, TesseraError } from "@tessera/core";
import type { ExpressionBuilder } from "kysely";
import type { Database } from "../database";
import { atomically, type RepositoryContext } from "../repository-context";
import { staleWriteError, writeUnique } from "../write-conflict";
import { installmentFieldsToRow, installmentFromRow, installmentToRow } from "./installment-row";
import { claimLeased } from "./leased-claim";

/** Rows per INSERT: far below SQLite's and PostgreSQL's bound-parameter limits. */
const insertBatchSize = 100;

/**
 * What makes an installment claimable: collectable, due, its retry day come, and held by no
 * live lease. Used twice per claim — to pick candidates and again in the UPDATE — so a row
 * another claimer took between the two is never taken over.
 */
function claimable(request: ClaimRequest) {
  return (eb: ExpressionBuilder<Database, "installments">) =>
    eb.and([
      eb("installments.status", "in", ["awaiting", "denied"]),
      eb("installments.due_date", "<=", request.dueOn),
      eb.or([
        eb("installments.next_attempt_on", "is", null),
        eb("installments.next_attempt_on", "<=", request.dueOn),
      ]),
      eb.or([
        eb("installments.lease_owner", "is", null),
        eb("installments.lease_expires_at", "<=", request.now),
      ]),
      ...(request.unitId ? [eb("installments.unit_id", "=", request.unitId)] : []),
    ]);
}

function byDueDateThenId(a: Installment, b: Installment): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function createInstallmentRepository(ctx: RepositoryContext): InstallmentRepository {
  const { db, codec } = ctx;

  const leaseLost = (id: string, lease: { owner: string; version: number }) =>
    new TesseraError(
      "lease_lost",
      `The lease of ${lease.owner} (version ${lease.version}) on installment ${id} is no longer current.`,
      { details: { entity: "installment", id, owner: lease.owner, leaseVersion: lease.version } },
    );

  return {
    async insertMany(installments) {
      if (installments.length === 0) return;
      await writeUnique(ctx, "installment", () =>
        atomically(ctx, async (trx) => {
          for (let start = 0; start < installments.length; start += insertBatchSize) {
            const batch = installments.slice(start, start + insertBatchSize);
            await trx.insertInto("installments").values(batch.map(installmentToRow)).execute();
          }
        }),
      );
    },

    /** Writes the owner's fields; the lease, which claims own, is left as it is. */
    async update(installment) {
      const row = await db
        .updateTable("installments")
        .set({ ...installmentFieldsToRow(installment), version: installment.version + 1 })
        .where("id", "=", installment.id)
        .where("version", "=", installment.version)
        .returningAll()
        .executeTakeFirst();
      if (!row)
        throw await staleWriteError(db, "installments", "installment", installment.id, installment.version);
      return installmentFromRow(row, codec);
    },

    async findById(id) {
      const row = await db.selectFrom("installments").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? installmentFromRow(row, codec) : null;
    },

    async findByIds(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom("installments")
        .selectAll()
        .where("id", "in", [...ids])
        .orderBy("id")
        .execute();
      return rows.map((row) => installmentFromRow(row, codec));
    },

    async listByContract(contractId) {
      const rows = await db
        .selectFrom("installments")
        .selectAll()
        .where("contract_id", "=", contractId)
        .orderBy("sequence")
        .orderBy("id")
        .execute();
      return rows.map((row) => installmentFromRow(row, codec));
    },

    async listByOrder(orderId) {
      const rows = await db
        .selectFrom("installments")
        .selectAll()
        .where("order_id", "=", orderId)
        .orderBy("sequence")
        .orderBy("id")
        .execute();
      return rows.map((row) => installmentFromRow(row, codec));
    },

    /** One leased-claim statement (see `claimLeased`), ordered by due date then id. */
    async claimDue(request) {
      const rows = await claimLeased(ctx, {
        table: "installments",
        claimable: claimable(request),
        orderBy: ["due_date", "id"],
        limit: request.limit,
        owner: request.owner,
        leaseMs: request.leaseMs,
        now: request.now,
      });
      return rows.map((row) => installmentFromRow(row, codec)).sort(byDueDateThenId);
    },

    async completeClaim(installment, lease) {
      const row = await db
        .updateTable("installments")
        .set({
          ...installmentFieldsToRow(installment),
          lease_owner: null,
          lease_expires_at: null,
          version: installment.version + 1,
        })
        .where("id", "=", installment.id)
        .where("lease_owner", "=", lease.owner)
        .where("lease_version", "=", lease.version)
        .where("version", "=", installment.version)
        .returningAll()
        .executeTakeFirst();
      if (row) return installmentFromRow(row, codec);
      const current = await db
        .selectFrom("installments")
        .select(["lease_owner", "lease_version"])
        .where("id", "=", installment.id)
        .executeTakeFirst();
      if (current && (current.lease_owner !== lease.owner || current.lease_version !== lease.version)) {
        throw leaseLost(installment.id, lease);
      }
      throw await staleWriteError(db, "installments", "installment", installment.id, installment.version);
    },

    async releaseClaim(id, lease) {
      await db
        .updateTable("installments")
        .set({ lease_owner: null, lease_expires_at: null })
        .where("id", "=", id)
        .where("lease_owner", "=", lease.owner)
        .where("lease_version", "=", lease.version)
        .execute();
    },
  };
}
