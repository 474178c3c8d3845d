/**
 * The check of a filter's `from`/`to` days (both inclusive, either left out): `to` must not
 * come before `from`. With `reversedDayRange`, `.refine(dayRangeInOrder, reversedDayRange)`.
 */
export function dayRangeInOrder(filter: { from?: string | undefined; to?: string | undefined }): boolean {
  return !filter.from || !filter.to || filter.from <= filter.to;
}

/** The issue a reversed day range is refused with: on `to`, code `range_reversed`. */
export const reversedDayRange = {
  path: ["to"],
  message: "must not be before from",
  params: { code: "range_reversed" },
};
