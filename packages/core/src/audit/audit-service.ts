import { TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { ServiceContext } from "../ports/service-context";
import type { Page } from "../ports/storage";
import { parseId } from "../validation/parse-id";
import { parseInput } from "../validation/parse-input";
import {
  type AuditEntry,
  type AuditListOptions,
  type AuditLogFilter,
  type AuditRecordInput,
  auditListOptionsSchema,
  auditRecordInputSchema,
} from "./audit-entry";

/**
 * The organization's audit log (`tessera.audit`): what staff and API keys did, appended by
 * the server as it acts, read by owners (`canSeeAuditLog`). Lines are never changed or deleted.
 *
 * @example
 * ```ts
 * await tessera.audit.record({
 *   organizationId: staff.organizationId,
 *   actor: { kind: "staff", id: staff.id },
 *   action: "plan.updated",
 *   subject: { kind: "plan", id: plan.id },
 *   from: ip,
 *   details: { field: "price", before: 12990, after: 14990 },
 * });
 * const { items, nextCursor } = await tessera.audit.list(organizationId, { limit: 50 });
 * ```
 */
export interface AuditService {
  /** Appends one line, stamped with the clock's now. Detail keys naming a secret are refused. */
  record(input: AuditRecordInput): Promise<AuditEntry>;
  /**
   * Newest first; pass `nextCursor` as `cursor` (with the same filter) for the older page.
   * Filters: one actor, one action, a period `[occurredFrom, occurredBefore)`; a period that
   * ends before it starts is `validation_failed` (`range_reversed` on `occurredBefore`).
   */
  list(organizationId: Id<"organization">, options?: AuditListOptions): Promise<Page<AuditEntry>>;
}

export function createAuditService(ctx: Pick<ServiceContext, "storage" | "clock" | "ids">): AuditService {
  return {
    async record(input) {
      const data = parseInput(auditRecordInputSchema, input, "audit entry");
      const organizationId = data.organizationId as Id<"organization">;
      if (!(await ctx.storage.organizations.findById(organizationId))) {
        throw new TesseraError("not_found", `The organization ${organizationId} does not exist.`, {
          details: { entity: "organization", id: organizationId },
        });
      }
      const entry: AuditEntry = {
        id: ctx.ids("auditEntry"),
        organizationId,
        actor: { kind: data.actor.kind, id: data.actor.id },
        action: data.action,
        subject: data.subject ? { kind: data.subject.kind, id: data.subject.id } : null,
        from: data.from || null,
        details: data.details ?? {},
        occurredAt: ctx.clock.now(),
      };
      await ctx.storage.auditLog.append(entry);
      return entry;
    },

    async list(organizationId, options = {}) {
      const id = parseId("organization", organizationId, "organizationId");
      const data = parseInput(auditListOptionsSchema, options, "audit list options");
      const filter: AuditLogFilter = {
        ...(data.actor ? { actor: { kind: data.actor.kind, id: data.actor.id } } : {}),
        ...(data.action ? { action: data.action } : {}),
        ...(data.occurredFrom ? { occurredFrom: data.occurredFrom } : {}),
        ...(data.occurredBefore ? { occurredBefore: data.occurredBefore } : {}),
      };
      return ctx.storage.auditLog.list(
        id,
        { ...(data.cursor ? { after: data.cursor } : {}), limit: data.limit ?? 50 },
        filter,
      );
    },
  };
}
