/**
 * The storage port: what a storage package implements (`@tessera/storage-sqlite`,
 * `@tessera/storage-postgres`, both on `@tessera/storage-kysely`). This comment is the
 * implementer's guide; `@tessera/core/testing` has the conformance suite every storage
 * package runs (`runStorageConformance`).
 *
 * ## Shape
 * Repositories per entity, offering domain operations and named race-safe primitives —
 * not generic CRUD. Every repository is reachable on the storage itself (each call its own
 * transaction) and inside `transaction(fn)` (all calls commit or roll back together).
 *
 * ## Guarantees an implementation owes
 * - `transaction(fn)`: atomic; a throw inside rolls back everything, and the error
 *   propagates unchanged. Calling `transaction` inside `fn` throws `transaction_nesting`.
 * - Uniqueness violations surface as `TesseraError("conflict")` with `details.entity`.
 * - `update…` methods are compare-and-set on `version`: they write only when the stored
 *   version equals the given entity's, bump it, and otherwise throw `conflict`. Those that
 *   take `previous` — the entity as the caller read or wrote it, at that same version —
 *   may write only the fields that differ from it; the result is the same.
 * - Claims (`claimDue`) never hand one item to two live leases, across processes; a lease
 *   past its expiry can be taken over, and its holder's later writes are refused by the
 *   lease version (fencing).
 * - Instants are ISO-8601 UTC strings with milliseconds; money is integer minor units;
 *   JSON-shaped fields round-trip exactly.
 * - `migrate()` brings an empty or older database to the current schema; running it twice,
 *   or from two processes at once, is safe.
 * @module
 */
import type { ActivationCode } from "../activation/activation-code";
import type { AuditEntry, AuditLogFilter } from "../audit/audit-entry";
import type { BillingRunRecord } from "../billing/billing-run-record";
import type { Plan } from "../catalog/plan";
import type { Contract } from "../contracts/contract";
import type { ContractStatus } from "../contracts/contract-status";
import type { Customer } from "../customers/customer";
import type { AnyDomainEvent } from "../events/domain-event";
import type { IdempotencyRecord } from "../idempotency/idempotency-record";
import type { Id } from "../ids/id";
import type { Installment } from "../installments/installment";
import type { Money } from "../money/money";
import type { Order } from "../orders/order";
import type { OrderStatus } from "../orders/order-status";
import type { Organization } from "../organizations/organization";
import type { Unit } from "../organizations/unit";
import type { Payment } from "../payments/payment";
import type { PaymentStatus } from "../payments/payment-status";
import type { ProviderAccountRecord } from "../provider-accounts/provider-account";
import type { Recurrence } from "../recurrence/recurrence";
import type { Refund } from "../refunds/refund";
import type {
  OnlineSignUpCursor,
  OnlineSignUpStoredRow,
  RecurringCreditCursor,
  RecurringCreditStoredRow,
  ReportBatchQuery,
} from "../reports/report-queries";
import type { ApiKeyRecord } from "../staff/api-key";
import type { StaffMemberRecord } from "../staff/staff-member";
import type { StaffSession } from "../staff/staff-session";
import type { CalendarDate } from "../time/calendar-date";
import type { Instant } from "../time/instant";
import type { WalletEntry } from "../wallet/wallet-entry";
import type { WebhookAuthentication } from "./gateway";

/** A page of results, ordered by id (so by creation). Pass `nextCursor` as `after`. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit?: number;
  after?: string;
}

/** An entity as stored: `status` of customers is derived on read, so it is not written. */
export type NewCustomer = Omit<Customer, "status">;

export interface OrganizationRepository {
  insert(organization: Organization): Promise<void>;
  findById(id: Id<"organization">): Promise<Organization | null>;
}

export interface UnitRepository {
  insert(unit: Unit): Promise<void>;
  /** Overwrites the unit (last write wins): units change rarely, by staff, so they carry no version. */
  update(unit: Unit): Promise<void>;
  findById(id: Id<"unit">): Promise<Unit | null>;
  findBySlug(slug: string): Promise<Unit | null>;
  listByOrganization(organizationId: Id<"organization">): Promise<Unit[]>;
  /** Every unit of the installation in id order, a page at a time (the billing run walks them). */
  list(page?: PageRequest): Promise<Page<Unit>>;
}

