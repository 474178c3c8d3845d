import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fingerprintOf } from "./idempotency-record";

/** The hash as it was first written: sorted copies of every object, then `JSON.stringify`. */
function fingerprintBySortedCopies(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v as object)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash("sha256")
    .update(JSON.stringify(canonical(value)))
    .digest("hex");
}

describe("fingerprintOf", () => {
  it("ignores the order of object keys", () => {
    expect(fingerprintOf({ a: 1, b: { c: [1, "x"], d: null } })).toBe(
      fingerprintOf({ b: { d: null, c: [1, "x"] }, a: 1 }),
    );
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
  });

  it("hashes every value as the sorted-copies version did, so stored fingerprints still match", () => {
    // Keys a stored record's request may hold, and the leaves JSON treats specially: undefined
    // (left out, or null in an array), NaN and ±Infinity (null), -0 (0), escapes, a Date (its keys).
    const leaf = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, -0, '\u2028"\\\n', new Date(0)),
    );
    const key = fc.oneof(
      fc.string(),
      fc.constantFrom("__proto__", "10", "2", "01", "4294967294", "4294967295", "constructor", ""),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
      array: fc.array(tie("value"), { maxLength: 5 }),
      object: fc.dictionary(key, tie("value"), { maxKeys: 6 }),
    }));
    fc.assert(
      fc.property(value, (v) => {
        fc.pre(v !== undefined);
        expect(fingerprintOf(v)).toBe(fingerprintBySortedCopies(v));
      }),
      { numRuns: 2000 },
    );
  });
});
