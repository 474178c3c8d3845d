import type { Compilable, CompiledQuery, DatabaseConnection, Kysely, QueryResult } from "kysely";
import type { Database } from "./database";

/** Where one of the caller's values goes in a query being compiled for the first time. */
class StandIn {
  constructor(readonly index: number) {}
}

/**
 * The shape of the values a query was compiled for: a leaf (a value bound as a parameter),
 * `undefined` (Kysely leaves such a column out), an array of so many items, or a plain
 * object with these keys in this order.
 */
type Shape = typeof leaf | typeof absent | Shape[] | ObjectShape;
const leaf = 0;
const absent = 1;

class ObjectShape {
  constructor(
    readonly keys: string[],
    readonly values: Shape[],
  ) {}
}

interface Entry {
  shape: Shape;
  compiled: CompiledQuery<unknown>;
  /** For each parameter of the SQL, the index of the caller's value it takes, or -1 for a constant. */
  slots: number[];
  /** The constants of the parameters whose slot is -1. */
  constants: unknown[];
  /** True when parameter i is the caller's value i for every i: the values are the parameters. */
  direct: boolean;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** The shape of `value`. */
function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (isPlainObject(value)) {
    const keys: string[] = [];
    const values: Shape[] = [];
    for (const key in value) {
      keys.push(key);
      values.push(shapeOf(value[key]));
    }
    return new ObjectShape(keys, values);
  }
  return value === undefined ? absent : leaf;
}

/**
 * Appends `value`'s leaves to `leaves` in order — the order `standIns` numbers them in —
 * when `value` has `shape`; false as soon as it has not. The same shape always places its
 * leaves in the same parameters. Walks the values without building anything, so a hit costs
 * no more than reading them.
 */
function collectLeaves(shape: Shape, value: unknown, leaves: unknown[]): boolean {
  if (shape === leaf) {
    if (value === undefined || Array.isArray(value) || isPlainObject(value)) return false;
    leaves.push(value);
    return true;
  }
  if (shape === absent) return value === undefined;
  if (Array.isArray(shape)) {
    if (!Array.isArray(value) || value.length !== shape.length) return false;
    for (let i = 0; i < shape.length; i++) {
      if (!collectLeaves(shape[i] as Shape, value[i], leaves)) return false;
    }
    return true;
  }
  if (!isPlainObject(value)) return false;
  const { keys, values } = shape;
  let i = 0;
  for (const key in value) {
    if (keys[i] !== key || !collectLeaves(values[i] as Shape, value[key], leaves)) return false;
    i++;
  }
  return i === keys.length;
}

/** `value` with every leaf replaced by its stand-in, numbered in `collectLeaves`' order. */
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
 * One cache per storage. A name keeps at most `shapesPerName` shapes, most recently used
 * first, the last one out when full (a multi-row insert has a shape per row count; an update
 * one per set of changed columns); names are the repositories' own, a fixed set. A hit
 * builds no key: the values are walked once against each known shape of their name.
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
  /**
   * Runs `fn` with the queries `execute` runs on `trx` sent straight to the transaction's
   * connection. Through `trx`, each statement passes Kysely's executor, its connection
   * provider and its plugins' result hook, some fifteen promises and as many objects: about a
   * fifth of a sale's JavaScript, for twelve statements that each resolve one promise of
   * their own on the connection. The same connection, in the same order (better-sqlite3 runs
   * each at once, `pg` queues a client's queries), so nothing about the transaction changes.
   * Bound only while `fn` runs: a statement issued after it ended goes through `trx`, which
   * refuses it, as it must, rather than reach a connection now another transaction's. Not
   * bound when the executor has plugins, whose `transformResult` the shortcut would skip.
   */
  withDirectConnection<T>(trx: Kysely<Database>, fn: () => Promise<T>): Promise<T>;
}

export function createCompiledQueryCache(shapesPerName = 64): CompiledQueryCache {
  /** By name, its shapes' entries, most recently used first. */
  const entries = new Map<string, Entry[]>();
  const connections = new WeakMap<Kysely<Database>, DatabaseConnection>();

  function compile<V, R>(
    db: Kysely<Database>,
    name: string,
    values: V,
    build: (db: Kysely<Database>, values: V) => Compilable<R>,
    shape: Shape,
    leafCount: number,
  ): Entry {
    const compiled = build(db, standIns(values, { index: 0 }) as V).compile();
    const bound = new Set<number>();
    const constants: unknown[] = [];
    const slots = compiled.parameters.map((parameter, i) => {
      if (!(parameter instanceof StandIn)) {
        constants[i] = parameter;
        return -1;
      }
      bound.add(parameter.index);
      return parameter.index;
    });
    // A value inlined into the SQL, or dropped, would be the first call's forever.
    if (bound.size !== leafCount || compiled.sql.includes("[object Object]")) {
      throw new Error(`the query "${name}" does not bind each of its ${leafCount} values as a parameter`);
    }
    const direct = slots.length === leafCount && slots.every((slot, i) => slot === i);
    return { shape, compiled, slots, constants, direct };
  }

  /** The entry for `values`' shape under `name`, its leaves appended to `leaves`; moved to the front. */
  function find(named: Entry[], values: unknown, leaves: unknown[]): Entry | null {
    for (let i = 0; i < named.length; i++) {
      const entry = named[i] as Entry;
      if (collectLeaves(entry.shape, values, leaves)) {
        if (i > 0) {
          named.splice(i, 1);
          named.unshift(entry);
        }
        return entry;
      }
      leaves.length = 0;
    }
    return null;
  }

  return {
    execute<V, R>(
      db: Kysely<Database>,
      name: string,
      values: V,
      build: (db: Kysely<Database>, values: V) => Compilable<R>,
    ): Promise<QueryResult<R>> {
      const leaves: unknown[] = [];
      let named = entries.get(name);
      if (!named) {
        named = [];
        entries.set(name, named);
      }
      let entry = find(named, values, leaves);
      if (!entry) {
        const shape = shapeOf(values);
        collectLeaves(shape, values, leaves);
        entry = compile(db, name, values, build, shape, leaves.length);
        named.unshift(entry);
        if (named.length > shapesPerName) named.pop();
      }
      const { compiled, slots, constants } = entry;
      let parameters = leaves;
      if (!entry.direct) {
        parameters = new Array(slots.length);
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i] as number;
          parameters[i] = slot < 0 ? constants[i] : leaves[slot];
        }
      }
      const query: CompiledQuery<R> = {
        sql: compiled.sql,
        query: compiled.query,
        queryId: compiled.queryId,
        parameters,
      };
      const connection = connections.get(db);
      return connection ? connection.executeQuery<R>(query) : db.executeQuery(query);
    },

    async withDirectConnection(trx, fn) {
      // `getExecutor` is the executor every Kysely builder runs on (`QueryExecutorProvider`);
      // kysely is pinned, and the storage suites run every statement through this path.
      const executor = trx.getExecutor();
      if (!trx.isTransaction || executor.plugins.length > 0) return fn();
      connections.set(trx, await executor.provideConnection(async (connection) => connection));
      try {
        return await fn();
      } finally {
        connections.delete(trx);
      }
    },
  };
}
