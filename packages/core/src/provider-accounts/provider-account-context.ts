import { TesseraError } from "../errors/tessera-error";
import type { Gateway } from "../ports/gateway";
import type { GatewayProvider, ProviderLog } from "../ports/gateway-provider";
import type { ServiceContext } from "../ports/service-context";
import { type CredentialsKeyring, openCredentials, sealCredentials } from "./credentials-cipher";
import type { ProviderAccountRecord } from "./provider-account";

/** What the provider-account service works with, besides the service context. */
export interface ProviderAccountContext {
  ctx: Pick<ServiceContext, "storage" | "clock" | "ids" | "gateways" | "randomBytes">;
  /** The kinds accounts can be made of, by kind. */
  providers: ReadonlyMap<string, GatewayProvider>;
  /** Null when createTessera was given no `credentialsKey`: accounts can then be neither saved nor opened. */
  keyring: CredentialsKeyring | null;
  /** `https://studio.example.com/webhooks`, or null when the installation has no public address. */
  webhookBaseUrl: string | null;
  /** The same behind mutual TLS, for providers that declare `webhook.mutualTls`. */
  mutualTlsWebhookBaseUrl: string | null;
  log: ProviderLog;
  /** The gateways given to createTessera: their ids are not free for accounts. */
  fixedGatewayIds: ReadonlySet<string>;
}

/** The ring, or the configuration error that says how to give one. */
export function requireKeyring(context: ProviderAccountContext): CredentialsKeyring {
  if (context.keyring) return context.keyring;
  throw new TesseraError(
    "configuration_invalid",
    "Provider accounts cannot be saved or opened without a credentials key: pass createTessera({ credentialsKey }) (the server: TESSERA_CREDENTIALS_KEY).",
    { details: { issues: [{ path: ["credentialsKey"], code: "required", message: "is required" }] } },
  );
}

/**
 * Where the account's notifications are received, or null without a public address: under
 * the mutual-TLS base for a provider whose notifications are proven by client certificate.
 */
export function webhookUrlOf(
  context: ProviderAccountContext,
  id: string,
  provider: GatewayProvider | undefined,
): string | null {
  const base = provider?.webhook.mutualTls ? context.mutualTlsWebhookBaseUrl : context.webhookBaseUrl;
  return base === null ? null : `${base.replace(/\/+$/, "")}/${id}`;
}

export function sealOptions(
  context: ProviderAccountContext,
  account: Pick<ProviderAccountRecord, "id" | "unitId" | "kind">,
  options: Record<string, unknown>,
): string {
  return sealCredentials(
    requireKeyring(context).current,
    JSON.stringify(options),
    { accountId: account.id, unitId: account.unitId, kind: account.kind },
    context.ctx.randomBytes,
  );
}

export function openOptions(
  context: ProviderAccountContext,
  record: ProviderAccountRecord,
): Record<string, unknown> {
  const text = openCredentials(requireKeyring(context), record.sealedOptions, {
    accountId: record.id,
    unitId: record.unitId,
    kind: record.kind,
  });
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * The account's gateway from its parsed settings. Refuses a provider that answers a gateway
 * under another id: its payments would be looked up, and its webhooks routed, elsewhere.
 */
export function buildGateway(
  context: ProviderAccountContext,
  provider: GatewayProvider,
  id: string,
  options: Record<string, unknown>,
): Gateway {
  const gateway = provider.create(options, {
    gatewayId: id,
    clock: context.ctx.clock,
    webhookUrl: webhookUrlOf(context, id, provider),
    log: (entry) => context.log({ ...entry, data: { ...entry.data, gatewayId: id } }),
  });
  if (gateway?.id !== id) {
    throw new TesseraError(
      "configuration_invalid",
      `The ${provider.kind} provider built a gateway "${String(gateway?.id)}" for the account "${id}"; it must carry the account's id.`,
      { details: { origin: provider.kind } },
    );
  }
  return gateway;
}
