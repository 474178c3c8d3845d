/**
 * The gateway provider port: how an adapter package lets a studio connect *its own* account
 * at a provider from the back office, with no code. Where `Gateway` is one connected
 * account, a `GatewayProvider` is the kind of account (`inter`, `cielo`, `sandbox`): what
 * settings it takes, which of them are secrets, how its notifications are authenticated,
 * and how to build the gateway from the settings. This comment is the vendor's guide.
 *
 * ## What core does with it
 * - `tessera.providerAccounts.create/update` parses the settings staff typed with
 *   `optionsSchema` (each problem is a `validation_failed` issue at `options.<field>`, so
 *   the form shows it beside the field), seals them with AES-256-GCM under the
 *   installation's credentials key, stores them, calls `create` and registers the gateway
 *   under the account's id (`inter-centro`) — replacing the previous one on update.
 * - At start-up, `tessera.providerAccounts.loadAll()` opens every stored account and calls
 *   `create` again. `create` must therefore be cheap and pure: no network call, no file
 *   written (an OAuth token is fetched on the first payment, not here). Throw a
 *   `GatewayError("gateway_configuration")` for settings the schema cannot catch (a PEM
 *   that does not parse); the account is then skipped and reported, never the server.
 * - The back office renders the settings form from `optionsSchema` (text, number, boolean,
 *   enum; a `multiline` field as a text area) and never shows a `secretFields` value back:
 *   it shows `••••` and the last four characters of a long one. A secret left empty on an
 *   update keeps the stored value.
 *
 * ## What a provider guarantees
 * - `optionsSchema` is a `z.object` of plain values (strings, numbers, booleans, enums),
 *   each with a `.describe()` the form uses as its hint: the studio owner reads it.
 * - `secretFields` names every option that is a credential (client secret, certificate
 *   key, webhook secret). Core never logs or shows them; the adapter never logs them either.
 * - The gateway `create` returns has `id === deps.gatewayId`, so payments made through it
 *   are found through it after a restart and its webhooks arrive at `deps.webhookUrl`.
 *
 * @example
 * ```ts
 * export const interProvider = defineGatewayProvider({
 *   kind: "inter",
 *   label: "Banco Inter",
 *   optionsSchema: z.object({
 *     clientId: z.string().min(1).describe("Client ID from the Inter portal"),
 *     clientSecret: z.string().min(1).describe("Client secret"),
 *     certificate: z.string().startsWith("-----BEGIN").meta({ multiline: true }),
 *   }),
 *   secretFields: ["clientSecret", "certificate"],
 *   webhook: { authentication: "mutual TLS: Inter presents its client certificate" },
 *   create: (options, deps) => createInterGateway({ id: deps.gatewayId, ...options, clock: deps.clock }),
 * });
 * ```
 * @module
 */
import type { z } from "zod";
import type { Clock } from "./clock";
import type { Gateway } from "./gateway";

/** One line a provider's gateway logs: ids and statuses — never a credential or a card number. */
export interface ProviderLogEntry {
  level: "info" | "warn";
  message: string;
  data: Readonly<Record<string, string | number | boolean | null>>;
}
export type ProviderLog = (entry: ProviderLogEntry) => void;

/** What `create` is given besides the account's settings. */
export interface GatewayProviderDeps {
  /** The account's id, which the returned gateway must carry as its own `id`. */
  gatewayId: string;
  clock: Clock;
  /**
   * Where this installation receives the account's notifications
   * (`https://studio.example.com/webhooks/inter-centro`), or null when it has no public
   * address (a laptop): providers that need one registered then cannot notify.
   */
  webhookUrl: string | null;
  log: ProviderLog;
}

/** How the provider's notifications reach Tessera, for the page that shows the webhook URL. */
export interface GatewayProviderWebhook {
  /**
   * What proves a notification is the provider's, in a sentence the studio owner can act
   * on: "HMAC-SHA256 of the body with the webhook secret, in x-sandbox-signature".
   */
  authentication: string;
  /** A path the provider adds after the registered URL, when it does (API Pix adds `/pix`). */
  pathSuffix?: string;
  /**
   * The provider proves its notifications by its client certificate (API Pix PSPs, Banco
   * Inter): its accounts' webhook URL is then under `mutualTlsWebhookBaseUrl` when the
   * installation has one (a listener or proxy that verifies client certificates).
   */
  mutualTls?: boolean;
}

/** A kind of provider account an adapter offers (see the module comment). */
export interface GatewayProvider<Schema extends z.ZodObject = z.ZodObject> {
  /** Lower-case, stable: stored with every account of the kind. */
  readonly kind: string;
  /** The provider's name as studios know it: "Banco Inter". */
  readonly label: string;
  readonly optionsSchema: Schema;
  /** The option keys that are credentials: never shown back, never logged. */
  readonly secretFields: readonly (keyof z.output<Schema> & string)[];
  readonly webhook: GatewayProviderWebhook;
  /** Builds the account's gateway from its parsed settings; cheap and side-effect free. */
  create(options: z.output<Schema>, deps: GatewayProviderDeps): Gateway;
}

/**
 * Declares a provider kind, checking at the type level that `secretFields` are keys of
 * the schema and that `create` takes what the schema parses to.
 */
export function defineGatewayProvider<Schema extends z.ZodObject>(
  provider: GatewayProvider<Schema>,
): GatewayProvider<Schema> {
  return Object.freeze({ ...provider, secretFields: Object.freeze([...provider.secretFields]) });
}
