import type { IdempotencyKeyRepository } from "@tessera/core";
import type { RepositoryContext } from "../repository-context";
import { writeUnique } from "../write-conflict";

export function createIdempotencyKeyRepository(ctx: RepositoryContext): IdempotencyKeyRepository {
  const { db, codec } = ctx;
  return {
    /** The primary key (scope, key) refuses a second record: `conflict`, as the port says. */
    async insert(record) {
      const row = {
        scope: record.scope,
        key: record.key,
        fingerprint: record.fingerprint,
        resource: record.resource,
        created_at: record.createdAt,
      };
      await writeUnique(ctx, "idempotencyKey", () =>
        ctx.queries.execute(db, "idempotency_keys.insert", row, (db, values) =>
          db.insertInto("idempotency_keys").values(values),
        ),
      );
    },

    async find(scope, key) {
      const row = await db
        .selectFrom("idempotency_keys")
        .selectAll()
        .where("scope", "=", scope)
        .where("key", "=", key)
        .executeTakeFirst();
      if (!row) return null;
      return {
        scope: row.scope,
        key: row.key,
        fingerprint: row.fingerprint,
        resource: row.resource,
        createdAt: codec.readInstant(row.created_at),
      };
    },
  };
}
