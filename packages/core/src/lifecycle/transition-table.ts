import { TesseraError } from "../errors/tessera-error";

/**
 * A state machine as data: for each status, the statuses it may move to. Every entity's
 * lifecycle is one of these, so the rules can be read (and rendered in docs) in one place.
 */
export type TransitionTable<S extends string> = { readonly [From in S]: readonly S[] };

export interface Lifecycle<S extends string> {
  readonly entity: string;
  readonly table: TransitionTable<S>;
  readonly statuses: readonly S[];
  /** True when `from → to` is allowed. Staying in place is not a transition. */
  canMove(from: S, to: S): boolean;
  /** Throws `invalid_transition` unless `from → to` is allowed. */
  assertMove(from: S, to: S, id?: string): void;
  /** True when nothing can follow `status`. */
  isFinal(status: S): boolean;
}

export function defineLifecycle<S extends string>(
  entity: string,
  table: { readonly [From in S]: readonly NoInfer<S>[] },
): Lifecycle<S> {
  const statuses = Object.keys(table) as S[];
  const canMove = (from: S, to: S) => table[from].includes(to);
  return {
    entity,
    table,
    statuses,
    canMove,
    assertMove(from, to, id) {
      if (!canMove(from, to)) {
        throw new TesseraError("invalid_transition", `A ${entity} cannot go from "${from}" to "${to}".`, {
          details: { entity, ...(id ? { id } : {}), from, to },
        });
      }
    },
    isFinal: (status) => table[status].length === 0,
  };
}