export interface PlanRepository {
  insert(plan: Plan): Promise<void>;
  /** Compare-and-set on `plan.version`; returns the stored plan with the new version. */
  update(plan: Plan): Promise<Plan>;
  findById(id: Id<"plan">): Promise<Plan | null>;
  /**
   * The plan with its unit, in one read — what a sale starts from. Null when the unit has no
   * such plan (or there is no such unit); the caller that must tell those apart asks
   * `units.findById` on that path only.
   */
  findInUnit(unitId: Id<"unit">, planId: Id<"plan">): Promise<{ unit: Unit; plan: Plan } | null>;
  /** The plan whose online-sale slug is `slug` in the unit, whether or not sale is enabled. */
  findByOnlineSlug(unitId: Id<"unit">, slug: string): Promise<Plan | null>;
  listByUnit(
    unitId: Id<"unit">,
    filter?: { onlineOnly?: boolean; includeArchived?: boolean },
  ): Promise<Plan[]>;
}

export interface CustomerRepository {
  /** Throws `conflict` when the organization already has a customer with this document. */
  insert(customer: NewCustomer): Promise<void>;
  /**
   * Inserts the customer unless the organization already has one with this document, and
   * says whether it did: registering a buyer by document in one statement when they are
   * new. Race-safe: of two concurrent calls for one new document, one inserts and the other
   * answers false (on PostgreSQL once the first commits), so the loser reads the winner's
   * customer instead of failing. A customer without a document is always inserted.
   */
  insertIfNewDocument(customer: NewCustomer): Promise<boolean>;
  /** Compare-and-set on `version`; returns the stored customer with the new version. */
  update(customer: Customer | NewCustomer): Promise<Customer>;
  /** With `status` derived from the customer's contracts. */
  findById(id: Id<"customer">): Promise<Customer | null>;
  /** By document key (see `documentKey`): `cpf:52998224725`. */
  findByDocument(organizationId: Id<"organization">, documentKey: string): Promise<Customer | null>;
  /**
   * The organization's customers, in id order (`newestFirst`: reversed, `after` then names the
   * last id of the previous page and the page holds older ones). `search` matches, ignoring
   * case and accents, a part of the name or e-mail, and — by its digits alone — a part of the
   * document or phone (`customerSearchText` is what is searched, `customerSearchTerms` what
   * for). `unitId` keeps customers with a contract in that unit.
   */
  list(
    organizationId: Id<"organization">,
    filter?: PageRequest & StoredCustomerFilter,
  ): Promise<Page<Customer>>;
}

/** What `CustomerRepository.list` narrows by, besides the page. */
export interface StoredCustomerFilter {
  status?: "active" | "blocked";
  search?: string;
  unitId?: Id<"unit">;
  newestFirst?: boolean;
}

export interface ContractRepository {
  insert(contract: Contract): Promise<void>;
  /**
   * Compare-and-set on `version`; returns the stored contract with the new version. With
   * `previous` (the contract at that version), writes only the fields that changed.
   */
  update(contract: Contract, previous?: Contract): Promise<Contract>;
  findById(id: Id<"contract">): Promise<Contract | null>;
  listByCustomer(customerId: Id<"customer">): Promise<Contract[]>;
  /**
   * Active contracts whose next period is due to be scheduled (`nextPeriodOn` on or before
   * `onOrBefore`), earliest first then by id, at most `limit`, after the (`nextPeriodOn`, id)
   * cursor when given — the billing run's list of open-ended contracts to extend.
   */
  listNeedingNextPeriod(request: {
    onOrBefore: CalendarDate;
    limit: number;
    unitId?: Id<"unit">;
    after?: { nextPeriodOn: CalendarDate; id: Id<"contract"> };
  }): Promise<Contract[]>;
  /** The unit's contracts in id order (`newestFirst`: reversed, as customers'), narrowed by `filter`. */
  list(unitId: Id<"unit">, filter?: PageRequest & StoredContractFilter): Promise<Page<Contract>>;
}

