import type { ColumnType } from "kysely";

/**
 * The tables, as Kysely sees them. Names are the port's nouns in snake_case; columns are the
 * entity's fields in snake_case; money is two columns (`…amount` in minor units and
 * `…currency`). The conformance suite reads rows by these names, so they are part of the
 * contract with `@tessera/core/testing` (see its `StorageUnderTest.readRows`).
 *
 * Values whose representation differs by database are typed loosely on read (`unknown`)
 * and decoded through the `StorageDialect`; writes are typed exactly.
 */
export interface Database {
  organizations: OrganizationsTable;
  units: UnitsTable;
  plans: PlansTable;
  customers: CustomersTable;
  contracts: ContractsTable;
  orders: OrdersTable;
  installments: InstallmentsTable;
  payments: PaymentsTable;
  payment_installments: PaymentInstallmentsTable;
  refunds: RefundsTable;
  recurrences: RecurrencesTable;
  wallet_entries: WalletEntriesTable;
  wallet_balances: WalletBalancesTable;
  activation_codes: ActivationCodesTable;
  outbox: OutboxTable;
  inbox: InboxTable;
  idempotency_keys: IdempotencyKeysTable;
  staff_members: StaffMembersTable;
  staff_sessions: StaffSessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  provider_accounts: ProviderAccountsTable;
  installment_reminders: InstallmentRemindersTable;
  billing_runs: BillingRunsTable;
}

/** One unit's part of one billing run (`BillingRunRecord`). */
export interface BillingRunsTable {
  id: string;
  unit_id: string;
  owner: string;
  started_at: InstantColumn;
  finished_at: InstantColumn;
  report: JsonColumn;
}

/** One e-mail reminder sent for an installment (`InstallmentRepository.recordReminder`). */
export interface InstallmentRemindersTable {
  installment_id: string;
  kind: string;
  sent_at: InstantColumn;
}

/** An ISO-8601 instant: text on SQLite, `timestamptz` (a `Date` on read) on PostgreSQL. */
export type InstantColumn = ColumnType<unknown, string, string>;
export type NullableInstantColumn = ColumnType<unknown, string | null, string | null>;
/** JSON written as text; read back as text (SQLite) or as the parsed value (PostgreSQL). */
export type JsonColumn = ColumnType<unknown, string, string>;
export type NullableJsonColumn = ColumnType<unknown, string | null, string | null>;
/** Minor units; PostgreSQL returns `bigint` as a string. */
export type BigintColumn = ColumnType<unknown, number, number>;
export type NullableBigintColumn = ColumnType<unknown, number | null, number | null>;
export type BooleanColumn = ColumnType<unknown, boolean | number, boolean | number>;

export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: InstantColumn;
}

export interface UnitsTable {
  id: string;
  organization_id: string;
  name: string;
  slug: string;
  time_zone: string;
  currency: string;
  locale: string;
  notification_emails: JsonColumn;
  client_fee_basis_points: number;
  payment_methods: JsonColumn;
  checkout_fields: JsonColumn;
  dunning_retry_days: JsonColumn;
  renewal_terms: string;
  reminder_days: JsonColumn;
  created_at: InstantColumn;
  updated_at: InstantColumn;
}

export interface PlansTable {
  id: string;
  unit_id: string;
  name: string;
  description: string;
  kind: string;
  price_amount: BigintColumn;
  price_currency: string;
  interval_unit: string;
  interval_count: number;
  installment_count: number | null;
  enrollment_fee_amount: NullableBigintColumn;
  enrollment_fee_currency: string | null;
  auto_renew: BooleanColumn;
  quotas: JsonColumn;
  online_enabled: BooleanColumn;
  online_slug: string;
  online_button_text: string;
  online_button_design: JsonColumn;
  activation_mode: string;
  status: string;
  created_at: InstantColumn;
  updated_at: InstantColumn;
  version: number;
}

