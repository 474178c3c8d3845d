/** The subset of a raw client `readRows` needs: pg's `Client`, or PGlite. */
export interface RawQuerier {
  query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * The conformance suite's independent path: rows read with hand-written SQL straight
 * through the driver, never through Kysely or the storage, in an explicitly named schema.
 */
export async function readRawRows(
  raw: RawQuerier,
  schema: string,
  table: string,
  where: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const columns = Object.keys(where);
  if (![schema, table, ...columns].every((name) => identifier.test(name))) {
    throw new Error(`readRows: not a plain identifier in ${schema}.${table} ${columns.join(",")}`);
  }
  const values: unknown[] = [];
  const conditions = columns.map((column) => {
    if (where[column] === null) return `"${column}" is null`;
    values.push(where[column]);
    return `"${column}" = $${values.length}`;
  });
  const text = `select * from "${schema}"."${table}"${conditions.length ? ` where ${conditions.join(" and ")}` : ""}`;
  const { rows } = await raw.query(text, values);
  return rows as Record<string, unknown>[];
}