/** What `ContractRepository.list` narrows by, besides the page; every field given must hold. */
export interface StoredContractFilter {
  status?: ContractStatus;
  origin?: Contract["origin"];
  customerId?: Id<"customer">;
  /** Contracted (`startDate`) on or after this day. */
  startedFrom?: CalendarDate;
  /** Contracted (`startDate`) on or before this day. */
  startedTo?: CalendarDate;
  /**
   * `pending`: an installment still `awaiting` or `denied` whose latest payment (highest id)
   * is open (`pending`, `processing`, `requires_action`, `unknown`); `error`: one whose
   * latest payment `failed` (BEMP: "pendente" / "com erro").
   */
  paymentStatus?: "pending" | "error";
  newestFirst?: boolean;
}

export interface OrderRepository {
  insert(order: Order): Promise<void>;
  update(order: Order): Promise<Order>;
  findById(id: Id<"order">): Promise<Order | null>;
  listByCustomer(customerId: Id<"customer">): Promise<Order[]>;
  /** The unit's orders in id order (`newestFirst`: reversed, as contracts'), narrowed by `filter`. */
  list(unitId: Id<"unit">, filter?: PageRequest & StoredOrderFilter): Promise<Page<Order>>;
}

/** What `OrderRepository.list` narrows by, besides the page; every field given must hold. */
export interface StoredOrderFilter {
  status?: OrderStatus;
  customerId?: Id<"customer">;
  /** Created (`createdAt`) at or after this instant. */
  createdFrom?: Instant;
  /** Created (`createdAt`) before this instant. */
  createdBefore?: Instant;
  /** As `StoredContractFilter.paymentStatus`, over the order's installments. */
  paymentStatus?: "pending" | "error";
  newestFirst?: boolean;
}

/** A claim on due installments: who holds it and for how long. */
export interface ClaimRequest {
  /** Installments due on or before this day (and whose `nextAttemptOn`, if set, has come). */
  dueOn: CalendarDate;
  limit: number;
  owner: string;
  /** The lease lasts until now + leaseMs; past it, another worker may take the item over. */
  leaseMs: number;
  now: Instant;
  unitId?: Id<"unit">;
}

/** The e-mail reminders of a line: before its due date, and once after it when still unpaid. */
export type ReminderKind = "before_due" | "overdue";

export interface InstallmentRepository {
  insertMany(installments: Installment[]): Promise<void>;
  /**
   * Compare-and-set on `version`; returns the stored installment with the new version. With
   * `previous` (the installment at that version), writes only the fields that changed. The
   * lease is the claims': `update` never writes it, and returns it as given.
   */
  update(installment: Installment, previous?: Installment): Promise<Installment>;
  /**
   * Several `update(installment, previous)` at once, all or none: a `conflict` (or
   * `not_found`) for one writes nothing. Installments changed alike (a payment confirming
   * its installments) go in one statement. Returns the stored installments, in order.
   */
  updateMany(changes: readonly { installment: Installment; previous: Installment }[]): Promise<Installment[]>;
  findById(id: Id<"installment">): Promise<Installment | null>;
  findByIds(ids: readonly Id<"installment">[]): Promise<Installment[]>;
  listByContract(contractId: Id<"contract">): Promise<Installment[]>;
  listByOrder(orderId: Id<"order">): Promise<Installment[]>;
  /**
   * Claims up to `limit` installments that are `awaiting` or `denied`, due, and not held
   * by a live lease, ordered by due date then id. Each claimed item gets a new lease whose
   * version is higher than any before it. Two concurrent calls never return one item.
   */
  claimDue(request: ClaimRequest): Promise<Installment[]>;
  /**
   * The unit's unpaid lines (`awaiting` or `denied`) due from `dueFrom` to `dueTo` (both
   * included) with no reminder of `kind` recorded yet, by due date then id, at most `limit`,
   * after the (`dueDate`, id) cursor.
   */
  listUnreminded(request: {
    unitId: Id<"unit">;
    kind: ReminderKind;
    dueFrom: CalendarDate;
    dueTo: CalendarDate;
    limit: number;
    after?: { dueDate: CalendarDate; id: Id<"installment"> };
  }): Promise<Installment[]>;
  /**
   * Records that the reminder of `kind` for an installment was sent: true the first time,
   * false when it already was (another worker sent it) — one reminder of each kind per line.
   */
  recordReminder(installmentId: Id<"installment">, kind: ReminderKind, at: Instant): Promise<boolean>;
  /**
   * Writes `installment` (its status and fields) and drops the lease — only while
   * `lease.version` is still the stored one; otherwise throws `lease_lost` and writes nothing.
   * Also compare-and-set on `version`: when the installment changed meanwhile (a webhook
   * confirmed it), throws `conflict` and writes nothing. `update` never touches the lease.
   */
  completeClaim(installment: Installment, lease: { owner: string; version: number }): Promise<Installment>;
  /** Drops a lease without other changes (the worker gave up early); no-op if lost. */
  releaseClaim(id: Id<"installment">, lease: { owner: string; version: number }): Promise<void>;
}

