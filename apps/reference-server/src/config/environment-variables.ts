import type { SettingName } from "./setting-schemas";

/** One environment variable and the setting it sets. */
export interface EnvironmentVariable {
  variable: string;
  setting: SettingName;
  /** Shown by `tessera --help`. */
  description: string;
}

/**
 * Every environment variable the server reads, weakest first: a later row that sets the
 * same setting wins (TESSERA_PORT over PORT). Environment variables win over the file.
 */
export const environmentVariables: readonly EnvironmentVariable[] = [
  {
    variable: "PORT",
    setting: "port",
    description: "port, when TESSERA_PORT is not set (hosting platforms set it)",
  },
  {
    variable: "TESSERA_PORT",
    setting: "port",
    description: "port to listen on; 0 picks a free one (default 3000)",
  },
  {
    variable: "TESSERA_HOST",
    setting: "host",
    description: "interface to listen on (default 127.0.0.1; 0.0.0.0 for all)",
  },
  {
    variable: "TESSERA_DATA_DIR",
    setting: "dataDir",
    description: "directory for the SQLite file (default ./data)",
  },
  {
    variable: "DATABASE_URL",
    setting: "databaseUrl",
    description:
      "postgres://user:password@host:5432/db for PostgreSQL, file:./path.db for SQLite; empty = <data dir>/tessera.db",
  },
  {
    variable: "TESSERA_DATABASE_POOL_SIZE",
    setting: "databasePoolSize",
    description: "PostgreSQL connections (default 10)",
  },
  {
    variable: "TESSERA_LOG_LEVEL",
    setting: "logLevel",
    description: "debug, info, warn, error or silent (default info)",
  },
  {
    variable: "TESSERA_DEFAULT_LOCALE",
    setting: "defaultLocale",
    description: "pt-BR, en or ru (default pt-BR)",
  },
  {
    variable: "TESSERA_PUBLIC_URL",
    setting: "publicUrl",
    description: "the address people open, e.g. https://studio.example.com/",
  },
  {
    variable: "TESSERA_DEMO",
    setting: "demo",
    description: "seed the demo studio on serve: true or false (default true)",
  },
  {
    variable: "TESSERA_SANDBOX_AUTO_PAY_SECONDS",
    setting: "sandboxAutoPaySeconds",
    description:
      "the sandbox pays a pending PIX or boleto by itself after this many seconds; 0 = never (default 20)",
  },
  {
    variable: "TESSERA_SCHEDULER_INTERVAL_SECONDS",
    setting: "schedulerIntervalSeconds",
    description:
      "seconds between scheduler passes (recovery, event delivery, sandbox); 0 = no scheduler (default 5)",
  },
  {
    variable: "TESSERA_CLIENT_CERTIFICATE_HEADER",
    setting: "clientCertificateHeader",
    description:
      "the header a TLS-terminating proxy sets to the provider's verified client certificate (URL-escaped PEM, nginx $ssl_client_escaped_cert), for mutual-TLS webhooks; empty = off (default)",
  },
  {
    variable: "TESSERA_WEBHOOK_TLS_PORT",
    setting: "webhookTlsPort",
    description:
      "a second, HTTPS listener for mutual-TLS webhooks (API Pix PSPs, Banco Inter) that verifies the provider's client certificate; empty = off (default)",
  },
  {
    variable: "TESSERA_WEBHOOK_TLS_HOST",
    setting: "webhookTlsHost",
    description: "interface of the mutual-TLS webhook listener (default: TESSERA_HOST)",
  },
  {
    variable: "TESSERA_WEBHOOK_TLS_CERT_FILE",
    setting: "webhookTlsCertificateFile",
    description: "the listener's server certificate chain, PEM (a public CA's, as providers require)",
  },
  {
    variable: "TESSERA_WEBHOOK_TLS_KEY_FILE",
    setting: "webhookTlsPrivateKeyFile",
    description: "the private key of that certificate, PEM",
  },
  {
    variable: "TESSERA_WEBHOOK_TLS_CA_FILE",
    setting: "webhookTlsCaFile",
    description:
      "extra CAs (PEM) the listener trusts for client certificates, beside those the provider accounts name (a PSP that names none)",
  },
  {
    variable: "TESSERA_WEBHOOK_TLS_PUBLIC_URL",
    setting: "webhookTlsPublicUrl",
    description:
      "the address providers reach that listener at, e.g. https://studio.example.com:8443/; empty = TESSERA_PUBLIC_URL's host on TESSERA_WEBHOOK_TLS_PORT",
  },
  {
    variable: "TESSERA_SMTP_URL",
    setting: "smtpUrl",
    description:
      "smtp://user:password@host:587 or smtps://user:password@host:465 to send e-mail; empty = the dev mailbox under <data dir>/mailbox (default)",
  },
  {
    variable: "TESSERA_MAIL_FROM",
    setting: "mailFrom",
    description: "the From of the e-mails sent (default Tessera <no-reply@localhost>)",
  },
  {
    variable: "TESSERA_CREDENTIALS_KEY",
    setting: "credentialsKey",
    description:
      "32 bytes (64 hex digits or base64) that seal provider accounts' credentials; empty = a key made once in <data dir>/credentials.key (default)",
  },
  {
    variable: "TESSERA_CREDENTIALS_PREVIOUS_KEYS",
    setting: "previousCredentialsKeys",
    description:
      "comma-separated keys accounts may still be sealed with while rotating; the next start seals them again under TESSERA_CREDENTIALS_KEY",
  },
  {
    variable: "TESSERA_HOME_UNITS",
    setting: "homeUnits",
    description: "comma-separated unit slugs for the home page",
  },
];

/** Names the JSON config file to read (default: ./tessera.config.json when it exists). */
export const configFileVariable = "TESSERA_CONFIG";
