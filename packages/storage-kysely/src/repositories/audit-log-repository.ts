import type { AuditLogRepository } from "@tessera/core";
import { pageLimit, toPage } from "../page-request";
import type { RepositoryContext } from "../repository-context";
import { auditEntryFromRow, auditEntryToRow } from "./audit-entry-row";

/** Append and read only: there is no update or delete here, by design. */
export function createAuditLogRepository(ctx: RepositoryContext): AuditLogRepository {
  const { db, codec } = ctx;
  return {
    async append(entry) {
      await db.insertInto("audit_log").values(auditEntryToRow(entry, codec)).execute();
    },

    /**
     * Newest first, by id (a ULID, so by time) on `audit_log_organization_time_idx`; the
     * filters narrow that walk — an owner's log is read a page at a time, so no index of its own.
     */
    async list(organizationId, page = {}, filter = {}) {
      const limit = pageLimit(page);
      let query = db.selectFrom("audit_log").selectAll().where("organization_id", "=", organizationId);
      if (page.after) query = query.where("id", "<", page.after);
      if (filter.actor) {
        query = query.where("actor_kind", "=", filter.actor.kind).where("actor_id", "=", filter.actor.id);
      }
      if (filter.action) query = query.where("action", "=", filter.action);
      if (filter.occurredFrom) query = query.where("occurred_at", ">=", filter.occurredFrom);
      if (filter.occurredBefore) query = query.where("occurred_at", "<", filter.occurredBefore);
      const rows = await query
        .orderBy("id", "desc")
        .limit(limit + 1)
        .execute();
      return toPage(
        rows.map((row) => auditEntryFromRow(row, codec)),
        limit,
      );
    },
  };
}