/** No `status` column: a customer's status is derived from their contracts on every read. */
export interface CustomersTable {
  id: string;
  organization_id: string;
  name: string;
  document: NullableJsonColumn;
  /** `documentKey(document)`, the unique lookup key within the organization. */
  document_key: string | null;
  email: string;
  phone: string | null;
  address: NullableJsonColumn;
  source: string;
  attachments: JsonColumn;
  password_hash: string | null;
  extra_fields: JsonColumn;
  /** `customerSearchText(customer)`: what a search looks in (migration 0006). */
  search_key: string;
  created_at: InstantColumn;
  updated_at: InstantColumn;
  version: number;
}

export interface ContractsTable {
  id: string;
  unit_id: string;
  customer_id: string;
  plan_id: string;
  terms: JsonColumn;
  status: string;
  start_date: string;
  billing_day: number;
  end_date: string | null;
  next_period_on: string | null;
  origin: string;
  renews_contract_id: string | null;
  payment_issue: NullableJsonColumn;
  created_at: InstantColumn;
  updated_at: InstantColumn;
  version: number;
}

export interface OrdersTable {
  id: string;
  unit_id: string;
  customer_id: string;
  items: JsonColumn;
  total_amount: BigintColumn;
  total_currency: string;
  installment_count: number;
  status: string;
  paid_from_balance: BooleanColumn;
  created_at: InstantColumn;
  updated_at: InstantColumn;
  version: number;
}

export interface InstallmentsTable {
  id: string;
  unit_id: string;
  customer_id: string;
  contract_id: string | null;
  order_id: string | null;
  sequence: number;
  kind: string;
  amount: BigintColumn;
  currency: string;
  due_date: string;
  period_start: string | null;
  period_end: string | null;
  status: string;
  failed_attempts: number;
  next_attempt_on: string | null;
  confirmed_at: NullableInstantColumn;
  lease_owner: string | null;
  lease_expires_at: NullableInstantColumn;
  /** The fencing token: only ever grows, and stays when the lease is dropped. */
  lease_version: number;
  created_at: InstantColumn;
  updated_at: InstantColumn;
  version: number;
}

export interface PaymentsTable {
  id: string;
  unit_id: string;
  customer_id: string;
  gateway_id: string;
  method: string;
  amount: BigintColumn;
  currency: string;
  idempotency_key: string;
  provider_reference: string | null;
  status: string;
  raw_status: string | null;
  action: NullableJsonColumn;
  failure_code: string | null;
  failure_message: string | null;
  card: NullableJsonColumn;
  refunded_amount: BigintColumn;
  refunded_currency: string;
  /** The wallet's part of a split payment (`Payment.fromBalance`), in the payment's currency. */
  from_balance_amount: NullableBigintColumn;
  from_balance_entry_id: string | null;
  attempt: number;
  created_at: InstantColumn;
  updated_at: InstantColumn;
  version: number;
}

/** Which installments a payment covers, in the payment's order, indexed by installment. */
export interface PaymentInstallmentsTable {
  payment_id: string;
  installment_id: string;
  position: number;
}

export interface RecurrencesTable {
  id: string;
  unit_id: string;
  customer_id: string;
  contract_id: string;
  gateway_id: string;
  method: string;
  first_payment_id: string;
  provider_reference: string;
  status: string;
  /** The `RecurrenceRequest` the provider was sent, as JSON. */
  terms: JsonColumn;
  last_sequence: number;
  ended_at: NullableInstantColumn;
  created_at: InstantColumn;
  updated_at: InstantColumn;
  version: number;
}

export interface RefundsTable {
  id: string;
  unit_id: string;
  payment_id: string;
  customer_id: string;
  amount: BigintColumn;
  currency: string;
  destination: string;
  status: string;
  idempotency_key: string;
  provider_reference: string | null;
  reason: string;
  actor: string;
  created_at: InstantColumn;
  updated_at: InstantColumn;
  version: number;
}

export interface WalletEntriesTable {
  id: string;
  customer_id: string;
  unit_id: string;
  kind: string;
  amount: BigintColumn;
  currency: string;
  method: string | null;
  note: string;
  actor: string;
  order_id: string | null;
  payment_id: string | null;
  refund_id: string | null;
  reverses_entry_id: string | null;
  created_at: InstantColumn;
}

