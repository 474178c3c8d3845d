import type { ErrorObject } from "ajv";

/**
 * Ajv's errors read the way a provider reports a refused request: at most one per property
 * of the body. Both API Pix and Inter's Cobrança answer `violacoes` naming a property, each in
 * its own words; this finds the properties, the mock words them.
 */

/** The first error of one property, with the value the body has there. */
export interface PropertyError {
  error: ErrorObject;
  /** The property's name, as `propertyName` wrote it. */
  property: string;
  /** Where in the body: `instancePath` (for `required`, with the missing property appended). */
  path: string;
  /** The value at `path`; undefined when the body has none there. */
  value: unknown;
}

/** The value at a JSON Pointer (`/pagador/endereco`) under `root`. */
export function valueAt(root: unknown, instancePath: string): unknown {
  let node = root;
  for (const segment of instancePath.split("/").slice(1)) {
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return node;
}

/**
 * One error per property, the first ajv gave. Inside an alternative that failed (a `oneOf`
 * whose every branch broke: a `devedor` neither a person nor a company), the branches' own
 * errors fold into the one for the whole object, as the providers' examples report it.
 */
export function propertyErrors(
  errors: readonly ErrorObject[],
  root: unknown,
  options: {
    /** The keywords whose branch errors fold (`oneOf`, and `anyOf` where the spec uses it). */
    alternatives: readonly string[];
    /** The property's name from its path segments (`["valor", "original"]`). */
    propertyName(segments: readonly string[]): string;
  },
): PropertyError[] {
  const alternatives = errors.filter((error) => options.alternatives.includes(error.keyword));
  const kept = errors.filter(
    (error) =>
      alternatives.includes(error) ||
      !alternatives.some(
        (alternative) =>
          error.instancePath === alternative.instancePath ||
          error.instancePath.startsWith(`${alternative.instancePath}/`),
      ),
  );
  const byProperty = new Map<string, PropertyError>();
  for (const error of kept) {
    const path =
      error.keyword === "required"
        ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`
        : error.instancePath;
    const property = options.propertyName(path.split("/").slice(1));
    if (byProperty.has(property)) continue;
    byProperty.set(property, { error, property, path, value: valueAt(root, path) });
  }
  return [...byProperty.values()];
}

/** Ajv's errors as lines a test failure reads (`/valor/original must match pattern …`). */
export function schemaErrorLines(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? error.keyword}`);
}
