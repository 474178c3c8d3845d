import type { PostgresPool } from "kysely";

/**
 * A caller's pool as the storage sees it: connections come from it, but ending it stays
 * the caller's business — Kysely ends its pool when the storage is closed, and the
 * application may still be using this one for its own tables.
 */
export function borrowedPool(pool: PostgresPool): PostgresPool {
  return {
    connect: () => pool.connect(),
    end: async () => {},
  };
}
