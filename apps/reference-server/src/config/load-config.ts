import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type FieldIssue, TesseraError } from "@tessera/core";
import { decodeCredentialsKey } from "./credentials-key";
import { parseDatabaseUrl } from "./database-url";
import { configFileVariable, environmentVariables } from "./environment-variables";
import type { ServerConfig, WebhookTlsConfig } from "./server-config";
import {
  type SettingName,
  type Settings,
  secretSettings,
  settingFromText,
  settingSchemas,
} from "./setting-schemas";

/** What `loadConfig` reads from; passed in so tests need no real environment. */
export interface LoadConfigOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** The process's working directory; npm's INIT_CWD (where `npm start` was typed) wins over it. */
  cwd: string;
  /** Reads a file's text, or returns null when it does not exist. Default: node:fs. */
  readTextFile?: (path: string) => string | null;
}

const defaults: Settings = {
  port: 3000,
  host: "127.0.0.1",
  dataDir: "data",
  databaseUrl: "",
  databasePoolSize: 10,
  logLevel: "info",
  defaultLocale: "pt-BR",
  publicUrl: "",
  demo: true,
  sandboxAutoPaySeconds: 20,
  schedulerIntervalSeconds: 5,
  clientCertificateHeader: "",
  webhookTlsPort: null,
  webhookTlsHost: "",
  webhookTlsCertificateFile: "",
  webhookTlsPrivateKeyFile: "",
  webhookTlsCaFile: "",
  webhookTlsPublicUrl: "",
  smtpUrl: "",
  mailFrom: "Tessera <no-reply@localhost>",
  homeUnits: [],
  credentialsKey: "",
  previousCredentialsKeys: [],
};

/** Where one setting's value came from: its label in messages, and the directory its relative paths start at. */
interface Origin {
  label: string;
  baseDir: string;
}

