import { isTesseraError } from "../errors/tessera-error";

/**
 * Runs `fn` again when it fails with `conflict` — another writer changed a row between our
 * read and our compare-and-set write — up to `attempts` times. `fn` must re-read what it
 * changes, so each run works on fresh data.
 */
export async function withRetryOnConflict<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isTesseraError(error, "conflict")) throw error;
    }
  }
}
