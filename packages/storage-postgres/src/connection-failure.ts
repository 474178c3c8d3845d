import { TesseraError } from "@tessera/core";
import { formatPostgresTarget, type PostgresTarget } from "./postgres-target";

/** What went wrong, in a few words, and what the operator should check. */
interface FailureReading {
  reason: string;
  advice: string;
}

/** SQLSTATEs and Node socket codes seen when a connection or the first statement fails. */
const readings: Record<string, (target: PostgresTarget | null) => FailureReading> = {
  ECONNREFUSED: () => ({ reason: "connection refused", advice: "is PostgreSQL running and the URL right?" }),
  ENOTFOUND: () => ({ reason: "host not found", advice: "check the host name in the URL." }),
  EAI_AGAIN: () => ({ reason: "host name lookup failed", advice: "check the host name and the DNS." }),
  ETIMEDOUT: () => ({ reason: "timed out", advice: "is the host reachable from here (network, firewall)?" }),
  EHOSTUNREACH: () => ({
    reason: "host unreachable",
    advice: "is the host reachable from here (network, firewall)?",
  }),
  // invalid_password
  "28P01": (target) => ({
    reason: `password authentication failed for user "${target?.user ?? "?"}"`,
    advice: "check the user name and password in the URL.",
  }),
  // invalid_authorization_specification: pg_hba.conf has no line for this user and host
  "28000": (target) => ({
    reason: `the server refused user "${target?.user ?? "?"}" from this host`,
    advice: "check the user in the URL and the server's pg_hba.conf.",
  }),
  // invalid_catalog_name
  "3D000": (target) => ({
    reason: `database "${target?.database ?? "?"}" does not exist`,
    advice: `create it (createdb ${target?.database ?? "<name>"}) or fix the database name in the URL.`,
  }),
  // insufficient_privilege: creating the schema or the tables was refused
  "42501": (target) => ({
    reason: `user "${target?.user ?? "?"}" may not create the schema or its tables`,
    advice: "grant it CREATE on the database, or create the schema for it beforehand.",
  }),
};

/** The error pg gives when `connectionTimeoutMillis` runs out, which carries no code. */
const timeoutMessage = /timeout/i;

/**
 * The error `createPostgresStorage` throws when it cannot reach or use the database at
 * start: `storage_failure`, with a message that names the target (never the password —
 * `target` has none) and the one thing to check, and the driver's error as `cause`.
 */
export function connectionFailure(error: unknown, target: PostgresTarget | null): TesseraError {
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  const message = error instanceof Error ? error.message : String(error);
  const reading =
    readings[code]?.(target) ??
    (timeoutMessage.test(message)
      ? { reason: "timed out", advice: "is the host reachable from here (network, firewall)?" }
      : { reason: message, advice: "check the URL and the server's log." });
  const where = target ? ` at ${formatPostgresTarget(target)}` : "";
  return new TesseraError(
    "storage_failure",
    `Cannot connect to PostgreSQL${where} (${reading.reason}) — ${reading.advice}`,
    {
      details: {
        origin: "postgres",
        reason: reading.reason,
        advice: reading.advice,
        ...(code ? { driverCode: code } : {}),
        ...(target
          ? { host: target.host, port: target.port, database: target.database, user: target.user }
          : {}),
      },
      cause: error,
    },
  );
}