export interface PaymentRepository {
  /** Throws `conflict` when the gateway already has a payment with this idempotency key. */
  insert(payment: Payment): Promise<void>;
  /**
   * Compare-and-set on `version`; returns the stored payment with the new version, covered
   * installments included. With `previous` (the payment at that version), writes only the
   * fields that changed, and the installment links only when they did.
   */
  update(payment: Payment, previous?: Payment): Promise<Payment>;
  findById(id: Id<"payment">): Promise<Payment | null>;
  findByIdempotencyKey(gatewayId: string, idempotencyKey: string): Promise<Payment | null>;
  findByProviderReference(gatewayId: string, providerReference: string): Promise<Payment | null>;
  /** Every payment that covers the installment, oldest first. */
  listByInstallment(installmentId: Id<"installment">): Promise<Payment[]>;
  /** Payments in `statuses` last changed before `updatedBefore`, oldest first (for recovery). */
  listStale(filter: {
    statuses: readonly PaymentStatus[];
    updatedBefore: Instant;
    limit: number;
  }): Promise<Payment[]>;
}

export interface RefundRepository {
  /** Throws `conflict` on a second refund with the same idempotency key. */
  insert(refund: Refund): Promise<void>;
  update(refund: Refund): Promise<Refund>;
  findById(id: Id<"refund">): Promise<Refund | null>;
  findByIdempotencyKey(idempotencyKey: string): Promise<Refund | null>;
  listByPayment(paymentId: Id<"payment">): Promise<Refund[]>;
  /**
   * Refunds to the original method still `pending` or `unknown`, last changed before
   * `updatedBefore`, oldest change first, at most `limit` (for refund recovery).
   */
  listUnsettled(filter: { updatedBefore: Instant; limit: number }): Promise<Refund[]>;
}

/** Recurrences the provider runs (Cielo RecurrentPayment, PagoLivre's monthly charges). */
export interface RecurrenceRepository {
  /**
   * Throws `conflict` when the gateway already has a recurrence with this provider
   * reference, or the first payment already started one.
   */
  insert(recurrence: Recurrence): Promise<void>;
  /** Compare-and-set on `version`; returns the stored recurrence with the new version. */
  update(recurrence: Recurrence): Promise<Recurrence>;
  findById(id: Id<"recurrence">): Promise<Recurrence | null>;
  /** By the provider's id of the recurrence: how a recurrent charge's notification is matched. */
  findByProviderReference(gatewayId: string, providerReference: string): Promise<Recurrence | null>;
  /** Every recurrence of the contract, oldest first. */
  listByContract(contractId: Id<"contract">): Promise<Recurrence[]>;
}

export interface WalletRepository {
  /**
   * Appends a ledger line and moves the balance by `entry.amount`, atomically — refusing
   * (with `insufficient_balance`, writing nothing) a line that would take it below zero,
   * even against concurrent appends.
   */
  append(entry: WalletEntry): Promise<{ balance: Money }>;
  findById(id: Id<"walletEntry">): Promise<WalletEntry | null>;
  /** The balance in `currency` (zero for a customer with no entries). */
  balance(customerId: Id<"customer">, currency: string): Promise<Money>;
  listEntries(customerId: Id<"customer">, page?: PageRequest): Promise<Page<WalletEntry>>;
}

