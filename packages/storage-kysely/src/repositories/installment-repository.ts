import { type ClaimRequest, type Installment, type InstallmentRepository, TesseraError } from "@tessera/core";
import type { ExpressionBuilder, Kysely, Updateable } from "kysely";
import type { Database, InstallmentsTable } from "../database";
import { atomically, type RepositoryContext } from "../repository-context";
import { assertSameVersion, changedColumns } from "../versioned-update";
import { staleWriteError, writeUnique } from "../write-conflict";
import { installmentFieldsToRow, installmentFromRow, installmentToRow } from "./installment-row";
import { claimLeased } from "./leased-claim";

/** One `update(installment, previous)` of a batch: the columns to set, from which version. */
interface PlannedUpdate {
  installment: Installment;
  changes: Updateable<InstallmentsTable>;
  /** Installments with the same key are written by one statement. */
  key: string;
}

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

  const plan = (installment: Installment, previous: Installment | undefined): PlannedUpdate => {
    assertSameVersion("installment", installment, previous);
    const { version, ...fields } = installmentFieldsToRow(installment);
    const changes = changedColumns(fields, previous ? installmentFieldsToRow(previous) : null);
    return { installment, changes, key: JSON.stringify([version, changes]) };
  };

  /**
   * `update installments set <changes>, version = ? where id in (…) and version = ?` for
   * installments changed alike from the same version. Nothing is read back: every owner's
   * field is the caller's at the new version, and the lease — which claims own, and which
   * this never writes — is returned as the caller gave it (a `returning` of it cost as much
   * as the update). Throws, leaving the caller's transaction to undo the others, when a row
   * did not match.
   */
  const write = async (trx: Kysely<Database>, group: readonly PlannedUpdate[]): Promise<Installment[]> => {
    const [first] = group as [PlannedUpdate];
    const { version } = first.installment;
    const values = {
      changes: first.changes,
      ids: group.map((update) => update.installment.id),
      version,
      next: version + 1,
    };
    const { numAffectedRows } = await ctx.queries.execute(trx, "installments.update", values, (db, v) =>
      db
        .updateTable("installments")
        .set({ ...v.changes, version: v.next })
        .where("id", "in", v.ids)
        .where("version", "=", v.version),
    );
    if (numAffectedRows !== BigInt(group.length)) {
      const { rows } = await ctx.queries.execute(trx, "installments.versions", values.ids, (db, ids) =>
        db.selectFrom("installments").select(["id", "version"]).where("id", "in", ids),
      );
      const updated = new Map(rows.map((row) => [row.id, row.version]));
      // Ours now hold the next version; the first that does not was missing or moved on.
      const stale = group.find((update) => updated.get(update.installment.id) !== version + 1) ?? first;
      throw await staleWriteError(trx, "installments", "installment", stale.installment.id, version);
    }
    return group.map(({ installment }) => ({ ...installment, version: version + 1 }));
  };

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
            const batch = installments.slice(start, start + insertBatchSize).map(installmentToRow);
            await ctx.queries.execute(trx, "installments.insert", batch, (db, rows) =>
              db.insertInto("installments").values(rows),
            );
          }
        }),
      );
    },

    /** Writes the owner's fields; the lease, which claims own, is left as it is. */
    async update(installment, previous) {
      const [stored] = await write(db, [plan(installment, previous)]);
      return stored as Installment;
    },

    async updateMany(changes) {
      if (changes.length === 0) return [];
      const planned = changes.map((change) => plan(change.installment, change.previous));
      const groups = new Map<string, PlannedUpdate[]>();
      for (const update of planned) groups.set(update.key, [...(groups.get(update.key) ?? []), update]);
      return atomically(ctx, async (trx) => {
        const stored = new Map<string, Installment>();
        for (const group of groups.values()) {
          for (const installment of await write(trx, group)) stored.set(installment.id, installment);
        }
        return planned.map((update) => stored.get(update.installment.id) as Installment);
      });
    },

    async findById(id) {
      const row = await db.selectFrom("installments").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? installmentFromRow(row, codec) : null;
    },

    async findByIds(ids) {
      if (ids.length === 0) return [];
      const { rows } = await ctx.queries.execute(db, "installments.findByIds", [...ids], (db, v) =>
        db.selectFrom("installments").selectAll().where("id", "in", v).orderBy("id"),
      );
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

    /** One statement: the unit's unpaid lines in the window, less those with the reminder recorded. */
    async listUnreminded(request) {
      const after = request.after;
      const rows = await db
        .selectFrom("installments")
        .selectAll("installments")
        .where("installments.status", "in", ["awaiting", "denied"])
        .where("installments.due_date", ">=", request.dueFrom)
        .where("installments.due_date", "<=", request.dueTo)
        .where("installments.unit_id", "=", request.unitId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("installment_reminders")
                .select("installment_reminders.installment_id")
                .whereRef("installment_reminders.installment_id", "=", "installments.id")
                .where("installment_reminders.kind", "=", request.kind),
            ),
          ),
        )
        .$if(after !== undefined, (query) =>
          query.where((eb) =>
            eb.or([
              eb("installments.due_date", ">", after!.dueDate),
              eb.and([
                eb("installments.due_date", "=", after!.dueDate),
                eb("installments.id", ">", after!.id),
              ]),
            ]),
          ),
        )
        .orderBy("installments.due_date")
        .orderBy("installments.id")
        .limit(request.limit)
        .execute();
      return rows.map((row) => installmentFromRow(row, codec));
    },

    /** Insert-if-absent on the (installment, kind) key: the second worker's insert does nothing. */
    async recordReminder(installmentId, kind, at) {
      const inserted = await db
        .insertInto("installment_reminders")
        .values({ installment_id: installmentId, kind, sent_at: at })
        .onConflict((oc) => oc.columns(["installment_id", "kind"]).doNothing())
        .returning("installment_id")
        .executeTakeFirst();
      return inserted !== undefined;
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
