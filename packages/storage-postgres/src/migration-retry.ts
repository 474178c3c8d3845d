import type { Storage } from "@tessera/core";

/**
 * Kysely's migrator asks whether its table exists by listing the tables of every schema; a
 * schema another session drops during that scan (tests do, one schema each, and so may an
 * operator) fails the listing with `3F000 schema "…" does not exist` although ours is fine.
 * Such a failure is retried a few times; any other is not.
 */
export function withMigrationRetry(storage: Storage): Storage {
  const migrate = storage.migrate.bind(storage);
  return Object.assign(storage, {
    async migrate() {
      for (let attempt = 1; ; attempt++) {
        try {
          return await migrate();
        } catch (error) {
          if (attempt >= 5 || !droppedMeanwhile(error)) throw error;
        }
      }
    },
  });
}

function droppedMeanwhile(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: unknown }).code === "3F000") return true;
  }
  return false;
}