export interface ActivationCodeRepository {
  /** Throws `conflict` when the unit already has this code. */
  insert(code: ActivationCode): Promise<void>;
  findByCode(unitId: Id<"unit">, code: string): Promise<ActivationCode | null>;
  findByContract(contractId: Id<"contract">): Promise<ActivationCode | null>;
  /**
   * Attaches an `unattached` code, compare-and-set on status: returns the updated code, or
   * null when it was no longer unattached (someone attached or revoked it first).
   */
  attach(
    id: Id<"activationCode">,
    attachment: {
      customerId: Id<"customer">;
      validFrom: CalendarDate;
      validUntil: CalendarDate | null;
      attachedAt: Instant;
    },
  ): Promise<ActivationCode | null>;
  listByUnit(unitId: Id<"unit">, filter?: { status?: ActivationCode["status"] }): Promise<ActivationCode[]>;
  /**
   * Revokes an `unattached` or `attached` code (its pass was refunded), compare-and-set on
   * status: an attached one's validity ends on `endsOn` (never later than it already did).
   * Returns the updated code, or null when it was already revoked.
   */
  revoke(id: Id<"activationCode">, change: { endsOn: CalendarDate }): Promise<ActivationCode | null>;
}

/** An outbox row: the event, plus its delivery bookkeeping. */
export interface OutboxEntry {
  event: AnyDomainEvent;
  attempts: number;
  nextAttemptAt: Instant;
  deliveredAt: Instant | null;
  lastError: string | null;
  lease: { owner: string; expiresAt: Instant; version: number } | null;
}

export interface OutboxRepository {
  /** Called inside the transaction that made the change the events describe. */
  append(events: readonly AnyDomainEvent[]): Promise<void>;
  /**
   * Claims up to `limit` undelivered events whose `nextAttemptAt` has come and that no
   * live lease holds, in id order.
   */
  claim(request: { limit: number; owner: string; leaseMs: number; now: Instant }): Promise<OutboxEntry[]>;
  /** Marks delivered — only for the current lease holder (else `lease_lost`). */
  markDelivered(eventId: Id<"event">, lease: { owner: string; version: number }, at: Instant): Promise<void>;
  /**
   * Records a failed delivery and when to try again (backoff), dropping the lease — only
   * for the current lease holder (else `lease_lost`).
   */
  markFailed(
    eventId: Id<"event">,
    lease: { owner: string; version: number },
    failure: { error: string; nextAttemptAt: Instant },
  ): Promise<void>;
  findById(eventId: Id<"event">): Promise<OutboxEntry | null>;
  /** Undelivered events, oldest first, for operators and tests. */
  listUndelivered(limit: number): Promise<OutboxEntry[]>;
}

/** A notification a provider sent us, kept exactly as received. */
export interface InboxEntry {
  id: Id<"inboxEntry">;
  gatewayId: string;
  providerEventId: string;
  receivedAt: Instant;
  headers: Record<string, string>;
  rawBody: string;
  status: "received" | "processed" | "rejected";
  processedAt: Instant | null;
  /** Why it was rejected, or what processing did. */
  outcome: string | null;
  /** The request URL as received, with the gateway's secret query parameters redacted; null when not given. */
  url: string | null;
  /** How the notification was proven; null for entries recorded before this was kept. */
  authentication: WebhookProvenance | null;
}

/** How one notification was authenticated, as the inbox keeps it for the operator. */
export interface WebhookProvenance {
  /** What the gateway declares (`capabilities.webhooks.authentication`). */
  method: WebhookAuthentication;
  /** The client certificate the listener or a trusted proxy verified, for mutual TLS. */
  clientCertificate: { subject: string; issuer: string; fingerprint256: string } | null;
  /** True when the adapter confirmed the news by asking the provider. */
  confirmedByLookup: boolean;
}

export interface InboxRepository {
  /**
   * Records a notification unless one with the same (gatewayId, providerEventId) is
   * already there: then returns the existing entry with `inserted: false` — a replay.
   */
  record(entry: InboxEntry): Promise<{ inserted: boolean; entry: InboxEntry }>;
  markProcessed(
    id: Id<"inboxEntry">,
    result: { status: "processed" | "rejected"; outcome: string; at: Instant },
  ): Promise<void>;
  findById(id: Id<"inboxEntry">): Promise<InboxEntry | null>;
  listByStatus(status: InboxEntry["status"], limit: number): Promise<InboxEntry[]>;
}

