import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDueIndex, type DueItem } from "./sandbox-due-index";

describe("the due index", () => {
  it("takes exactly the items due by then, earliest first and ties in creation order, and keeps the rest", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 5 }),
        (times, cutoffs) => {
          const index = createDueIndex();
          const items: DueItem[] = times.map((at, sequence) => ({ at, sequence, reference: `c${sequence}` }));
          for (const item of items) index.push(item);
          let left = items;
          for (const cutoff of [...cutoffs].sort((a, b) => a - b)) {
            const expected = left
              .filter((item) => item.at <= cutoff)
              .sort((a, b) => a.at - b.at || a.sequence - b.sequence);
            expect(index.popUpTo(cutoff)).toEqual(expected);
            left = left.filter((item) => item.at > cutoff);
          }
          expect(index.popUpTo(Number.POSITIVE_INFINITY)).toHaveLength(left.length);
        },
      ),
    );
  });
});
