import { z } from "zod";
import { credentialsKeyProblem, decodeCredentialsKey } from "./credentials-key";
import { logLevels } from "./server-config";

/**
 * One zod schema per setting, for values that are already typed (the JSON config file).
 * Environment variables are text and go through `settingFromText` first. The messages say
 * what is expected, because they are shown to the person fixing the value.
 */
export const settingSchemas = {
  port: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be a port number from 0 to 65535")
    .max(65535, "must be a port number from 0 to 65535"),
  host: z
    .string({ error: "must be a text" })
    .trim()
    .regex(/^[A-Za-z0-9.:\-[\]]+$/, "must be a host name or IP address, such as 127.0.0.1 or 0.0.0.0"),
  dataDir: z.string({ error: "must be a text" }).trim().min(1, "must be a directory path"),
  databaseUrl: z.string({ error: "must be a text" }).trim(),
  databasePoolSize: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be from 1 to 100")
    .max(100, "must be from 1 to 100"),
  logLevel: z.enum(logLevels, { error: `must be one of ${logLevels.join(", ")}` }),
  defaultLocale: z.enum(["pt-BR", "en", "ru"], { error: "must be one of pt-BR, en, ru" }),
  publicUrl: z
    .url({
      protocol: /^https?$/,
      error: "must be an http:// or https:// URL, such as https://studio.example.com/",
    })
    .transform((url) => (url.endsWith("/") ? url : `${url}/`)),
  demo: z.boolean({ error: "must be true or false" }),
  sandboxAutoPaySeconds: z
    .number({ error: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(0, "must be 0 (off) or more seconds")
    .max(86_400, "must be at most 86400 seconds (a day)"),
  schedulerIntervalSeconds: z
    .number({ error: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(0, "must be 0 (off) or more seconds")
    .max(3_600, "must be at most 3600 seconds (an hour)"),
  clientCertificateHeader: z
    .string({ error: "must be a header name" })
    .trim()
    .toLowerCase()
    .regex(/^$|^[a-z0-9-]+$/, "must be a header name such as x-client-cert, or empty (off)"),
  webhookTlsPort: z
    .number({ error: "must be a port number" })
    .int("must be a whole number")
    .min(0, "must be a port number from 0 to 65535")
    .max(65535, "must be a port number from 0 to 65535")
    .nullable(),
  webhookTlsHost: z
    .string({ error: "must be a text" })
    .trim()
    .regex(/^$|^[A-Za-z0-9.:\-[\]]+$/, "must be a host name or IP address, or empty (TESSERA_HOST)"),
  webhookTlsCertificateFile: z.string({ error: "must be a file path" }).trim(),
  webhookTlsPrivateKeyFile: z.string({ error: "must be a file path" }).trim(),
  webhookTlsCaFile: z.string({ error: "must be a file path" }).trim(),
  webhookTlsPublicUrl: z
    .string({ error: "must be a text" })
    .trim()
    .refine(
      (url) => url === "" || (URL.canParse(url) && new URL(url).protocol === "https:"),
      "must be an https:// URL, such as https://studio.example.com:8443/, or empty",
    )
    .transform((url) => (url === "" || url.endsWith("/") ? url : `${url}/`)),
  smtpUrl: z
    .string({ error: "must be a text" })
    .trim()
    .refine(
      (url) => url === "" || (/^smtps?:\/\//i.test(url) && URL.canParse(url) && new URL(url).hostname !== ""),
      "must be empty (the dev mailbox) or an smtp:// or smtps:// URL, such as smtps://user:password@smtp.example.com:465",
    ),
  mailFrom: z
    .string({ error: "must be a text" })
    .trim()
    .regex(
      /^[^<>]*<[^\s<>@]+@[^\s<>@]+>$|^[^\s<>@]+@[^\s<>@]+$/,
      "must be an e-mail address, or a name and an address such as Estúdio Aurora <no-reply@aurora.example>",
    ),
  credentialsKey: z
    .string({ error: "must be a text" })
    .trim()
    .refine((text) => text === "" || decodeCredentialsKey(text) !== null, credentialsKeyProblem),
  previousCredentialsKeys: z.array(
    z
      .string({ error: "must be keys" })
      .refine((text) => decodeCredentialsKey(text) !== null, credentialsKeyProblem),
    { error: "must be a list of keys" },
  ),
  homeUnits: z.array(
    z
      .string({ error: "must be a unit slug" })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be unit slugs such as aurora-centro"),
    { error: "must be a list of unit slugs" },
  ),
};

export type SettingName = keyof typeof settingSchemas;
export type Settings = { [K in SettingName]: z.output<(typeof settingSchemas)[K]> };

const booleanWords: Record<string, boolean> = {
  true: true,
  "1": true,
  yes: true,
  on: true,
  false: false,
  "0": false,
  no: false,
  off: false,
};

/**
 * Turns an environment variable's text into the value its setting's schema checks:
 * numbers for numeric settings, true/false for switches, a list for comma-separated ones.
 * Text that cannot be converted is passed on unchanged, so the schema reports it.
 */
export function settingFromText(name: SettingName, text: string): unknown {
  switch (name) {
    case "port":
    case "databasePoolSize":
    case "sandboxAutoPaySeconds":
    case "schedulerIntervalSeconds":
    case "webhookTlsPort":
      return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text;
    case "demo":
      return booleanWords[text.trim().toLowerCase()] ?? text;
    case "homeUnits":
    case "previousCredentialsKeys":
      return text
        .split(",")
        .map((slug) => slug.trim())
        .filter(Boolean);
    default:
      return text;
  }
}

/** Settings whose value must never be echoed back in an error message (it may hold a password). */
export const secretSettings: ReadonlySet<SettingName> = new Set([
  "databaseUrl",
  "smtpUrl",
  "credentialsKey",
  "previousCredentialsKeys",
]);