function readTextFileFromDisk(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function invalid(issues: FieldIssue[], origin?: string): TesseraError {
  const text = issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  return new TesseraError("configuration_invalid", `Invalid configuration: ${text}.`, {
    details: { issues, ...(origin ? { origin } : {}) },
  });
}

function describeValue(setting: SettingName, value: unknown): string {
  return secretSettings.has(setting) ? "" : ` (got ${JSON.stringify(value)})`;
}

/**
 * Builds the server's configuration from defaults, then the JSON file (TESSERA_CONFIG, or
 * ./tessera.config.json when it exists), then environment variables — the later wins.
 * Every value is validated; a bad one throws `configuration_invalid` naming the variable
 * or file field, what was expected, and the value given (never a secret's).
 *
 * @example
 * ```ts
 * const config = loadConfig({ env: process.env, cwd: process.cwd() });
 * config.database; // { kind: "sqlite", filename: "/srv/tessera/data/tessera.db" }
 * ```
 */
export function loadConfig(options: LoadConfigOptions): ServerConfig {
  const { env } = options;
  const read = options.readTextFile ?? readTextFileFromDisk;
  const baseDir = resolve(options.cwd, env["INIT_CWD"] || ".");
  const issues: FieldIssue[] = [];
  const settings: Settings = { ...defaults };
  const origins = new Map<SettingName, Origin>();

  // The file.
  const explicitFile = env[configFileVariable]?.trim();
  const filePath = resolve(baseDir, explicitFile || "tessera.config.json");
  const fileText = read(filePath);
  if (fileText === null && explicitFile) {
    throw invalid([
      {
        path: [configFileVariable],
        code: "not_found",
        message: `names a file that does not exist: ${filePath}`,
      },
    ]);
  }
  if (fileText !== null) {
    let data: unknown;
    try {
      data = JSON.parse(fileText);
    } catch (error) {
      throw invalid(
        [
          {
            path: [filePath],
            code: "invalid_json",
            message: `is not valid JSON (${(error as Error).message})`,
          },
        ],
        filePath,
      );
    }
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      throw invalid(
        [{ path: [filePath], code: "invalid_type", message: "must hold a JSON object of settings" }],
        filePath,
      );
    }
    for (const [key, value] of Object.entries(data)) {
      const label = `${key} in ${filePath}`;
      if (!(key in settingSchemas)) {
        issues.push({
          path: [label],
          code: "unrecognized_key",
          message: `is not a setting; the settings are ${Object.keys(settingSchemas).join(", ")}`,
        });
        continue;
      }
      const setting = key as SettingName;
      const parsed = settingSchemas[setting].safeParse(value);
      if (!parsed.success) {
        const message = parsed.error.issues[0]?.message ?? "is invalid";
        issues.push({
          path: [label],
          code: "invalid_value",
          message: `${message}${describeValue(setting, value)}`,
        });
        continue;
      }
      Object.assign(settings, { [setting]: parsed.data });
      origins.set(setting, { label, baseDir: dirname(filePath) });
    }
  }

  // The environment, weakest variable first.
  for (const { variable, setting } of environmentVariables) {
    const text = env[variable];
    if (text === undefined || (text.trim() === "" && setting !== "databaseUrl")) continue;
    const parsed = settingSchemas[setting].safeParse(settingFromText(setting, text));
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "is invalid";
      issues.push({
        path: [variable],
        code: "invalid_value",
        message: `${message}${describeValue(setting, text)}`,
      });
      continue;
    }
    Object.assign(settings, { [setting]: parsed.data });
    origins.set(setting, { label: variable, baseDir });
  }

  const dataDirOrigin = origins.get("dataDir") ?? { label: "TESSERA_DATA_DIR", baseDir };
  const dataDir = resolve(dataDirOrigin.baseDir, settings.dataDir);
  const databaseOrigin = origins.get("databaseUrl") ?? { label: "DATABASE_URL", baseDir };
  const database = parseDatabaseUrl(settings.databaseUrl, {
    dataDir,
    baseDir: databaseOrigin.baseDir,
    poolSize: settings.databasePoolSize,
  });
  if ("problem" in database) {
    issues.push({ path: [databaseOrigin.label], code: "invalid_value", message: database.problem });
  }

  const webhookTls = webhookTlsConfig(settings, origins, baseDir, issues);

  if (issues.length > 0 || "problem" in database) throw invalid(issues);
  return {
    port: settings.port,
    host: settings.host,
    dataDir,
    database,
    logLevel: settings.logLevel,
    defaultLocale: settings.defaultLocale,
    publicUrl: settings.publicUrl || null,
    demo: settings.demo,
    sandboxAutoPayMs: settings.sandboxAutoPaySeconds === 0 ? null : settings.sandboxAutoPaySeconds * 1000,
    schedulerIntervalMs:
      settings.schedulerIntervalSeconds === 0 ? null : settings.schedulerIntervalSeconds * 1000,
    clientCertificateHeader: settings.clientCertificateHeader || null,
    webhookTls,
    mail: settings.smtpUrl
      ? { kind: "smtp", url: settings.smtpUrl, from: settings.mailFrom }
      : { kind: "mailbox", directory: join(dataDir, "mailbox"), from: settings.mailFrom },
    homeUnits: settings.homeUnits,
    credentialsKey: settings.credentialsKey ? decodeCredentialsKey(settings.credentialsKey) : null,
    previousCredentialsKeys: settings.previousCredentialsKeys.flatMap(
      (text) => decodeCredentialsKey(text) ?? [],
    ),
    configFile: fileText === null ? null : filePath,
  };
}

/**
 * The mutual-TLS webhook listener's settings, or null when `webhookTlsPort` is not set. Its
 * certificate and key are required then; file paths are relative to where they were set.
 */
function webhookTlsConfig(
  settings: Settings,
  origins: ReadonlyMap<SettingName, Origin>,
  baseDir: string,
  issues: FieldIssue[],
): WebhookTlsConfig | null {
  if (settings.webhookTlsPort === null) return null;
  const file = (setting: "webhookTlsCertificateFile" | "webhookTlsPrivateKeyFile" | "webhookTlsCaFile") =>
    settings[setting] === "" ? null : resolve(origins.get(setting)?.baseDir ?? baseDir, settings[setting]);
  const certificateFile = file("webhookTlsCertificateFile");
  const privateKeyFile = file("webhookTlsPrivateKeyFile");
  const portLabel = origins.get("webhookTlsPort")?.label ?? "TESSERA_WEBHOOK_TLS_PORT";
  for (const [path, value] of [
    ["TESSERA_WEBHOOK_TLS_CERT_FILE", certificateFile],
    ["TESSERA_WEBHOOK_TLS_KEY_FILE", privateKeyFile],
  ] as const) {
    if (value === null)
      issues.push({ path: [path], code: "required", message: `is required when ${portLabel} is set` });
  }
  return {
    port: settings.webhookTlsPort,
    host: settings.webhookTlsHost || settings.host,
    certificateFile: certificateFile ?? "",
    privateKeyFile: privateKeyFile ?? "",
    caFile: file("webhookTlsCaFile"),
    publicUrl: settings.webhookTlsPublicUrl || null,
  };
}
