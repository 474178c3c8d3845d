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
  /** Receives each line, without its newline. Default: process.stdout. */
  write?: (line: string) => void;
  /** Default: the wall clock. */
  now?: () => Date;
}

const severity: Record<LogLevel, number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: Number.POSITIVE_INFINITY,
};

/**
 * Field names whose values are never written: credentials, card data, request bodies.
 * A log line is read by more people than the database is (scrubbing rule, STYLE 21).
 */
const secretKey =
  /pass(word)?|secret|token|api[-_]?key|authorization|cookie|card|pan$|cvv|cvc|security[-_]?code|body|database[-_]?url/i;

/** Card numbers that slipped into free text (13–19 digits, optionally grouped). */
const cardNumber = /\b(?:\d[ -]?){12,18}\d\b/g;

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.replace(cardNumber, "[redacted]");
  if (value instanceof Error) {
    return {
      name: value.name,
      message: scrub(value.message),
      stack: value.stack ? scrub(value.stack) : undefined,
    };
  }
  if (value === null || typeof value !== "object" || depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      secretKey.test(key) ? "[redacted]" : scrub(item, depth + 1),
    ]),
  );
}

/**
 * Creates a logger that writes JSON lines at `level` and above.
 *
 * @example
 * ```ts
 * const logger = createLogger({ level: "info" });
 * logger.info("listening", { url: "http://127.0.0.1:3000/" });
 * // {"level":"info","time":"2026-03-10T15:00:00.000Z","msg":"listening","url":"http://127.0.0.1:3000/"}
 * ```
 */
export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const threshold = severity[options.level];

  const make = (bound: LogFields): Logger => {
    const log =
      (level: Exclude<LogLevel, "silent">) =>
      (msg: string, fields: LogFields = {}) => {
        if (severity[level] < threshold) return;
        const extra = scrub({ ...bound, ...fields }) as LogFields;
        write(JSON.stringify({ level, time: now().toISOString(), msg: scrub(msg), ...extra }));
      };
    return {
      debug: log("debug"),
      info: log("info"),
      warn: log("warn"),
      error: log("error"),
      child: (fields) => make({ ...bound, ...fields }),
    };
  };
  return make({});
}
