/**
 * Raw column values as a driver may return them, made comparable: drivers differ (pg
 * returns int8 as a string and timestamptz as a Date; SQLite booleans are 0/1).
 */
export function rawNumber(value: unknown): number {
  return Number(value);
}

export function rawInstant(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return new Date(value as string | Date).toISOString();
}

export function rawJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}
