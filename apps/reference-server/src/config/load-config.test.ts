import { join } from "node:path";
import { TesseraError } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { type LoadConfigOptions, loadConfig } from "./load-config";

const cwd = "/srv/studio";

function load(env: Record<string, string>, files: Record<string, string> = {}) {
  const options: LoadConfigOptions = { env, cwd, readTextFile: (path) => files[path] ?? null };
  return loadConfig(options);
}

function failure(env: Record<string, string>, files: Record<string, string> = {}): TesseraError {
  try {
    load(env, files);
  } catch (error) {
    if (error instanceof TesseraError) return error;
    throw error;
  }
  throw new Error("expected loadConfig to throw");
}

describe("loadConfig", () => {
  it("runs with no configuration on a SQLite file under ./data, on 127.0.0.1:3000, in pt-BR, with the demo", () => {
    expect(load({})).toEqual({
      port: 3000,
      host: "127.0.0.1",
      dataDir: "/srv/studio/data",
      database: { kind: "sqlite", filename: "/srv/studio/data/tessera.db" },
      logLevel: "info",
      defaultLocale: "pt-BR",
      publicUrl: null,
      demo: true,
      sandboxAutoPayMs: 20_000,
      schedulerIntervalMs: 5_000,
      clientCertificateHeader: null,
      webhookTls: null,
      mail: { kind: "mailbox", directory: "/srv/studio/data/mailbox", from: "Tessera <no-reply@localhost>" },
      homeUnits: [],
      credentialsKey: null,
      previousCredentialsKeys: [],
      configFile: null,
    });
  });

  it("sends e-mail over SMTP when TESSERA_SMTP_URL is set, from TESSERA_MAIL_FROM", () => {
    const url = "smtps://aurora:s3cret@smtp.example.com:465";
    expect(
      load({ TESSERA_SMTP_URL: url, TESSERA_MAIL_FROM: "Estúdio Aurora <no-reply@aurora.example>" }).mail,
    ).toEqual({
      kind: "smtp",
      url,
      from: "Estúdio Aurora <no-reply@aurora.example>",
    });
    expect(load({ TESSERA_SMTP_URL: "smtp://relay.internal:25" }).mail).toEqual({
      kind: "smtp",
      url: "smtp://relay.internal:25",
      from: "Tessera <no-reply@localhost>",
    });
  });

  it("keeps the dev mailbox under the data directory when TESSERA_SMTP_URL is empty", () => {
    expect(
      load({
        TESSERA_SMTP_URL: "",
        TESSERA_DATA_DIR: "/var/lib/tessera",
        TESSERA_MAIL_FROM: "studio@aurora.example",
      }).mail,
    ).toEqual({
      kind: "mailbox",
      directory: "/var/lib/tessera/mailbox",
      from: "studio@aurora.example",
    });
  });

  it("refuses an SMTP URL of another scheme without echoing it, and a From that is no address", () => {
    const error = failure({
      TESSERA_SMTP_URL: "https://aurora:hunter2@smtp.example.com",
      TESSERA_MAIL_FROM: "Estúdio Aurora",
    });
    expect(error.message).toContain(
      "TESSERA_SMTP_URL: must be empty (the dev mailbox) or an smtp:// or smtps:// URL",
    );
    expect(error.message).not.toContain("hunter2");
    expect(error.message).toContain(
      'TESSERA_MAIL_FROM: must be an e-mail address, or a name and an address such as Estúdio Aurora <no-reply@aurora.example> (got "Estúdio Aurora")',
    );
  });

  it("reads smtpUrl and mailFrom from the JSON file, the environment winning", () => {
    const file = join(cwd, "tessera.config.json");
    const config = load(
      { TESSERA_MAIL_FROM: "env@aurora.example" },
      { [file]: JSON.stringify({ smtpUrl: "smtp://relay.internal:2525", mailFrom: "file@aurora.example" }) },
    );
    expect(config.mail).toEqual({
      kind: "smtp",
      url: "smtp://relay.internal:2525",
      from: "env@aurora.example",
    });
  });

  it("reads the proxy's client-certificate header name in lower case, and refuses one that is no header name", () => {
    expect(load({ TESSERA_CLIENT_CERTIFICATE_HEADER: "X-Client-Cert" }).clientCertificateHeader).toBe(
      "x-client-cert",
    );
    expect(() => load({ TESSERA_CLIENT_CERTIFICATE_HEADER: "x client cert" })).toThrow(
      /TESSERA_CLIENT_CERTIFICATE_HEADER/,
    );
  });

  it("reads the sandbox's auto-pay and the scheduler's interval in seconds, 0 turning each off", () => {
    expect(
      load({ TESSERA_SANDBOX_AUTO_PAY_SECONDS: "3", TESSERA_SCHEDULER_INTERVAL_SECONDS: "60" }),
    ).toMatchObject({
      sandboxAutoPayMs: 3_000,
      schedulerIntervalMs: 60_000,
    });
    expect(
      load({ TESSERA_SANDBOX_AUTO_PAY_SECONDS: "0", TESSERA_SCHEDULER_INTERVAL_SECONDS: "0" }),
    ).toMatchObject({
      sandboxAutoPayMs: null,
      schedulerIntervalMs: null,
    });
    const error = failure({ TESSERA_SANDBOX_AUTO_PAY_SECONDS: "soon" });
    expect(error.message).toContain(
      'TESSERA_SANDBOX_AUTO_PAY_SECONDS: must be a number of seconds (got "soon")',
    );
  });

  it("resolves the data directory against INIT_CWD, where `npm start` was typed", () => {
    const config = load({ INIT_CWD: "/home/ana/tessera" });
    expect(config.dataDir).toBe("/home/ana/tessera/data");
    expect(config.database).toEqual({ kind: "sqlite", filename: "/home/ana/tessera/data/tessera.db" });
  });

  it("reads every environment variable", () => {
    const config = load({
      TESSERA_PORT: "8080",
      TESSERA_HOST: "0.0.0.0",
      TESSERA_DATA_DIR: "/var/lib/tessera",
      TESSERA_LOG_LEVEL: "warn",
      TESSERA_DEFAULT_LOCALE: "en",
      TESSERA_PUBLIC_URL: "https://aurora.example.com",
      TESSERA_DEMO: "false",
      TESSERA_HOME_UNITS: "aurora-centro, aurora-sul",
    });
    expect(config).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      dataDir: "/var/lib/tessera",
      database: { kind: "sqlite", filename: "/var/lib/tessera/tessera.db" },
      logLevel: "warn",
      defaultLocale: "en",
      publicUrl: "https://aurora.example.com/",
      demo: false,
      homeUnits: ["aurora-centro", "aurora-sul"],
    });
  });

  it("starts the mutual-TLS webhook listener only with TESSERA_WEBHOOK_TLS_PORT, and then needs its certificate and key", () => {
    expect(
      load({
        TESSERA_HOST: "0.0.0.0",
        TESSERA_WEBHOOK_TLS_PORT: "8443",
        TESSERA_WEBHOOK_TLS_CERT_FILE: "tls/server.crt",
        TESSERA_WEBHOOK_TLS_KEY_FILE: "/etc/tessera/server.key",
        TESSERA_WEBHOOK_TLS_PUBLIC_URL: "https://aurora.example.com:8443",
      }).webhookTls,
    ).toEqual({
      port: 8443,
      host: "0.0.0.0",
      certificateFile: "/srv/studio/tls/server.crt",
      privateKeyFile: "/etc/tessera/server.key",
      caFile: null,
      publicUrl: "https://aurora.example.com:8443/",
    });
    const error = failure({ TESSERA_WEBHOOK_TLS_PORT: "8443" });
    expect(error.details.issues?.map((issue) => `${issue.path.join(".")}: ${issue.message}`)).toEqual([
      "TESSERA_WEBHOOK_TLS_CERT_FILE: is required when TESSERA_WEBHOOK_TLS_PORT is set",
      "TESSERA_WEBHOOK_TLS_KEY_FILE: is required when TESSERA_WEBHOOK_TLS_PORT is set",
    ]);
    expect(failure({ TESSERA_WEBHOOK_TLS_PUBLIC_URL: "http://aurora.example.com" }).message).toContain(
      "must be an https:// URL",
    );
  });

  it("takes TESSERA_PORT over PORT, and PORT when it is alone", () => {
    expect(load({ PORT: "4000", TESSERA_PORT: "5000" }).port).toBe(5000);
    expect(load({ PORT: "4000" }).port).toBe(4000);
  });

  it("reads a file: DATABASE_URL relative to the start directory, and an absolute file:/// URL", () => {
    expect(load({ DATABASE_URL: "file:./db/main.db" }).database).toEqual({
      kind: "sqlite",
      filename: "/srv/studio/db/main.db",
    });
    expect(load({ DATABASE_URL: "file:///tmp/t.db" }).database).toEqual({
      kind: "sqlite",
      filename: "/tmp/t.db",
    });
  });

  it("keeps a postgres:// URL as a PostgreSQL database with its pool size", () => {
    const url = "postgres://tessera:secret@db.internal:5432/tessera";
    expect(load({ DATABASE_URL: url, TESSERA_DATABASE_POOL_SIZE: "20" }).database).toEqual({
      kind: "postgres",
      url,
      poolSize: 20,
    });
  });

  describe("refuses a bad value, naming the variable and what it expects", () => {
    it.each([
      ["TESSERA_PORT", "abc", "must be a number"],
      ["TESSERA_PORT", "70000", "from 0 to 65535"],
      ["PORT", "3.5", "must be a whole number"],
      ["TESSERA_HOST", "my host", "host name or IP address"],
      ["TESSERA_LOG_LEVEL", "loud", "debug, info, warn, error, silent"],
      ["TESSERA_DEFAULT_LOCALE", "de", "pt-BR, en, ru"],
      ["TESSERA_PUBLIC_URL", "ftp://x.example", "http:// or https://"],
      ["TESSERA_DEMO", "maybe", "true or false"],
      ["TESSERA_HOME_UNITS", "Aurora Centro", "unit slugs"],
      ["TESSERA_DATABASE_POOL_SIZE", "0", "from 1 to 100"],
      ["DATABASE_URL", "mysql://db/tessera", "file: URL"],
    ])("%s=%s", (variable, value, expected) => {
      const error = failure({ [variable]: value });
      expect(error.code).toBe("configuration_invalid");
      expect(error.message).toContain(`${variable}: `);
      expect(error.message).toContain(expected);
      expect(error.details.issues?.[0]?.path).toEqual([variable]);
    });

    it("lists every bad value at once", () => {
      const error = failure({ TESSERA_PORT: "x", TESSERA_DEMO: "perhaps" });
      expect(error.details.issues?.map((i) => i.path[0])).toEqual(["TESSERA_PORT", "TESSERA_DEMO"]);
    });

    it("refuses a postgres:// URL that does not parse, without echoing it", () => {
      const error = failure({ DATABASE_URL: "postgres://studio:hunter2@db:99999/tessera" });
      expect(error.message).toContain("DATABASE_URL: is not a valid postgres:// URL");
      expect(error.message).not.toContain("hunter2");
    });

    it("never echoes the database URL, which may hold a password", () => {
      const error = failure({ DATABASE_URL: "mysql://root:hunter2@db/x" });
      expect(error.message).not.toContain("hunter2");
    });
  });

  describe("the JSON file", () => {
    const file = join(cwd, "tessera.config.json");

    it("is read from ./tessera.config.json, with paths relative to the file, and the environment wins", () => {
      const config = load(
        { TESSERA_PORT: "9000" },
        { [file]: JSON.stringify({ port: 8000, host: "0.0.0.0", dataDir: "state", demo: false }) },
      );
      expect(config).toMatchObject({
        port: 9000,
        host: "0.0.0.0",
        dataDir: "/srv/studio/state",
        demo: false,
        configFile: file,
      });
    });

    it("is read from TESSERA_CONFIG, resolving its relative paths against the file's own directory", () => {
      const config = load(
        { TESSERA_CONFIG: "/etc/tessera/config.json" },
        { "/etc/tessera/config.json": JSON.stringify({ dataDir: "data", homeUnits: ["aurora-centro"] }) },
      );
      expect(config.dataDir).toBe("/etc/tessera/data");
      expect(config.homeUnits).toEqual(["aurora-centro"]);
    });

    it("refuses a TESSERA_CONFIG that names no file", () => {
      const error = failure({ TESSERA_CONFIG: "missing.json" });
      expect(error.message).toContain(
        "TESSERA_CONFIG: names a file that does not exist: /srv/studio/missing.json",
      );
    });

    it("names the field and the file of a bad value", () => {
      const error = failure({}, { [file]: JSON.stringify({ port: "eighty" }) });
      expect(error.message).toContain(`port in ${file}: must be a number (got "eighty")`);
    });

    it("names an unknown field, listing the real ones", () => {
      const error = failure({}, { [file]: JSON.stringify({ prot: 80 }) });
      expect(error.message).toContain(`prot in ${file}: is not a setting; the settings are port, host`);
    });

    it("refuses a file that is not JSON, naming it", () => {
      const error = failure({}, { [file]: "{ port: 80" });
      expect(error.message).toContain(`${file}: is not valid JSON`);
    });

    it("reports a bad file value even when an environment variable overrides it", () => {
      const error = failure({ TESSERA_PORT: "9000" }, { [file]: JSON.stringify({ port: -1 }) });
      expect(error.details.issues?.map((i) => i.path[0])).toEqual([`port in ${file}`]);
    });
  });
});
