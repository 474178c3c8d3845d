import { AsyncLocalStorage } from "node:async_hooks";
import { type Repositories, TesseraError } from "@tessera/core";

/**
 * Knows whether the current async call chain is inside one of this storage's transactions.
 * Inside one, the storage's own repositories and `transaction` refuse with
 * `transaction_nesting`: on SQLite (one connection) they would wait forever for the
 * transaction that is waiting on them, and on any database they would escape the
 * transaction's atomicity. `tx` is the way in.
 */
export interface TransactionScope {
  run<T>(fn: () => Promise<T>): Promise<T>;
  assertOutside(operation: string): void;
}

export function createTransactionScope(): TransactionScope {
  // A flag, not mere presence: work a transaction left running after it ended may go on.
  const current = new AsyncLocalStorage<{ open: boolean }>();
  return {
    async run(fn) {
      const state = { open: true };
      try {
        return await current.run(state, fn);
      } finally {
        state.open = false;
      }
    },
    assertOutside(operation) {
      if (current.getStore()?.open) {
        throw new TesseraError(
          "transaction_nesting",
          `${operation} was called inside storage.transaction(fn); use the repositories fn receives.`,
          { details: { operation } },
        );
      }
    },
  };
}

/** The storage's own repositories, each method first checking it is not inside a transaction. */
export function guardRepositories(repositories: Repositories, scope: TransactionScope): Repositories {
  const guarded: Record<string, Record<string, unknown>> = {};
  for (const [name, repository] of Object.entries(repositories)) {
    const methods: Record<string, unknown> = {};
    for (const [method, fn] of Object.entries(
      repository as Record<string, (...args: unknown[]) => unknown>,
    )) {
      methods[method] = (...args: unknown[]) => {
        scope.assertOutside(`storage.${name}.${method}`);
        return fn(...args);
      };
    }
    guarded[name] = methods;
  }
  // Same keys and signatures as `repositories`: each method was wrapped one for one.
  return guarded as unknown as Repositories;
}
