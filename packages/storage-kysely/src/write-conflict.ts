import { TesseraError } from "@tessera/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "./database";
import type { RepositoryContext } from "./repository-context";

/**
 * Runs a write and turns the database's unique-constraint refusal into
 * `TesseraError("conflict")` naming the entity — the one shape callers handle (a second
 * registration of a document, a replayed idempotency key), whatever the database.
 */
export async function writeUnique<T>(
  ctx: RepositoryContext,
  entity: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!ctx.dialect.isUniqueViolation(error)) throw error;
    throw new TesseraError("conflict", `Another ${entity} already holds this unique key.`, {
      details: { entity, origin: ctx.dialect.name },
      cause: error,
    });
  }
}

/**
 * The error for a compare-and-set update that changed no row: `not_found` when the row is
 * gone, `conflict` when someone else updated it first (its version moved on).
 */
export async function staleWriteError(
  db: Kysely<Database>,
  table: keyof Database,
  entity: string,
  id: string,
  expectedVersion: number,
): Promise<TesseraError> {
  const { rows } = await sql<{
    version: number;
  }>`select version from ${sql.table(table)} where id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) {
    return new TesseraError("not_found", `The ${entity} ${id} does not exist.`, { details: { entity, id } });
  }
  return new TesseraError(
    "conflict",
    `The ${entity} ${id} was changed by someone else (expected version ${expectedVersion}, stored ${row.version}).`,
    { details: { entity, id, expectedVersion, storedVersion: Number(row.version) } },
  );
}
