import type { SupportedLocale } from "@tessera/core";

/** How verbose the logs are; `silent` writes nothing (tests). */
export const logLevels = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

/**
 * Where the server keeps its data: a SQLite file (the default), or a PostgreSQL database
 * (`@tessera/storage-postgres`) that several server instances and workers may share.
 */
export type DatabaseConfig =
  | { kind: "sqlite"; filename: string }
  | { kind: "postgres"; url: string; poolSize: number };

/**
 * How e-mail leaves the server: stored in the dev mailbox under the data directory (the
 * default; the back office lists it), or handed to an SMTP server (`TESSERA_SMTP_URL`).
 */
export type MailConfig =
  | { kind: "mailbox"; directory: string; from: string }
  | { kind: "smtp"; url: string; from: string };

/**
 * A second, HTTPS listener serving only `/webhooks/*` that requests the provider's client
 * certificate and verifies it against the CAs the provider accounts trust (and `caFile`'s),
 * for installations without a TLS-terminating proxy that does so.
 */
export interface WebhookTlsConfig {
  /** 0 lets the system pick a free one (tests). */
  port: number;
  host: string;
  /** Absolute paths of the server's certificate chain and key (PEM). */
  certificateFile: string;
  privateKeyFile: string;
  /** Extra CAs trusted for client certificates (PEM), or null. */
  caFile: string | null;
  /** Where providers reach it (with a trailing slash), or null: the public URL's host on `port`. */
  publicUrl: string | null;
}

/** The server's configuration, validated and resolved (absolute paths, defaults applied). */
export interface ServerConfig {
  /** TCP port; 0 lets the system pick a free one. */
  port: number;
  /** Interface to listen on. The default, 127.0.0.1, is reachable from this machine only. */
  host: string;
  /** Absolute directory for the SQLite file and other local state. */
  dataDir: string;
  database: DatabaseConfig;
  logLevel: LogLevel;
  /** The language of a visitor who states none. */
  defaultLocale: SupportedLocale;
  /** The address people reach the server at (with a trailing slash), or null for the listening address. */
  publicUrl: string | null;
  /** Seed the demo studio on `serve` when it does not exist yet. */
  demo: boolean;
  /**
   * The sandbox gateway pays a pending PIX or boleto by itself this long after it was
   * created (its `autoPayAfterMs`), so a demo purchase completes with no one paying; null = never.
   */
  sandboxAutoPayMs: number | null;
  /** Time between the scheduler's passes (recovery, event delivery, the sandbox's clock); null = no scheduler. */
  schedulerIntervalMs: number | null;
  /**
   * The header (lower case) in which a TLS-terminating proxy hands over the client
   * certificate it verified, for mutual-TLS webhooks; null = none (no proxy does that).
   */
  clientCertificateHeader: string | null;
  /** The built-in mutual-TLS webhook listener, or null when it is off (no TESSERA_WEBHOOK_TLS_PORT). */
  webhookTls: WebhookTlsConfig | null;
  /** Where e-mail goes, and its From address (`TESSERA_MAIL_FROM`). */
  mail: MailConfig;
  /** Slugs of the units the home page lists, in order; empty = the demo unit when it exists. */
  homeUnits: string[];
  /**
   * The key provider accounts' credentials are sealed with (`TESSERA_CREDENTIALS_KEY`); null =
   * the one kept in `<dataDir>/credentials.key`, made on the first start.
   */
  credentialsKey: Uint8Array | null;
  /** Keys still accepted for opening while rotating (`TESSERA_CREDENTIALS_PREVIOUS_KEYS`). */
  previousCredentialsKeys: Uint8Array[];
  /** Where the configuration came from, for the start-up log: the file read, if any. */
  configFile: string | null;
}
