import { invalidFields } from "../validation/invalid-fields";
import { type Id, type IdKind, isId } from "./id";

/**
 * The cursor the services hand out for the next page: opaque to callers (base64url of the
 * last row's id), so a storage may change what it pages by without breaking saved links.
 */
export function encodePageCursor(lastId: string | null): string | null {
  return lastId === null ? null : Buffer.from(lastId, "utf8").toString("base64url");
}

/** The id a cursor stands for; a cursor that is not one of ours is `validation_failed` on `cursor`. */
export function decodePageCursor<K extends IdKind>(kind: K, cursor: string | undefined): Id<K> | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  const id = /^[\w-]{1,120}$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("utf8") : "";
  if (!isId(kind, id)) {
    throw invalidFields("page cursor", [
      { path: ["cursor"], code: "invalid_cursor", message: "is not a cursor this list gave out" },
    ]);
  }
  return id;
}
