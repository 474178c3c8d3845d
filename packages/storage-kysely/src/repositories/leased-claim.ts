import { addMilliseconds, type Instant } from "@tessera/core";
import { type Expression, type ExpressionBuilder, type Selectable, type SqlBool, sql } from "kysely";
import type { Database } from "../database";
import type { RepositoryContext } from "../repository-context";

/** The tables whose rows are claimed under a lease: same lease columns, same rules. */
export type LeasedTable = "installments" | "outbox";

export interface LeasedClaim<T extends LeasedTable> {
  table: T;
  /**
   * What makes a row claimable. Checked twice — to pick the candidates and again in the
   * UPDATE — so a row another claimer leased in between is never taken over.
   */
  claimable: (eb: ExpressionBuilder<Database, T>) => Expression<SqlBool>;
  /** Candidate order (oldest work first), by columns of the table. */
  orderBy: readonly (keyof Database[T] & string)[];
  limit: number;
  owner: string;
  leaseMs: number;
  now: Instant;
}

/**
 * Claims up to `limit` rows in one statement: `WITH candidates AS MATERIALIZED (SELECT id
 * … ORDER BY … LIMIT n [FOR UPDATE SKIP LOCKED]) UPDATE … SET lease…, lease_version =
 * lease_version + 1 WHERE id IN candidates AND <still claimable> RETURNING *`.
 * - SQLite runs it under its single write lock; PostgreSQL adds `FOR UPDATE SKIP LOCKED`
 *   to the candidates so concurrent claimers pass each other by.
 * - The candidates are a materialized CTE, not a plain `IN (SELECT … LIMIT n)`: PostgreSQL
 *   may re-run such a subquery per outer row, and each re-run — whose locking re-check sees
 *   the rows this very statement just leased as taken — picks the next `n`, so the claim
 *   took more than `limit` (found by the conformance suite on PostgreSQL 15).
 * - `lease_version` only grows: it fences a late holder's writes.
 * Rows come back in no particular order; callers sort.
 */
export async function claimLeased<T extends LeasedTable>(
  ctx: RepositoryContext,
  claim: LeasedClaim<T>,
): Promise<Selectable<Database[T]>[]> {
  if (claim.limit <= 0) return [];
  // Both tables share the lease columns; Kysely cannot see that through the generic, so the
  // statement is typed against one of them and the rows returned as the caller's table.
  const table = claim.table as "installments";
  const claimable = claim.claimable as unknown as (
    eb: ExpressionBuilder<Database, "installments">,
  ) => Expression<SqlBool>;
  const rows = await ctx.db
    .with(
      (cte) => cte("candidates").materialized(),
      (qb) => {
        let candidates = qb.selectFrom(table).select("id").where(claimable);
        for (const column of claim.orderBy) candidates = candidates.orderBy(column as "id");
        candidates = candidates.limit(claim.limit);
        return ctx.dialect.skipLockedClaims ? candidates.forUpdate().skipLocked() : candidates;
      },
    )
    .updateTable(table)
    .set({
      lease_owner: claim.owner,
      lease_expires_at: addMilliseconds(claim.now, claim.leaseMs),
      lease_version: sql<number>`lease_version + 1`,
    })
    .where("id", "in", (eb) => eb.selectFrom("candidates").select("candidates.id"))
    .where(claimable)
    .returningAll()
    .execute();
  return rows as unknown as Selectable<Database[T]>[];
}
