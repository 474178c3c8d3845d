import { type Kysely, type Migration, sql } from "kysely";
import type { StorageDialect } from "../storage-dialect";

/**
 * Who works in a studio and how they prove it: staff members (e-mail unique in the
 * installation), their back-office sessions (by the token's SHA-256, unique), API keys (by
 * id; the secret only as its SHA-256) and the append-only audit log, read by organization
 * newest first — its ids are ULIDs, so `(organization_id, id)` is the by-time index.
 * A scope is two columns, `scope_kind` and `scope_unit_id`, so a unit's members and keys can
 * be found by an index rather than inside JSON; a CHECK keeps the two consistent.
 */
export function staffAccessMigration(dialect: StorageDialect): Migration {
  const { instant, json } = dialect.columnTypes;
  const scopeCheck = sql`(scope_kind = 'organization' and scope_unit_id is null) or (scope_kind = 'unit' and scope_unit_id is not null)`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("staff_members")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("scope_kind", "text", (c) => c.notNull())
        .addColumn("scope_unit_id", "text", (c) => c.references("units.id"))
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("failed_logins", "integer", (c) => c.notNull())
        .addColumn("failed_logins_since", instant)
        .addColumn("locked_until", instant)
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addCheckConstraint("staff_members_scope_check", scopeCheck)
        .execute();
      await db.schema
        .createIndex("staff_members_email_key")
        .on("staff_members")
        .column("email")
        .unique()
        .execute();
      await db.schema
        .createIndex("staff_members_organization_idx")
        .on("staff_members")
        .columns(["organization_id", "id"])
        .execute();

      await db.schema
        .createTable("staff_sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("staff_id", "text", (c) => c.notNull().references("staff_members.id"))
        .addColumn("token_hash", "text", (c) => c.notNull())
        .addColumn("csrf_secret", "text", (c) => c.notNull())
        .addColumn("from_address", "text")
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("expires_at", instant, (c) => c.notNull())
        .addColumn("last_used_at", instant, (c) => c.notNull())
        .addColumn("revoked_at", instant)
        .execute();
      await db.schema
        .createIndex("staff_sessions_token_hash_key")
        .on("staff_sessions")
        .column("token_hash")
        .unique()
        .execute();
      await db.schema
        .createIndex("staff_sessions_staff_idx")
        .on("staff_sessions")
        .columns(["staff_id", "id"])
        .execute();

      await db.schema
        .createTable("api_keys")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("scope_kind", "text", (c) => c.notNull())
        .addColumn("scope_unit_id", "text", (c) => c.references("units.id"))
        .addColumn("secret_hash", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull().references("staff_members.id"))
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("last_used_at", instant)
        .addColumn("revoked_at", instant)
        .addCheckConstraint("api_keys_scope_check", scopeCheck)
        .execute();
      await db.schema
        .createIndex("api_keys_organization_idx")
        .on("api_keys")
        .columns(["organization_id", "id"])
        .execute();

      await db.schema
        .createTable("audit_log")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
        .addColumn("actor_kind", "text", (c) => c.notNull())
        .addColumn("actor_id", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("subject_kind", "text")
        .addColumn("subject_id", "text")
        .addColumn("from_address", "text")
        .addColumn("details", json, (c) => c.notNull())
        .addColumn("occurred_at", instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("audit_log_organization_time_idx")
        .on("audit_log")
        .columns(["organization_id", "id"])
        .execute();
    },
  };
}
