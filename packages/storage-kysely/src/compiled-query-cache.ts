import type { Compilable, CompiledQuery, Kysely, QueryResult } from "kysely";
import type { Database } from "./database";

/** Where one of the caller's values goes in a query being compiled for the first time. */
class StandIn {
  constructor(readonly index: number) {}
}

/** A parameter of the compiled SQL: the caller's value at `index`, or a value the query itself holds. */
type Binding = { index: number } | { constant: unknown };

interface Entry {
  compiled: CompiledQuery<unknown>;
  bindings: Binding[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * The values' leaves in order, and their shape as text (`{id,version}`, `[3]`): the same
 * shape always places its leaves in the same parameters. `undefined` is part of the shape
 * (Kysely leaves such a column out), never a leaf.
 */
function flatten(value: unknown, leaves: unknown[]): string {
  if (Array.isArray(value)) return `[${value.map((item) => flatten(item, leaves)).join(",")}]`;
  if (isPlainObject(value)) {
    let shape = "{";
    for (const key in value) shape += `${key}:${flatten(value[key], leaves)},`;
    return `${shape}}`;
  }
  if (value === undefined) return "u";
  leaves.push(value);
  return "";
}

/** `value` with every leaf replaced by its stand-in, numbered in `flatten`'s order. */
function standIns(value: unknown, next: { index: number }): unknown {
  if (Array.isArray(value)) return value.map((item) => standIns(item, next));
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const key in value) copy[key] = standIns(value[key], next);
    return copy;
  }
  if (value === undefined) return undefined;
  return new StandIn(next.index++);
}

/**
 * Queries built and compiled once per shape, then run with new values. Building a Kysely
 * query and compiling it to SQL is most of what a short statement costs in JavaScript —
 * about as much as SQLite takes to run it — and a hot statement's SQL never changes, only
 * its values do. Kysely compiles a query once (`compile()`) and runs the result as often as
 * asked (`executeQuery`); this keeps the compiled query, with a note of which parameter is
 * which value, and binds the next call's values into the same places.
 *
 * One cache per storage; bounded, least recently used out first (a multi-row insert has a
 * shape per row count).
 */
export interface CompiledQueryCache {
  /**
   * Runs the query `build` makes from `values`. The first call for a `name` and a shape of
   * `values` (its keys, its array lengths) builds it with stand-ins in place of the values
   * and compiles it; later calls reuse that SQL. So `build` must put each value it is given
   * into the query as a value (`where("id", "=", values.id)`, `values(row)`), and never look
   * at one: a query that depends on a value's content (`is null` for a null) is not built
   * here. Values are leaves of plain objects and arrays: strings, numbers, null.
   *
   * @example
   * ```ts
   * const { rows } = await ctx.queries.execute(db, "payments.findById", { id }, (db, v) =>
   *   db.selectFrom("payments").selectAll().where("id", "=", v.id),
   * );
   * ```
   */
  execute<V, R>(
    db: Kysely<Database>,
    name: string,
    values: V,
    build: (db: Kysely<Database>, values: V) => Compilable<R>,
  ): Promise<QueryResult<R>>;
}

export function createCompiledQueryCache(capacity = 512): CompiledQueryCache {
  const entries = new Map<string, Entry>();

  function compile<V, R>(
    db: Kysely<Database>,
    name: string,
    values: V,
    build: (db: Kysely<Database>, values: V) => Compilable<R>,
    leafCount: number,
  ): Entry {
    const compiled = build(db, standIns(values, { index: 0 }) as V).compile();
    const bound = new Set<number>();
    const bindings = compiled.parameters.map((parameter): Binding => {
      if (!(parameter instanceof StandIn)) return { constant: parameter };
      bound.add(parameter.index);
      return { index: parameter.index };
    });
    // A value inlined into the SQL, or dropped, would be the first call's forever.
    if (bound.size !== leafCount || compiled.sql.includes("[object Object]")) {
      throw new Error(`the query "${name}" does not bind each of its ${leafCount} values as a parameter`);
    }
    return { compiled, bindings };
  }

  return {
    execute<V, R>(
      db: Kysely<Database>,
      name: string,
      values: V,
      build: (db: Kysely<Database>, values: V) => Compilable<R>,
    ): Promise<QueryResult<R>> {
      const leaves: unknown[] = [];
      const key = `${name} ${flatten(values, leaves)}`;
      let entry = entries.get(key);
      if (entry) {
        // Re-inserting moves it to the back: the map's order is the recency order.
        entries.delete(key);
      } else {
        entry = compile(db, name, values, build, leaves.length);
        if (entries.size >= capacity) entries.delete(entries.keys().next().value as string);
      }
      entries.set(key, entry);
      const { compiled, bindings } = entry;
      const parameters = bindings.map((binding) =>
        "index" in binding ? leaves[binding.index] : binding.constant,
      );
      return db.executeQuery({ ...compiled, parameters } as CompiledQuery<R>);
    },
  };
}
