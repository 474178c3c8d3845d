import { createHash } from "node:crypto";
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";

/** How many distinct statements one storage prepares on each connection, at most. */
const maxNamedStatements = 400;

/** What `pg.PoolClient#query` also takes, beyond the slice Kysely types: a named statement. */
type NamedQuery = (config: {
  name: string;
  text: string;
  values: unknown[];
}) => Promise<PostgresQueryResult<unknown>>;

/**
 * A pool whose clients run Tessera's repeated statements as named, server-side prepared
 * statements: each connection parses and plans one once, then only binds and executes it.
 * Unnamed, PostgreSQL parses and plans every statement again and the client sends its text
 * every time — a sale's dozen short statements spent as much on that as on their work.
 *
 * A statement is named the second time its text is seen (one-off migrations and set-up
 * queries stay unnamed), after a hash of its text, so two storages sharing a pool agree on
 * names; at most `maxNamedStatements` texts get names, so what the server keeps per
 * connection stays bounded. Statements without parameters (`begin`, `commit`) stay unnamed,
 * and so does any with a `*`: a prepared `select *` fails with `cached plan must not change
 * result type` once another instance's migration adds a column to its table. Should a named
 * statement still fail so (a column's type changed), its text is never named again.
 *
 * Off with `preparedStatements: false` (`createPostgresStorage`).
 */
export function withNamedStatements(pool: PostgresPool): PostgresPool {
  const clients = new WeakMap<PostgresPoolClient, PostgresPoolClient>();
  /** Text → name, or null while seen only once. */
  const names = new Map<string, string | null>();
  const refused = new Set<string>();

  const nameFor = (text: string): string | null => {
    const known = names.get(text);
    if (known !== undefined) {
      if (known !== null || names.size > maxNamedStatements) return known;
      const name = `tessera_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
      names.set(text, name);
      return name;
    }
    if (names.size <= maxNamedStatements) names.set(text, null);
    return null;
  };

  const wrap = (client: PostgresPoolClient): PostgresPoolClient => {
    // Looked up at each call, not bound once: a tracer may wrap `pg.Client#query` meanwhile.
    const named = (config: Parameters<NamedQuery>[0]) =>
      (client as unknown as { query: NamedQuery }).query(config);
    const query = (async (text: string | PostgresCursor<unknown>, parameters?: readonly unknown[]) => {
      if (typeof text !== "string") return client.query(text);
      const values = [...(parameters ?? [])];
      const name = values.length > 0 && !text.includes("*") && !refused.has(text) ? nameFor(text) : null;
      if (name === null) return client.query(text, values);
      try {
        return await named({ name, text, values });
      } catch (error) {
        if ((error as { code?: unknown }).code === "0A000") refused.add(text);
        throw error;
      }
    }) as PostgresPoolClient["query"];
    return { query, release: () => client.release() };
  };

  return {
    async connect() {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (!wrapped) {
        wrapped = wrap(client);
        clients.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}