/**
 * Idempotency keys of requests that create things (a sale, a retry): inserted in the same
 * transaction as what the request created, so a key never exists without its result.
 */
export interface IdempotencyKeyRepository {
  /** Throws `conflict` when (scope, key) is already there — the caller then reads it. */
  insert(record: IdempotencyRecord): Promise<void>;
  find(scope: string, key: string): Promise<IdempotencyRecord | null>;
}

/** A wrong password, as `StaffRepository.recordFailedLogin` counts it. */
export interface FailedLogin {
  now: Instant;
  /** A failure more than this long after the window's first one starts a new count at 1. */
  windowMs: number;
  /** The count that locks the account. */
  limit: number;
  /** How long the lock lasts, from `now`. */
  lockMs: number;
}

/**
 * Staff members with their password hash and log-in counters. The counters are written only
 * by `recordFailedLogin` and `recordSuccessfulLogin` — each one statement, race-safe — and
 * never by `update`, so a wrong password and an owner's edit never undo each other.
 */
export interface StaffRepository {
  /** Throws `conflict` (entity `staffMember`) when the e-mail is already a member's. */
  insert(member: StaffMemberRecord): Promise<void>;
  /**
   * Compare-and-set on `version`: writes name, role, scope, status, password hash and
   * `updatedAt` (not the log-in counters, which it returns as stored), bumps the version.
   */
  update(member: StaffMemberRecord): Promise<StaffMemberRecord>;
  findById(id: Id<"staffMember">): Promise<StaffMemberRecord | null>;
  /** By e-mail as stored (lower-cased). */
  findByEmail(email: string): Promise<StaffMemberRecord | null>;
  /** The organization's members, oldest first. */
  listByOrganization(organizationId: Id<"organization">): Promise<StaffMemberRecord[]>;
  /**
   * Counts one wrong password, atomically — two at once count two, on any number of
   * connections: while the member is locked (`lockedUntil` after `now`) nothing changes;
   * otherwise the count becomes 1 (starting the window at `now`) when the window's first
   * failure is `windowMs` or more before `now`, else one more; when it reaches `limit`,
   * `lockedUntil` becomes `now + lockMs`. Returns the counters as they are after it, or null
   * for an unknown member.
   */
  recordFailedLogin(
    id: Id<"staffMember">,
    failure: FailedLogin,
  ): Promise<{ failedLogins: number; lockedUntil: Instant | null } | null>;
  /**
   * Clears the counters after a right password — only while the member is not locked at
   * `now` (a concurrent failure may just have locked it). False when it did not clear.
   */
  recordSuccessfulLogin(id: Id<"staffMember">, now: Instant): Promise<boolean>;
}

export interface StaffSessionRepository {
  /** Throws `conflict` when the token hash is already a session's. */
  insert(session: StaffSession): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<StaffSession | null>;
  /**
   * Records a use at `now`, only when the last recorded use is before `lastUsedBefore` and
   * the session is not revoked — so page views within a minute write once. True when it wrote.
   */
  touch(id: Id<"staffSession">, use: { now: Instant; lastUsedBefore: Instant }): Promise<boolean>;
  /** Ends one session at `at`; false when it was already ended or does not exist. */
  revoke(id: Id<"staffSession">, at: Instant): Promise<boolean>;
  /** Ends every live session of the member at `at`; returns how many it ended. */
  revokeAllOfStaff(staffId: Id<"staffMember">, at: Instant): Promise<number>;
}

export interface ApiKeyRepository {
  insert(key: ApiKeyRecord): Promise<void>;
  findById(id: Id<"apiKey">): Promise<ApiKeyRecord | null>;
  /** The organization's keys, revoked ones too, oldest first. */
  listByOrganization(organizationId: Id<"organization">): Promise<ApiKeyRecord[]>;
  /**
   * Revokes an active key at `at`, compare-and-set on its status: returns the revoked key,
   * or null when it was not active (revoked before, or unknown).
   */
  revoke(id: Id<"apiKey">, at: Instant): Promise<ApiKeyRecord | null>;
  /** Records a use at `now`, only when never used or last used before `lastUsedBefore`, and active. */
  touch(id: Id<"apiKey">, use: { now: Instant; lastUsedBefore: Instant }): Promise<boolean>;
}

