import { type Kysely, type Migration, sql } from "kysely";
import type { StorageDialect } from "../storage-dialect";

/**
 * The first schema. A published migration never changes: a later change is a new migration
 * beside this one, so every database walks the same steps.
 */
export function initialSchemaMigration(dialect: StorageDialect): Migration {
  const { instant, json, bigint, boolean } = dialect.columnTypes;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("organizations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("units")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("time_zone", "text", (c) => c.notNull())
        .addColumn("currency", "text", (c) => c.notNull())
        .addColumn("locale", "text", (c) => c.notNull())
        .addColumn("notification_emails", json, (c) => c.notNull())
        .addColumn("client_fee_basis_points", "integer", (c) => c.notNull())
        .addColumn("payment_methods", json, (c) => c.notNull())
        .addColumn("checkout_fields", json, (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("units_organization_idx")
        .on("units")
        .columns(["organization_id", "id"])
        .execute();

      await db.schema
        .createTable("plans")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("price_amount", bigint, (c) => c.notNull())
        .addColumn("price_currency", "text", (c) => c.notNull())
        .addColumn("interval_unit", "text", (c) => c.notNull())
        .addColumn("interval_count", "integer", (c) => c.notNull())
        .addColumn("installment_count", "integer")
        .addColumn("enrollment_fee_amount", bigint)
        .addColumn("enrollment_fee_currency", "text")
        .addColumn("auto_renew", boolean, (c) => c.notNull())
        .addColumn("quotas", json, (c) => c.notNull())
        .addColumn("online_enabled", boolean, (c) => c.notNull())
        .addColumn("online_slug", "text", (c) => c.notNull())
        .addColumn("online_button_text", "text", (c) => c.notNull())
        .addColumn("online_button_design", json, (c) => c.notNull())
        .addColumn("activation_mode", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("plans_online_slug_key")
        .on("plans")
        .columns(["unit_id", "online_slug"])
        .unique()
        .execute();

      await db.schema
        .createTable("customers")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("document", json)
        .addColumn("document_key", "text")
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("phone", "text")
        .addColumn("address", json)
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("attachments", json, (c) => c.notNull())
        .addColumn("password_hash", "text")
        .addColumn("extra_fields", json, (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .execute();
      // Partial: customers without a document never collide with each other.
      await db.schema
        .createIndex("customers_document_key")
        .on("customers")
        .columns(["organization_id", "document_key"])
        .unique()
        .where(sql.ref("document_key"), "is not", null)
        .execute();
      await db.schema
        .createIndex("customers_organization_idx")
        .on("customers")
        .columns(["organization_id", "id"])
        .execute();

      await db.schema
        .createTable("contracts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
        .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id"))
        .addColumn("terms", json, (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("start_date", "text", (c) => c.notNull())
        .addColumn("billing_day", "integer", (c) => c.notNull())
        .addColumn("end_date", "text")
        .addColumn("origin", "text", (c) => c.notNull())
        .addColumn("renews_contract_id", "text", (c) => c.references("contracts.id"))
        .addColumn("payment_issue", json)
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .execute();
      // Serves both a customer's contracts and the derived customer status (EXISTS by status).
      await db.schema
        .createIndex("contracts_customer_idx")
        .on("contracts")
        .columns(["customer_id", "status"])
        .execute();
      await db.schema.createIndex("contracts_unit_idx").on("contracts").columns(["unit_id", "id"]).execute();

      await db.schema
        .createTable("orders")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
        .addColumn("items", json, (c) => c.notNull())
        .addColumn("total_amount", bigint, (c) => c.notNull())
        .addColumn("total_currency", "text", (c) => c.notNull())
        .addColumn("installment_count", "integer", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("paid_from_balance", boolean, (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("orders_customer_idx")
        .on("orders")
        .columns(["customer_id", "id"])
        .execute();

      await db.schema
        .createTable("installments")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
        .addColumn("contract_id", "text", (c) => c.references("contracts.id"))
        .addColumn("order_id", "text", (c) => c.references("orders.id"))
        .addColumn("sequence", "integer", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("amount", bigint, (c) => c.notNull())
        .addColumn("currency", "text", (c) => c.notNull())
        .addColumn("due_date", "text", (c) => c.notNull())
        .addColumn("period_start", "text")
        .addColumn("period_end", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("failed_attempts", "integer", (c) => c.notNull())
        .addColumn("next_attempt_on", "text")
        .addColumn("confirmed_at", instant)
        .addColumn("lease_owner", "text")
        .addColumn("lease_expires_at", instant)
        .addColumn("lease_version", "integer", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .execute();
      // The billing run's claim walks collectable installments in due order.
      await db.schema
        .createIndex("installments_due_idx")
        .on("installments")
        .columns(["status", "due_date", "id"])
        .execute();
      await db.schema
        .createIndex("installments_contract_idx")
        .on("installments")
        .columns(["contract_id", "sequence"])
        .execute();
      await db.schema
        .createIndex("installments_order_idx")
        .on("installments")
        .columns(["order_id", "sequence"])
        .execute();

      await db.schema
        .createTable("payments")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
        .addColumn("gateway_id", "text", (c) => c.notNull())
        .addColumn("method", "text", (c) => c.notNull())
        .addColumn("amount", bigint, (c) => c.notNull())
        .addColumn("currency", "text", (c) => c.notNull())
        .addColumn("idempotency_key", "text", (c) => c.notNull())
        .addColumn("provider_reference", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("raw_status", "text")
        .addColumn("action", json)
        .addColumn("failure_code", "text")
        .addColumn("failure_message", "text")
        .addColumn("card", json)
        .addColumn("refunded_amount", bigint, (c) => c.notNull())
        .addColumn("refunded_currency", "text", (c) => c.notNull())
        .addColumn("attempt", "integer", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("payments_idempotency_key")
        .on("payments")
        .columns(["gateway_id", "idempotency_key"])
        .unique()
        .execute();
      await db.schema
        .createIndex("payments_provider_reference_idx")
        .on("payments")
        .columns(["gateway_id", "provider_reference"])
        .execute();
      await db.schema
        .createIndex("payments_stale_idx")
        .on("payments")
        .columns(["status", "updated_at"])
        .execute();

      await db.schema
        .createTable("payment_installments")
        .addColumn("payment_id", "text", (c) => c.notNull().references("payments.id").onDelete("cascade"))
        .addColumn("installment_id", "text", (c) => c.notNull().references("installments.id"))
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("payment_installments_pkey", ["payment_id", "installment_id"])
        .execute();
      await db.schema
        .createIndex("payment_installments_installment_idx")
        .on("payment_installments")
        .columns(["installment_id", "payment_id"])
        .execute();

      await db.schema
        .createTable("refunds")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("payment_id", "text", (c) => c.notNull().references("payments.id"))
        .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
        .addColumn("amount", bigint, (c) => c.notNull())
        .addColumn("currency", "text", (c) => c.notNull())
        .addColumn("destination", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
        .addColumn("provider_reference", "text")
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("updated_at", instant, (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("refunds_payment_idx")
        .on("refunds")
        .columns(["payment_id", "id"])
        .execute();

      await db.schema
        .createTable("wallet_entries")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("amount", bigint, (c) => c.notNull())
        .addColumn("currency", "text", (c) => c.notNull())
        .addColumn("method", "text")
        .addColumn("note", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("order_id", "text")
        .addColumn("payment_id", "text")
        .addColumn("refund_id", "text")
        .addColumn("reverses_entry_id", "text")
        .addColumn("created_at", instant, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("wallet_entries_customer_idx")
        .on("wallet_entries")
        .columns(["customer_id", "id"])
        .execute();

      await db.schema
        .createTable("wallet_balances")
        .addColumn("customer_id", "text", (c) => c.notNull().references("customers.id"))
        .addColumn("currency", "text", (c) => c.notNull())
        .addColumn("balance", bigint, (c) => c.notNull().check(sql`balance >= 0`))
        .addPrimaryKeyConstraint("wallet_balances_pkey", ["customer_id", "currency"])
        .execute();

      await db.schema
        .createTable("activation_codes")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
        .addColumn("code", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attached_customer_id", "text", (c) => c.references("customers.id"))
        .addColumn("valid_from", "text")
        .addColumn("valid_until", "text")
        .addColumn("attached_at", instant)
        .addColumn("created_at", instant, (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("activation_codes_code_key")
        .on("activation_codes")
        .columns(["unit_id", "code"])
        .unique()
        .execute();
      await db.schema
        .createIndex("activation_codes_contract_idx")
        .on("activation_codes")
        .columns(["contract_id"])
        .execute();

      await db.schema
        .createTable("outbox")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("unit_id", "text")
        .addColumn("occurred_at", instant, (c) => c.notNull())
        .addColumn("payload", json, (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("next_attempt_at", instant, (c) => c.notNull())
        .addColumn("delivered_at", instant)
        .addColumn("last_error", "text")
        .addColumn("lease_owner", "text")
        .addColumn("lease_expires_at", instant)
        .addColumn("lease_version", "integer", (c) => c.notNull())
        .execute();
      // Only undelivered events are ever claimed; delivered ones leave the index.
      await db.schema
        .createIndex("outbox_undelivered_idx")
        .on("outbox")
        .columns(["id"])
        .where(sql.ref("delivered_at"), "is", null)
        .execute();

      await db.schema
        .createTable("inbox")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("gateway_id", "text", (c) => c.notNull())
        .addColumn("provider_event_id", "text", (c) => c.notNull())
        .addColumn("received_at", instant, (c) => c.notNull())
        .addColumn("headers", json, (c) => c.notNull())
        .addColumn("raw_body", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("processed_at", instant)
        .addColumn("outcome", "text")
        .execute();
      await db.schema
        .createIndex("inbox_provider_event_key")
        .on("inbox")
        .columns(["gateway_id", "provider_event_id"])
        .unique()
        .execute();
      await db.schema.createIndex("inbox_status_idx").on("inbox").columns(["status", "id"]).execute();

      await db.schema
        .createTable("idempotency_keys")
        .addColumn("scope", "text", (c) => c.notNull())
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("fingerprint", "text", (c) => c.notNull())
        .addColumn("resource", "text", (c) => c.notNull())
        .addColumn("created_at", instant, (c) => c.notNull())
        .addPrimaryKeyConstraint("idempotency_keys_pkey", ["scope", "key"])
        .execute();
    },
  };
}