/** The running sum of a customer's entries per currency, moved by one guarded UPDATE. */
export interface WalletBalancesTable {
  customer_id: string;
  currency: string;
  balance: BigintColumn;
}

export interface ActivationCodesTable {
  id: string;
  unit_id: string;
  contract_id: string;
  code: string;
  status: string;
  attached_customer_id: string | null;
  valid_from: string | null;
  valid_until: string | null;
  attached_at: NullableInstantColumn;
  created_at: InstantColumn;
  version: number;
}

export interface OutboxTable {
  /** The event's id. */
  id: string;
  type: string;
  unit_id: string | null;
  occurred_at: InstantColumn;
  payload: JsonColumn;
  attempts: number;
  next_attempt_at: InstantColumn;
  delivered_at: NullableInstantColumn;
  last_error: string | null;
  lease_owner: string | null;
  lease_expires_at: NullableInstantColumn;
  lease_version: number;
}

export interface InboxTable {
  id: string;
  gateway_id: string;
  provider_event_id: string;
  received_at: InstantColumn;
  headers: JsonColumn;
  raw_body: string;
  status: string;
  processed_at: NullableInstantColumn;
  outcome: string | null;
  url: string | null;
  authentication: NullableJsonColumn;
}

/** A create request remembered by its key, written in the transaction of what it created. */
export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  fingerprint: string;
  resource: string;
  created_at: InstantColumn;
}

/**
 * `columns`, held at compile time to name every column of table `T`: a hot read lists them
 * instead of `*`, and a column added to the table without being added here fails to compile
 * (the error names it).
 *
 * @example
 * ```ts
 * const unitColumns = everyColumn<UnitsTable>()(["id", "organization_id", …]);
 * db.selectFrom("units").select(unitColumns);
 * ```
 */
export function everyColumn<T>() {
  return <const C extends readonly (keyof T & string)[]>(
    columns: C &
      ([Exclude<keyof T, C[number]>] extends [never] ? unknown : { missing: Exclude<keyof T, C[number]> }),
  ): C => columns;
}

/** Staff members; `email` lower-cased and unique; the log-in counters move only by their own statements. */
export interface StaffMembersTable {
  id: string;
  organization_id: string;
  name: string;
  email: string;
  role: string;
  /** `organization` or `unit`; `scope_unit_id` is set exactly for `unit`. */
  scope_kind: string;
  scope_unit_id: string | null;
  status: string;
  password_hash: string;
  failed_logins: number;
  failed_logins_since: NullableInstantColumn;
  locked_until: NullableInstantColumn;
  created_at: InstantColumn;
  updated_at: InstantColumn;
  version: number;
}

/** Back-office sessions: the token only as its SHA-256 (`token_hash`, unique). */
export interface StaffSessionsTable {
  id: string;
  staff_id: string;
  token_hash: string;
  csrf_secret: string;
  /** The session's `from` (`from` is an SQL keyword). */
  from_address: string | null;
  created_at: InstantColumn;
  expires_at: InstantColumn;
  last_used_at: InstantColumn;
  revoked_at: NullableInstantColumn;
}

/** JSON API keys: the secret only as its SHA-256. */
export interface ApiKeysTable {
  id: string;
  organization_id: string;
  name: string;
  role: string;
  scope_kind: string;
  scope_unit_id: string | null;
  secret_hash: string;
  created_by: string;
  status: string;
  created_at: InstantColumn;
  last_used_at: NullableInstantColumn;
  revoked_at: NullableInstantColumn;
}

/** The audit log: appended, never updated. */
export interface AuditLogTable {
  id: string;
  organization_id: string;
  actor_kind: string;
  actor_id: string;
  action: string;
  subject_kind: string | null;
  subject_id: string | null;
  /** The entry's `from` (`from` is an SQL keyword). */
  from_address: string | null;
  details: JsonColumn;
  occurred_at: InstantColumn;
}

export interface ProviderAccountsTable {
  id: string;
  organization_id: string;
  unit_id: string;
  kind: string;
  label: string;
  sealed_options: string;
  created_at: InstantColumn;
  updated_at: InstantColumn;
  version: number;
}
