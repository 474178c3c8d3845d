import type { Page, PageRequest } from "@tessera/core";

const defaultLimit = 50;
const maxLimit = 500;

/** The page size to use: the caller's, kept between 1 and 500; 50 when not given. */
export function pageLimit(request: PageRequest | undefined): number {
  const limit = request?.limit ?? defaultLimit;
  return Math.min(Math.max(Math.trunc(limit), 1), maxLimit);
}

/**
 * A page from rows fetched with `limit + 1`: the extra row only says there is more, and the
 * cursor is the last returned id (pages are ordered by id).
 */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? last.id : null };
}
