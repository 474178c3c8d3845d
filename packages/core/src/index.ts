/**
 * `@tessera/core` — the domain of selling plans and collecting what follows, behind two
 * ports: a payment gateway and a storage. Start with `createTessera`.
 * @module
 */

export type { ActivationCode } from "./activation/activation-code";
export { activationAlphabet, generateActivationCode } from "./activation/activation-code-alphabet";
export {
  type ActivationService,
  type AttachInput,
  attachInputSchema,
  normalizeActivationCode,
} from "./activation/activation-service";
// Staff, API keys and the audit log
export {
  type AuditActor,
  type AuditDetailValue,
  type AuditEntry,
  type AuditListOptions,
  type AuditLogFilter,
  type AuditRecordInput,
  type AuditSubject,
  auditListOptionsSchema,
  auditRecordInputSchema,
} from "./audit/audit-entry";
export type { AuditService } from "./audit/audit-service";
export type { BillingRunReport, DueGroupOutcome } from "./billing/billing-report";
export {
  type BillingRunOptions,
  billingRunOptionsSchema,
  providerOwnedRecheckDays,
} from "./billing/billing-run-options";
export type { BillingRunRecord } from "./billing/billing-run-record";
export type { BillingService } from "./billing/billing-service";
export { nextRetryOn, noMoreAttempts } from "./billing/dunning-schedule";
// PIX and boleto codes, for the adapters that build them and the mock servers that read them
export { type BoletoCodes, boletoCodes, dueDateFactor, isConsistentBoleto } from "./boleto/boleto-line";
export {
  type ButtonDesign,
  buttonDesignSchema,
  type OnlineSaleInput,
  type OnlineSaleSettings,
  type Plan,
  type PlanInput,
  planInputSchema,
  type Quota,
} from "./catalog/plan";
export type { PlanService } from "./catalog/plan-service";
export { type RetryInput, type RetryService, retryInputSchema } from "./checkout/retry-service";
export {
  type BuyerAddressInput,
  type BuyerInput,
  buyerSchema,
  type CardSaleInput,
  cardInputSchema,
  idempotencyKeySchema,
  type NonCardSaleInput,
  type ParsedSaleInput,
  type SaleCardInput,
  type SaleInput,
  type SaleInputFields,
  saleInputSchema,
} from "./checkout/sale-input";
export {
  type AttemptOutcome,
  type SaleOutcome,
  type SaleRecords,
  type SaleState,
  saleOutcomeOf,
} from "./checkout/sale-outcome";
// Selling and collecting
export type { SaleService } from "./checkout/sale-service";
export {
  type ContractCancelInput,
  type ContractCancellation,
  contractCancelInputSchema,
  proRata,
} from "./contracts/cancel-contract";
export type { Contract, ContractTerms, PaymentIssue } from "./contracts/contract";
export type { ContractDetail } from "./contracts/contract-detail";
export { type ContractListFilter, contractListFilterSchema } from "./contracts/contract-list-filter";
export {
  contractTermsOf,
  firstScheduleStep,
  nextPeriodAfter,
  type ScheduledLine,
  scheduleContract,
  scheduleTotal,
  termEndsOn,
} from "./contracts/contract-schedule";
export type { ContractService } from "./contracts/contract-service";
export { type ContractStatus, contractLifecycle } from "./contracts/contract-status";
export {
  type CheckableContentType,
  checkableContentTypes,
  detectContentType,
} from "./customers/attachment-content-type";
export { cleanFileName, maxFileNameLength } from "./customers/attachment-file-name";
export {
  type Attachment,
  type AttachmentId,
  type Customer,
  type CustomerInput,
  customerInputSchema,
  type PostalAddress,
  postalAddressSchema,
} from "./customers/customer";
export {
  type AttachmentContent,
  type AttachmentInput,
  type AttachmentLimits,
  type AttachmentLimitsOptions,
  type AttachmentOperations,
  attachmentInputSchema,
  attachmentLimitsSchema,
  defaultAttachmentContentTypes,
  defaultAttachmentMaxBytes,
} from "./customers/customer-attachments";
export { type CustomerListFilter, customerListFilterSchema } from "./customers/customer-list-filter";
export { customerSearchTerms, customerSearchText, foldText } from "./customers/customer-search";
export type { CustomerService, Registration } from "./customers/customer-service";
export {
  documentKey,
  isValidCnpj,
  isValidCpf,
  type TaxDocument,
  taxDocumentSchema,
} from "./customers/tax-document";
// Errors
export { type ErrorCode, errorCatalog } from "./errors/error-codes";
export { type GatewayErrorCode, gatewayError } from "./errors/gateway-error";
export { type ErrorDetails, type FieldIssue, isTesseraError, TesseraError } from "./errors/tessera-error";
// Events and plugins
export type {
  AnyDomainEvent,
  DomainEvent,
  DomainEventPayloads,
  DomainEventType,
} from "./events/domain-event";
export { backoffMs, type DeliveryReport, type EventDispatcher } from "./events/event-dispatcher";
export type { EventFactory } from "./events/event-factory";
export type { IdempotencyRecord } from "./idempotency/idempotency-record";
export { fingerprintOf } from "./idempotency/idempotency-record";
export { createIdGenerator, type Id, type IdGenerator, type IdKind, idPrefixes, isId } from "./ids/id";
export { decodePageCursor, encodePageCursor } from "./ids/page-cursor";
export type { Installment, InstallmentKind, Lease } from "./installments/installment";
export type { InstallmentWithPayments } from "./installments/installment-history";
export { type InstallmentStatus, installmentLifecycle } from "./installments/installment-status";
export { isUnpaid, linesToPay } from "./installments/lines-to-pay";
export { defineLifecycle, type Lifecycle, type TransitionTable } from "./lifecycle/transition-table";
export { allocateByWeights, allocateMoney } from "./money/allocate-money";
// Kernel: money, time, ids, lifecycles
export { type CurrencyCode, currencyCodeSchema, minorUnitDigits } from "./money/currency";
export { formatMoney, type SupportedLocale } from "./money/format-money";
export {
  addMoney,
  compareMoney,
  isZero,
  type Money,
  money,
  moneySchema,
  nonNegativeMoneySchema,
  percentOf,
  subtractMoney,
  sumMoney,
  zero,
} from "./money/money";
export { type Order, type OrderItem, orderItemSchema } from "./orders/order";
export type { OrderDetail } from "./orders/order-detail";
export {
  maxOrderInstallments,
  type OrderCancelInput,
  type OrderCreateInput,
  type OrderListFilter,
  type OrderPayInput,
  orderCancelInputSchema,
  orderCreateInputSchema,
  orderListFilterSchema,
  orderPayInputSchema,
} from "./orders/order-input";
export { orderNote } from "./orders/order-note";
export type { OrderOutcome, OrderRecords, OrderState } from "./orders/order-outcome";
export type { OrderService } from "./orders/order-service";
export { type OrderStatus, orderLifecycle } from "./orders/order-status";
export { onlineMethodOf, onlineMethodsOf } from "./organizations/online-methods";
// Entities
export {
  type Organization,
  type OrganizationInput,
  organizationInputSchema,
} from "./organizations/organization";
export type { OrganizationService } from "./organizations/organization-service";
export {
  type CheckoutField,
  checkoutFieldSchema,
  defaultDunningRetryDays,
  defaultReminderDays,
  dunningRetryDaysSchema,
  type OperationMode,
  operationModes,
  type ReminderDays,
  type RenewalTerms,
  renewalTermsOptions,
  type Unit,
  type UnitInput,
  unitInputSchema,
} from "./organizations/unit";
export { collectedOf } from "./payments/collected-amount";
export { type DeclineCode, declineCodes } from "./payments/decline-code";
export { isNotSentCode, type NotSentCode, wasNeverSent } from "./payments/not-sent";
export type { PayerAction } from "./payments/payer-action";
export type { BalancePart, CardSummary, Payment } from "./payments/payment";
export {
  type CollectionMethod,
  type PaymentMethod,
  paymentMethodSchema,
  paymentMethods,
  providerMethodOf,
} from "./payments/payment-method";
export { boletoDueInDays, pixExpirySeconds } from "./payments/payment-row";
export {
  type PaymentService,
  type RecoverOptions,
  type RecoveryReport,
  recoveryGraceMs,
} from "./payments/payment-service";
export { openPaymentStatuses, type PaymentStatus, paymentLifecycle } from "./payments/payment-status";
export {
  type BrCodeField,
  brCodeText,
  decodeTlv,
  dynamicPixBrCode,
  encodeTlv,
  hasValidCrc,
  withCrc,
} from "./pix/brcode";
export { type BrCodeParseResult, type BrCodeProblem, type PixBrCode, parseBrCode } from "./pix/brcode-parser";
export { crc16Ccitt, crc16CcittHex } from "./pix/crc16-ccitt";
export { definePlugin, type Plugin, type PluginContext } from "./plugins/define-plugin";
export type { EventHandler, PluginRegistry } from "./plugins/plugin-registry";
export { type Clock, systemClock } from "./ports/clock";
export type { FileStore } from "./ports/file-store";
// Ports
export type * from "./ports/gateway";
export { defaultRecurrenceRules } from "./ports/gateway";
export {
  defineGatewayProvider,
  type GatewayProvider,
  type GatewayProviderDeps,
  type GatewayProviderWebhook,
  type ProviderLog,
  type ProviderLogEntry,
} from "./ports/gateway-provider";
export type { GatewayRegistry } from "./ports/gateway-registry";
export { GatewayTransportFailure, transportFailureOf } from "./ports/gateway-transport-failure";
export type { Notifier, OutgoingMessage } from "./ports/notifier";
export type * from "./ports/storage";
// Provider accounts
export { maskSecret } from "./provider-accounts/account-options";
export {
  type CredentialsBinding,
  type CredentialsKeyring,
  credentialsKeyBytes,
  credentialsKeyId,
  openCredentials,
  sealCredentials,
} from "./provider-accounts/credentials-cipher";
export type {
  ProviderAccountLoadReport,
  ProviderAccountSkipReason,
  SkippedProviderAccount,
} from "./provider-accounts/load-provider-accounts";
export {
  type ProviderAccount,
  type ProviderAccountInput,
  type ProviderAccountRecord,
  providerAccountIdPattern,
  providerAccountInputSchema,
} from "./provider-accounts/provider-account";
export type {
  ProviderAccountActor,
  ProviderAccountRequest,
  ProviderAccountService,
  ShownProviderAccount,
} from "./provider-accounts/provider-account-service";
export type { Recurrence } from "./recurrence/recurrence";
export type { RecurrenceService } from "./recurrence/recurrence-service";
export { type RecurrenceStatus, recurrenceLifecycle } from "./recurrence/recurrence-status";
export {
  type RefundRecoverOptions,
  type RefundRecoveryReport,
  refundRecoverOptionsSchema,
} from "./refunds/recover-refunds";
export type { Refund } from "./refunds/refund";
export type { RefundImpossibility } from "./refunds/refund-rules";
export {
  type RefundInput,
  type RefundOutcome,
  type RefundService,
  refundInputSchema,
} from "./refunds/refund-service";
export { type RefundStatus, refundLifecycle } from "./refunds/refund-status";
export { countingRefundStatuses, refundableAmount } from "./refunds/refundable-amount";
export {
  type RecurringCreditStatus,
  recurringCreditStatus,
  recurringCreditStatuses,
} from "./reports/recurring-credit-status";
export {
  type OnlineSignUpsInput,
  onlineSignUpsInputSchema,
  type RecurringCreditInput,
  recurringCreditInputSchema,
} from "./reports/report-input";
export {
  type ReportPeriod,
  type ReportPeriodPreset,
  reportPeriodPresets,
  reportPeriodSchema,
  resolveReportPeriod,
} from "./reports/report-period";
// Reports
export type {
  OnlineSignUpCursor,
  OnlineSignUpStoredRow,
  RecurringCreditCursor,
  RecurringCreditStoredRow,
  ReportBatchQuery,
} from "./reports/report-queries";
export type { OnlineSignUpRow, RecurringCreditRow } from "./reports/report-rows";
export type { ReportService } from "./reports/report-service";
export { addToReportTotals, emptyReportTotals, type ReportTotals } from "./reports/report-totals";
export { type ApiKey, type ApiKeyRecord, apiKeyTouchEveryMs } from "./staff/api-key";
export { type ApiKeyInput, apiKeyInputSchema } from "./staff/api-key-input";
export { apiKeyIdOfSecret, apiKeySecretPrefix } from "./staff/api-key-secret";
export type { ApiKeyService, CreatedApiKey } from "./staff/api-key-service";
export type { StaffLoginResult } from "./staff/authenticate-staff";
export { isLocked, loginLockout, retryAfterSeconds } from "./staff/login-lockout";
export type { StaffManagement } from "./staff/manage-staff";
export { secretsMatch } from "./staff/session-token";
export {
  type AccessActor,
  canChangeUnitSettings,
  canManageApiKeys,
  canManageStaff,
  canSeeAuditLog,
  canSeeUnit,
  type UnitRef,
} from "./staff/staff-access";
export {
  maxPasswordLength,
  minPasswordLength,
  type StaffLoginInput,
  type StaffMemberChanges,
  type StaffMemberInput,
  type StaffScopeInput,
  staffMemberChangesSchema,
  staffMemberInputSchema,
} from "./staff/staff-input";
export {
  type StaffMember,
  type StaffMemberRecord,
  type StaffRole,
  type StaffScope,
  staffRoles,
} from "./staff/staff-member";
export type { StaffService } from "./staff/staff-service";
export { type StaffSession, staffSessionLifetime } from "./staff/staff-session";
export type { SignedInStaff, StaffSessionInfo, StaffSessions } from "./staff/staff-sessions";
// The entry point
export { createTessera, type Tessera } from "./tessera/create-tessera";
export type { TesseraOptions } from "./tessera/tessera-options";
export {
  type BillingInterval,
  billingDayOf,
  billingIntervalSchema,
  periodEnd,
  periodStart,
} from "./time/billing-schedule";
export {
  addDays,
  addMonths,
  type CalendarDate,
  calendarDate,
  calendarDateSchema,
  compareDates,
  dateParts,
  daysBetween,
  daysInMonth,
  isCalendarDate,
  isLeapYear,
  lastDayOfMonth,
} from "./time/calendar-date";
export { dayStartInZone } from "./time/day-start-in-zone";
export { addMilliseconds, type Instant, instantSchema, instantToMillis, toInstant } from "./time/instant";
export { calendarDateInZone, isTimeZone, timeZoneSchema } from "./time/timezone";
export { parseInput } from "./validation/parse-input";
export type { WalletEntry } from "./wallet/wallet-entry";
export {
  type PayFromBalanceInput,
  payFromBalanceInputSchema,
  type WalletCreditInput,
  type WalletCreditMethod,
  type WalletDebitInput,
  type WalletReversalInput,
  walletCreditInputSchema,
  walletCreditMethods,
  walletDebitInputSchema,
  walletReversalInputSchema,
} from "./wallet/wallet-input";
export type { WalletMovement } from "./wallet/wallet-ledger";
export { paidFromBalance, walletGatewayId } from "./wallet/wallet-payment";
export { refundedToWallet } from "./wallet/wallet-refund";
export type { BalancePaymentOutcome, WalletOutcome, WalletService } from "./wallet/wallet-service";
export type { WebhookReceipt, WebhookService } from "./webhooks/webhook-service";
