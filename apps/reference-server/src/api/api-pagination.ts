import { z } from "zod";
import { ApiProblem } from "./api-problem";

/** How many items a page holds when `limit` is left out, and at most. */
export const defaultPageSize = 20;
export const maxPageSize = 100;

/** The query of every list: `?cursor=` (the `nextCursor` of the page before) and `?limit=`. */
export const pageQuerySchema = z.object({
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, "must be the nextCursor of an earlier page")
    .optional()
    .meta({ description: "The `nextCursor` of the page before; left out for the first page." }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxPageSize)
    .default(defaultPageSize)
    .meta({ description: `Items per page, 1–${maxPageSize}.` }),
});

export type PageQuery = z.output<typeof pageQuerySchema>;

/** A page of a list as the API answers it. */
export interface ApiPage<T> {
  data: T[];
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: string | null;
}

/** A cursor is the last id of the page, opaque to clients (base64url). */
const encodeCursor = (id: string) => Buffer.from(id, "utf8").toString("base64url");

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^[a-z]+_[0-9A-Za-z]+$/.test(id)) {
    throw new ApiProblem("bad_request", "The cursor is not one this API gave out.", [
      { path: ["cursor"], code: "invalid_cursor", message: "must be the nextCursor of an earlier page" },
    ]);
  }
  return id;
}

/**
 * One page of `items` in id order (ULIDs: creation order): those after the cursor's id, so an
 * item added or removed between two requests neither repeats nor shifts the rest — ids are
 * never reused. Sorted here by code point, whatever order the database's collation gave.
 */
export function pageOf<T extends { id: string }>(items: readonly T[], query: PageQuery): ApiPage<T> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rest = after === null ? sorted : sorted.filter((item) => item.id > after);
  const data = rest.slice(0, query.limit);
  const last = data.at(-1);
  return { data, nextCursor: rest.length > query.limit && last ? encodeCursor(last.id) : null };
}
