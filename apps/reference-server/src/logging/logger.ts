/**
 * The server's logger: pino underneath, behind the small `Logger` interface the rest of the
 * server uses. One JSON object per line, `{ level, time, ...fields, msg }`, with `level` as
 * its label and `time` in ISO-8601 UTC.
 *
 * Secrets are kept out in two layers (scrubbing rule, STYLE 21 — a log line is read by
 * more people than the database is):
 * - pino's `redact` censors the known secret fields at the top level and one or two levels
 *   deep (`password`, `card.cvv`, `headers.authorization`);
 * - a log formatter reaches where paths cannot: any key whose name looks secret, at any
 *   depth; card numbers inside free text (the message, any string, an error's message and
 *   stack); errors nested anywhere; bytes (a file's content is never dumped).
 * @module
 */
import pino, { type DestinationStream, type LogFn, type LoggerOptions as PinoOptions } from "pino";
import type { LogLevel } from "../config/server-config";

/** Facts attached to a log line. Values are scrubbed of secrets before they are written. */
export type LogFields = Record<string, unknown>;

/** A structured logger: one JSON object per line, `{ level, time, msg, ...fields }`. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line it writes. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Receives each line, without its newline. Default: standard output, through pino's own writer. */
  write?: (line: string) => void;
  /** Default: the wall clock. */
  now?: () => Date;
}

const redactedText = "[redacted]";

/**
 * Field names whose values are never written, wherever they sit: credentials, card data,
 * request bodies, connection strings.
 */
const secretKey =
  /pass(word)?|secret|token|api[-_]?key|authorization|cookie|card|pan$|cvv|cvc|security[-_]?code|body|database[-_]?url/i;

/**
 * The same fields as paths for pino's `redact`, at the top level and one and two levels
 * down. Paths match exact names only; `secretKey` catches the rest (`Authorization`,
 * `x-api-key`, a card three levels deep).
 */
const secretFields = [
  "password",
  "secret",
  "clientSecret",
  "token",
  "accessToken",
  "refreshToken",
  "apiKey",
  "authorization",
  "cookie",
  "card",
  "cardNumber",
  "cvv",
  "cvc",
  "securityCode",
  "body",
  "databaseUrl",
];
const redactPaths = secretFields.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);

/** Card numbers that slipped into free text (13–19 digits, optionally grouped). */
const cardNumber = /\b(?:\d[ -]?){12,18}\d\b/g;

/** Deeper than this, a value is cut rather than walked: nothing unscrubbed is ever written. */
const maxDepth = 8;

function scrubText(text: string): string {
  return text.replace(cardNumber, redactedText);
}

/**
 * A copy of `value` safe to write. `ancestors` holds the objects on the path from the root,
 * so a cycle is cut but an object referenced twice side by side is written twice.
 */
function scrubValue(value: unknown, ancestors: object[]): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (ancestors.includes(value)) return "[circular]";
  if (ancestors.length >= maxDepth) return "[truncated]";
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const path = [...ancestors, value];
  // pino's standard error shape (`type`, `message`, `stack`, causes folded in, own
  // properties kept), then scrubbed like any object: a card number in a message is cut out.
  if (value instanceof Error) return scrubObject(pino.stdSerializers.err(value), path);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, path));
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return scrubValue(toJSON.call(value), path);
  return scrubObject(value, path);
}

function scrubObject(value: object, path: object[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = secretKey.test(key) ? redactedText : scrubValue(item, path);
  }
  return copy;
}

/** The fields of one line (or of a child's bindings), scrubbed. */
function scrubFields(fields: object): Record<string, unknown> {
  return scrubObject(fields, [fields]);
}

/** Hands each line to `write` without pino's trailing newline. */
function lineDestination(write: (line: string) => void): DestinationStream {
  return { write: (chunk) => write(chunk.endsWith("\n") ? chunk.slice(0, -1) : chunk) };
}

function pinoOptions(options: LoggerOptions): PinoOptions {
  const now = options.now ?? (() => new Date());
  return {
    level: options.level,
    // No pid and hostname on every line: the process manager knows them.
    base: null,
    timestamp: () => `,"time":"${now().toISOString()}"`,
    redact: { paths: redactPaths, censor: redactedText },
    formatters: {
      level: (label) => ({ level: label }),
      bindings: scrubFields,
      log: scrubFields,
    },
    // The log formatter runs before pino's serializers and has already turned every error
    // into a scrubbed plain object; pino's default `err` serializer would read that object
    // as an error again and name its type "Object".
    serializers: { err: (value: unknown) => (value instanceof Error ? scrubValue(value, []) : value) },
    hooks: {
      // The message is free text too: a card number typed into it goes like one in a field.
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg));
        method.apply(this, scrubbed as Parameters<LogFn>);
      },
    },
  };
}

function wrap(instance: pino.Logger): Logger {
  return {
    debug: (msg, fields = {}) => instance.debug(fields, msg),
    info: (msg, fields = {}) => instance.info(fields, msg),
    warn: (msg, fields = {}) => instance.warn(fields, msg),
    error: (msg, fields = {}) => instance.error(fields, msg),
    child: (fields) => wrap(instance.child(fields)),
  };
}

/**
 * Creates a logger that writes JSON lines at `level` and above (`silent`: none).
 *
 * @example
 * ```ts
 * const logger = createLogger({ level: "info" });
 * logger.info("listening", { url: "http://127.0.0.1:3000/" });
 * // {"level":"info","time":"2026-03-10T15:00:00.000Z","url":"http://127.0.0.1:3000/","msg":"listening"}
 * ```
 */
export function createLogger(options: LoggerOptions): Logger {
  const settings = pinoOptions(options);
  return wrap(options.write ? pino(settings, lineDestination(options.write)) : pino(settings));
}
