import { randomBytes as nodeRandomBytes } from "node:crypto";
import { type ActivationService, createActivationService } from "../activation/activation-service";
import { type AuditService, createAuditService } from "../audit/audit-service";
import { type BillingService, createBillingService } from "../billing/billing-service";
import { createPlanService, type PlanService } from "../catalog/plan-service";
import { createRetryService, type RetryService } from "../checkout/retry-service";
import { createSaleService, type SaleService } from "../checkout/sale-service";
import { type ContractService, createContractService } from "../contracts/contract-service";
import { parseAttachmentLimits } from "../customers/customer-attachments";
import { type CustomerService, createCustomerService } from "../customers/customer-service";
import { TesseraError } from "../errors/tessera-error";
import { createEventDispatcher, type EventDispatcher } from "../events/event-dispatcher";
import { createEventFactory } from "../events/event-factory";
import { createIdGenerator } from "../ids/id";
import { createOrderService, type OrderService } from "../orders/order-service";
import { createOrganizationService, type OrganizationService } from "../organizations/organization-service";
import { createGatewayRegistry } from "../payments/gateway-registry";
import { createPaymentService, type PaymentService } from "../payments/payment-service";
import { createPluginRegistry, type PluginRegistry } from "../plugins/plugin-registry";
import { type Clock, systemClock } from "../ports/clock";
import type { GatewayProvider } from "../ports/gateway-provider";
import type { GatewayRegistry } from "../ports/gateway-registry";
import type { ServiceContext } from "../ports/service-context";
import { checkedCredentialsKey } from "../provider-accounts/credentials-cipher";
import {
  createProviderAccountService,
  type ProviderAccountService,
} from "../provider-accounts/provider-account-service";
import { createRecurrenceService, type RecurrenceService } from "../recurrence/recurrence-service";
import { createRefundService, type RefundService } from "../refunds/refund-service";
import { createReportService, type ReportService } from "../reports/report-service";
import { createSandboxGateway } from "../sandbox/sandbox-gateway";
import { sandboxProvider } from "../sandbox/sandbox-provider";
import { type ApiKeyService, createApiKeyService } from "../staff/api-key-service";
import { createStaffService, type StaffService, staffContextOf } from "../staff/staff-service";
import { createWalletService, type WalletService } from "../wallet/wallet-service";
import { createWebhookService, type WebhookService } from "../webhooks/webhook-service";
import type { TesseraOptions } from "./tessera-options";

/** One Tessera instance: services named after the domain, over the ports it was given. */
export interface Tessera {
  readonly organizations: OrganizationService;
  readonly plans: PlanService;
  readonly customers: CustomerService;
  readonly sales: SaleService;
  /** Contracts as staff find them: filtered lists, and one with its installments and payments. */
  readonly contracts: ContractService;
  /** One-off sales to a known customer (a shop order), paid at once or in installments, by a provider or the wallet. */
  readonly orders: OrderService;
  /** Payment attempts: a retry of a contract's pending installments, refresh, cancel, recovery. */
  readonly payments: PaymentService & RetryService;
  readonly webhooks: WebhookService;
  readonly refunds: RefundService;
  /** The months after the sale: next periods, due installments charged, dunning. */
  readonly billing: BillingService;
  /** Customers' account credit: credits, debits, reversals, paying from the balance, history. */
  readonly wallet: WalletService;
  /** Recurrences the provider runs for contracts: look them up, stop them. */
  readonly recurrences: RecurrenceService;
  readonly activation: ActivationService;
  /** The people who work in the studio: members, log-in with lock-out, sessions. */
  readonly staff: StaffService;
  /** Keys for the JSON API: made by owners, verified on each request. */
  readonly apiKeys: ApiKeyService;
  /** What staff and API keys did, newest first. */
  readonly audit: AuditService;
  /**
   * Units' own accounts at payment providers, settings sealed at rest, each registered as a
   * gateway under its id. Call `loadAll()` once at start-up to register the stored ones.
   */
  readonly providerAccounts: ProviderAccountService;
  /** The recurring-credit and online sign-ups reports, streamed in keyset batches. */
  readonly reports: ReportService;
  readonly events: EventDispatcher;
  readonly gateways: GatewayRegistry;
  readonly plugins: PluginRegistry;
  readonly clock: Clock;
  /**
   * Resolves when the storage answers a cheap lookup (it reads no rows); rejects with the
   * storage's own error otherwise. For health checks: the storage itself is not handed out,
   * so every write goes through the services and their rules.
   */
  ping(): Promise<void>;
}

/** An id no organization has: looking it up proves the database answers, and reads no rows. */
const probeId = "org_00000000000000000000000000" as const;

