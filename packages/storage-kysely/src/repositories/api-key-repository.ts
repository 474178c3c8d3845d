import type { ApiKeyRepository } from "@tessera/core";
import type { RepositoryContext } from "../repository-context";
import { writeUnique } from "../write-conflict";
import { apiKeyFromRow, apiKeyToRow } from "./api-key-row";

export function createApiKeyRepository(ctx: RepositoryContext): ApiKeyRepository {
  const { db, codec } = ctx;
  return {
    async insert(key) {
      await writeUnique(ctx, "apiKey", () => db.insertInto("api_keys").values(apiKeyToRow(key)).execute());
    },

    async findById(id) {
      const row = await db.selectFrom("api_keys").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? apiKeyFromRow(row, codec) : null;
    },

    async listByOrganization(organizationId) {
      const rows = await db
        .selectFrom("api_keys")
        .selectAll()
        .where("organization_id", "=", organizationId)
        .orderBy("id")
        .execute();
      return rows.map((row) => apiKeyFromRow(row, codec));
    },

    /** The status guard is the compare-and-set: of two revocations, one writes. */
    async revoke(id, at) {
      const row = await db
        .updateTable("api_keys")
        .set({ status: "revoked", revoked_at: at })
        .where("id", "=", id)
        .where("status", "=", "active")
        .returningAll()
        .executeTakeFirst();
      return row ? apiKeyFromRow(row, codec) : null;
    },

    async touch(id, use) {
      const result = await db
        .updateTable("api_keys")
        .set({ last_used_at: use.now })
        .where("id", "=", id)
        .where("status", "=", "active")
        .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", use.lastUsedBefore)]))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
