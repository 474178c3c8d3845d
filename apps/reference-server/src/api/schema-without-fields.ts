/**
 * A body's JSON Schema (as `NamedSchema.adjust` gets it) without the fields the request
 * decides rather than the body — the unit or order of the address, the header's key, the
 * key as actor — taken out of `properties` and `required` alike.
 */
export function withoutFields(...names: string[]) {
  return (schema: Record<string, unknown>): Record<string, unknown> => {
    const properties = Object.fromEntries(
      Object.entries((schema["properties"] ?? {}) as Record<string, unknown>).filter(
        ([name]) => !names.includes(name),
      ),
    );
    const required = ((schema["required"] ?? []) as string[]).filter((name) => !names.includes(name));
    return { ...schema, properties, required };
  };
}