function requirePort(value: unknown, name: string, methods: string[]): void {
  const missing =
    value === null || typeof value !== "object"
      ? methods
      : methods.filter((m) => typeof (value as Record<string, unknown>)[m] !== "function");
  if (missing.length > 0) {
    throw new TesseraError(
      "configuration_invalid",
      `createTessera: "${name}" must implement ${missing.join(", ")}.`,
      {
        details: {
          issues: [{ path: [name], code: "invalid_port", message: `missing ${missing.join(", ")}` }],
        },
      },
    );
  }
}

/**
 * Builds a Tessera instance. No globals: two instances in one process share nothing.
 *
 * @example
 * ```ts
 * import { createTessera } from "@tessera/core";
 * import { createSqliteStorage } from "@tessera/storage-sqlite";
 *
 * const tessera = createTessera({ storage: await createSqliteStorage({ filename: "./data/tessera.db" }) });
 * const org = await tessera.organizations.createOrganization({ name: "Estúdio Aurora" });
 * ```
 */
export function createTessera(options: TesseraOptions): Tessera {
  if (!options || typeof options !== "object") {
    throw new TesseraError("configuration_invalid", "createTessera needs an options object with a storage.", {
      details: { issues: [{ path: [], code: "required", message: "options are required" }] },
    });
  }
  requirePort(options.storage, "storage", ["transaction", "migrate", "close"]);
  if (options.clock !== undefined) requirePort(options.clock, "clock", ["now"]);
  if (options.notifier !== undefined) requirePort(options.notifier, "notifier", ["send"]);
  if (options.files !== undefined) requirePort(options.files, "files", ["put", "get", "delete"]);
  for (const [index, gateway] of (options.gateways ?? []).entries()) {
    requirePort(gateway, `gateways.${index}`, [
      "createPayment",
      "getPayment",
      "refund",
      "getRefund",
      "parseWebhook",
    ]);
  }

  const attachmentLimits = parseAttachmentLimits(options.attachments);

  const clock = options.clock ?? systemClock;
  const ids = createIdGenerator(() => new Date(clock.now()).getTime());
  const gateways = createGatewayRegistry(options.gateways ?? [createSandboxGateway({ clock })]);
  const fixedGatewayIds = new Set(gateways.list().map((gateway) => gateway.id));
  const providers = new Map<string, GatewayProvider>();
  for (const [index, provider] of (options.providers ?? [sandboxProvider]).entries()) {
    if (providers.has(provider?.kind)) {
      throw new TesseraError("configuration_invalid", `Two providers share the kind "${provider.kind}".`, {
        details: { issues: [{ path: ["providers", index], code: "duplicate", message: "duplicate kind" }] },
      });
    }
    requirePort(provider, `providers.${index}`, ["create"]);
    providers.set(provider.kind, provider);
  }
  const keyring =
    options.credentialsKey === undefined
      ? null
      : {
          current: checkedCredentialsKey(options.credentialsKey),
          previous: (options.previousCredentialsKeys ?? []).map((key, index) =>
            checkedCredentialsKey(key, `previousCredentialsKeys.${index}`),
          ),
        };
  const ctx: ServiceContext = {
    storage: options.storage,
    clock,
    ids,
    gateways,
    events: createEventFactory(ids, clock),
    plugins: createPluginRegistry(options.plugins ?? []),
    notifier: options.notifier ?? null,
    files: options.files ?? null,
    randomBytes: options.randomBytes ?? ((size) => new Uint8Array(nodeRandomBytes(size))),
  };
  const payments = { ...createPaymentService(ctx), ...createRetryService(ctx) };
  const staffContext = staffContextOf(ctx);
  return {
    organizations: createOrganizationService(ctx),
    plans: createPlanService(ctx),
    customers: createCustomerService(ctx, attachmentLimits),
    sales: createSaleService(ctx),
    contracts: createContractService(ctx),
    orders: createOrderService(ctx),
    payments,
    webhooks: createWebhookService(ctx),
    refunds: createRefundService(ctx),
    wallet: createWalletService(ctx),
    billing: createBillingService(ctx),
    recurrences: createRecurrenceService(ctx),
    activation: createActivationService(ctx),
    staff: createStaffService(staffContext),
    apiKeys: createApiKeyService(staffContext),
    audit: createAuditService(ctx),
    providerAccounts: createProviderAccountService({
      ctx,
      providers,
      keyring,
      webhookBaseUrl: options.webhookBaseUrl ?? null,
      mutualTlsWebhookBaseUrl: options.mutualTlsWebhookBaseUrl ?? options.webhookBaseUrl ?? null,
      log: options.providerLog ?? (() => undefined),
      fixedGatewayIds,
    }),
    reports: createReportService(ctx),
    events: createEventDispatcher(ctx),
    gateways,
    plugins: ctx.plugins,
    clock,
    async ping() {
      await ctx.storage.organizations.findById(probeId);
    },
  };
}
