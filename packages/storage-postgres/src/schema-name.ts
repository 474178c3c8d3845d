import { TesseraError } from "@tessera/core";

/** A plain PostgreSQL identifier: nothing that needs escaping, at most 63 bytes (NAMEDATALEN). */
const plainIdentifier = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * The schema name, checked, ready to splice into `SET search_path` and `CREATE SCHEMA`
 * (which take no bind parameters). Only plain identifiers are accepted, so quoting is
 * exact and no name can smuggle SQL in.
 */
export function quotedSchemaName(schema: string): string {
  if (!plainIdentifier.test(schema)) {
    throw new TesseraError(
      "configuration_invalid",
      `The PostgreSQL schema "${schema}" is not a plain identifier: use letters, digits and _ (at most 63), starting with a letter or _.`,
      {
        details: {
          origin: "postgres",
          issues: [{ path: ["schema"], code: "invalid_identifier", message: "must be a plain identifier" }],
        },
      },
    );
  }
  return `"${schema}"`;
}
