import { type FieldIssue, TesseraError } from "../errors/tessera-error";
import { type Id, type IdKind, idPrefixes } from "../ids/id";

function refuse(what: string, path: string, code: string, message: string): never {
  const issue: FieldIssue = { path: [path], code, message };
  throw new TesseraError("validation_failed", `Invalid ${what}: ${path}: ${message}.`, {
    details: { issues: [issue] },
  });
}

/**
 * An id received at a public entry point, checked before it reaches storage: a string of
 * the kind's prefix and a sane length. Anything else (a number, an object, another kind's
 * id) is a `validation_failed` naming `path`, never a driver's TypeError.
 */
export function parseId<K extends IdKind>(kind: K, value: unknown, path = "id"): Id<K> {
  const prefix = `${idPrefixes[kind]}_`;
  if (typeof value !== "string")
    refuse(`${kind} id`, path, "invalid_type", `must be a ${kind} id (${prefix}…)`);
  if (!value.startsWith(prefix) || value.length > 64 || !/^[A-Za-z0-9_]+$/.test(value)) {
    refuse(`${kind} id`, path, "invalid_id", `must be a ${kind} id (${prefix}…)`);
  }
  return value as Id<K>;
}

/** A short text argument (a slug, a code, a document key): a string of at most `max` characters. */
export function parseText(value: unknown, path: string, max = 200): string {
  if (typeof value !== "string") refuse(path, path, "invalid_type", "must be text");
  if (value.length > max) refuse(path, path, "too_big", `must have at most ${max} characters`);
  return value;
}
