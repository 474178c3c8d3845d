import type { PGlite } from "@electric-sql/pglite";
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";

/** Statements whose affected-row count Kysely reports (`numUpdatedRows`, …). */
const countedCommands = new Set(["INSERT", "UPDATE", "DELETE", "MERGE"]);

/**
 * PGlite — PostgreSQL compiled to WebAssembly, in this process — seen as the pool Kysely's
 * PostgreSQL dialect expects, so `createPostgresStorage({ pool })` runs the same code on it
 * as on a server. Used only where no server is reachable (a contributor's laptop).
 *
 * PGlite has one session. A "connection" is that session held alone — the next caller
 * waits until it is released — so a transaction is never interleaved with another
 * storage's statements; each hand-out is a new client object, so Kysely runs the
 * storage's `onCreateConnection` (its `search_path`) every time.
 */
export function pglitePool(pglite: PGlite): PostgresPool {
  let queue: Promise<void> = Promise.resolve();
  return {
    async connect() {
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const turn = queue;
      queue = queue.then(() => held);
      await turn;
      let released = false;
      const client = {
        async query(text: string, parameters: readonly unknown[]) {
          const result = await pglite.query<Record<string, unknown>>(text, [...parameters]);
          const command = text.trimStart().split(/\s+/, 1)[0]?.toUpperCase() ?? "";
          return {
            command: (countedCommands.has(command)
              ? command
              : "SELECT") as PostgresQueryResult<unknown>["command"],
            rowCount: result.affectedRows ?? result.rows.length,
            rows: result.rows,
          };
        },
        release() {
          if (released) return;
          released = true;
          release();
        },
      };
      // Kysely streams only through pg cursors, which the storage never uses.
      return client as unknown as PostgresPoolClient;
    },
    async end() {},
  };
}
