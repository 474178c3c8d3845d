import type { Kysely, Updateable } from "kysely";
import type { ContractsTable, Database } from "./database";
import type { RepositoryContext } from "./repository-context";
import { staleWriteError } from "./write-conflict";

/** Tables whose rows carry a `version` that every write bumps. */
export type VersionedTable = "payments" | "contracts" | "installments";

/**
 * The columns of `next` to write: all of them, or — given the row as the caller last saw it
 * at the same version (`update(entity, previous)` in the port) — only those that differ.
 * Writing only what changed keeps SQLite from rewriting the entries of indexes whose columns
 * did not change (an UPDATE touches every index on a column it sets, whatever the value),
 * which is most of the pages a sale's second commit appends to the write-ahead log.
 */
export function changedColumns<R extends Record<string, unknown>>(
  next: R,
  previous: { readonly [K in keyof R]?: unknown } | null,
): Partial<R> {
  if (previous === null) return next;
  const changes: Partial<R> = {};
  for (const column in next) {
    if (next[column] !== previous[column]) changes[column] = next[column];
  }
  return changes;
}

/** Throws when `previous` is not `next` as it was: the port's callers pass the entity they read. */
export function assertSameVersion(
  entity: string,
  next: { id: string; version: number },
  previous: { id: string; version: number } | undefined,
): void {
  if (previous && (previous.id !== next.id || previous.version !== next.version)) {
    throw new Error(
      `${entity} update: previous is ${previous.id} v${previous.version}, not ${next.id} v${next.version}`,
    );
  }
}

/**
 * `update <table> set <changes>, version = version + 1 where id = ? and version = ?` — the
 * compare-and-set of every versioned entity, compiled once per set of columns. Throws
 * `conflict` when the stored version moved on and `not_found` when the row is gone.
 */
export async function updateVersioned(
  ctx: RepositoryContext,
  db: Kysely<Database>,
  update: {
    table: VersionedTable;
    entity: string;
    id: string;
    version: number;
    changes: Record<string, unknown>;
  },
): Promise<void> {
  // The three tables share `id` and `version`; Kysely cannot see that through a union, so the
  // statement is typed against one of them, as `claimLeased` does.
  const table = update.table as "contracts";
  const values = {
    changes: update.changes as Updateable<ContractsTable>,
    id: update.id,
    version: update.version,
    next: update.version + 1,
  };
  const result = await ctx.queries.execute(db, `${table}.update`, values, (db, v) =>
    db
      .updateTable(table)
      .set({ ...v.changes, version: v.next })
      .where("id", "=", v.id)
      .where("version", "=", v.version),
  );
  if (result.numAffectedRows === 0n) {
    throw await staleWriteError(db, update.table, update.entity, update.id, update.version);
  }
}