/** The audit log: append and read, nothing else — no line is ever changed or deleted. */
export interface AuditLogRepository {
  append(entry: AuditEntry): Promise<void>;
  /**
   * The organization's entries **newest first** (by id, which sorts by time): `after` is the
   * last id of the previous page, and the page holds the entries older than it. `filter`
   * keeps one actor's, one action's, or a period's (`occurredFrom` inclusive,
   * `occurredBefore` exclusive) lines; without it, all of them.
   */
  list(
    organizationId: Id<"organization">,
    page?: PageRequest,
    filter?: AuditLogFilter,
  ): Promise<Page<AuditEntry>>;
}

/**
 * Units' accounts at payment providers, their settings sealed (`ProviderAccountRecord`).
 * The id is the gateway id, unique in the installation.
 */
export interface ProviderAccountRepository {
  /** Throws `conflict` (entity `providerAccount`) when the id is taken. */
  insert(account: ProviderAccountRecord): Promise<void>;
  /**
   * Writes `label`, `sealedOptions` and `updatedAt`, compare-and-set on `version` (the
   * stored one must equal the given one; it is bumped). Answers the account as written;
   * throws `conflict` when someone else changed it first, `not_found` when it is gone.
   */
  update(account: ProviderAccountRecord): Promise<ProviderAccountRecord>;
  findById(id: string): Promise<ProviderAccountRecord | null>;
  /** The unit's accounts, by id. */
  listByUnit(unitId: Id<"unit">): Promise<ProviderAccountRecord[]>;
  /** Every account of the installation by id, a page at a time (registration at start-up). */
  list(page?: PageRequest): Promise<Page<ProviderAccountRecord>>;
  /** Deletes the account while its version is still `version`; false when it is gone or changed. */
  delete(id: string, version: number): Promise<boolean>;
}

/**
 * The reports' reads (`tessera.reports`): one keyset batch at a time, so an export of any size
 * holds one batch in memory. Each returns at most `limit` rows after `after`, in the order its
 * cursor names; fewer than `limit` means the end.
 */
export interface ReportRepository {
  /** Contract installments collected by credit, due in the period, by due day then id. */
  recurringCreditBatch(query: ReportBatchQuery<RecurringCreditCursor>): Promise<RecurringCreditStoredRow[]>;
  /** Contracts of origin `online` contracted (`startDate`) in the period, by id. */
  onlineSignUpBatch(query: ReportBatchQuery<OnlineSignUpCursor>): Promise<OnlineSignUpStoredRow[]>;
}

/** Every repository; the same set is available outside and inside a transaction. */
/** The billing run's results per unit, append only (`BillingRunRecord`). */
export interface BillingRunRepository {
  append(record: BillingRunRecord): Promise<void>;
  /** The unit's latest records, newest first, at most `limit`. */
  listByUnit(unitId: Id<"unit">, limit: number): Promise<BillingRunRecord[]>;
}

export interface Repositories {
  organizations: OrganizationRepository;
  units: UnitRepository;
  plans: PlanRepository;
  customers: CustomerRepository;
  contracts: ContractRepository;
  orders: OrderRepository;
  installments: InstallmentRepository;
  payments: PaymentRepository;
  refunds: RefundRepository;
  recurrences: RecurrenceRepository;
  wallet: WalletRepository;
  activationCodes: ActivationCodeRepository;
  outbox: OutboxRepository;
  inbox: InboxRepository;
  idempotencyKeys: IdempotencyKeyRepository;
  staff: StaffRepository;
  staffSessions: StaffSessionRepository;
  apiKeys: ApiKeyRepository;
  auditLog: AuditLogRepository;
  billingRuns: BillingRunRepository;
  reports: ReportRepository;
  providerAccounts: ProviderAccountRepository;
}

export interface Storage extends Repositories {
  /** `sqlite`, `postgres`, … — for logs and for suites that declare dialect differences. */
  readonly dialect: string;
  /** Brings the schema up to date; idempotent and safe from concurrent processes. */
  migrate(): Promise<void>;
  /**
   * Runs `fn` in one transaction: everything it writes commits together, or nothing does
   * when it throws (the error propagates unchanged).
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Releases connections and file handles. */
  close(): Promise<void>;
}
