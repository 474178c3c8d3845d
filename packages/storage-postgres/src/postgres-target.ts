/**
 * Where a PostgreSQL URL points, without its password: what start-up messages and logs may
 * name. A `postgres://` URL carries its password in the clear, so the URL itself is never
 * printed; this is.
 */
export interface PostgresTarget {
  host: string;
  port: number;
  database: string;
  user: string;
}

const defaultPort = 5432;

/**
 * Reads host, port, database and user from a `postgres://` or `postgresql://` URL (a `host`
 * query parameter, as libpq allows for a socket directory, wins over the authority).
 * Returns null when `url` is not a URL at all.
 *
 * @example
 * ```ts
 * postgresTarget("postgres://tessera:secret@db.internal/studio");
 * // { host: "db.internal", port: 5432, database: "studio", user: "tessera" }
 * ```
 */
export function postgresTarget(url: string): PostgresTarget | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.searchParams.get("host") || decodeURIComponent(parsed.hostname) || "localhost";
  const port = parsed.port ? Number(parsed.port) : defaultPort;
  const user = decodeURIComponent(parsed.username) || "postgres";
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || user;
  return { host, port, database, user };
}

/** `db.internal:5432/studio` — the target as a person reads it. */
export function formatPostgresTarget(target: PostgresTarget): string {
  return `${target.host}:${target.port}/${target.database}`;
}
