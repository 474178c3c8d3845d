import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import { anyValue as anything } from "../testing/fuzz-values";
import { createIdGenerator, type IdKind, idPrefixes, isId } from "./id";

/**
 * `createIdGenerator`, the generators it returns and `isId`, called with anything at all:
 * each call returns a well-formed id (or a boolean) or throws a `validation_failed`
 * TesseraError naming the argument — never a TypeError from a clock that returned
 * nonsense or a kind that is not one.
 */

const hostile = fc.constantFrom<unknown>(Symbol("ctr"), Object.create(null), 10n, {
  toString: () => {
    throw new Error("coerced to a string");
  },
});
const kinds = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...(Object.keys(idPrefixes) as IdKind[])) },
  fc.constantFrom("bogus", "__proto__", "toString", "constructor", "hasOwnProperty", ""),
  anything,
  hostile,
);
const readings = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 2 ** 48 - 1 }) },
  fc.double(),
  fc.constantFrom(Number.NaN, -1, 2 ** 48, Number.POSITIVE_INFINITY, 0.5),
  anything,
  hostile,
);
const clocks = fc.oneof(
  { weight: 3, arbitrary: fc.func(readings) },
  fc.constant(undefined),
  anything,
  hostile,
);

/** Runs `call`; a throw must be a validation error on one of `names`. */
function guarded<T>(names: string[], call: () => T): T | undefined {
  try {
    return call();
  } catch (error) {
    if (!isTesseraError(error, "validation_failed")) {
      throw new Error(`threw ${String(error)} instead of a validation error`, { cause: error });
    }
    expect(names).toContain(error.details.issues?.[0]?.path[0]);
    return undefined;
  }
}

describe("ids, fuzzed", () => {
  it("a generator, whatever its clock and kind, makes well-formed increasing ids or refuses the argument", () => {
    fc.assert(
      fc.property(clocks, fc.array(kinds, { minLength: 1, maxLength: 6 }), (clock, asked) => {
        const next = guarded(["now"], () => createIdGenerator(clock as () => number));
        if (next === undefined) return;
        let previous = "";
        for (const kind of asked) {
          const id = guarded(["kind", "now"], () => next(kind as IdKind));
          if (id === undefined) continue;
          expect(isId(kind as IdKind, id)).toBe(true);
          const ulid = id.slice(id.indexOf("_") + 1);
          if (previous !== "") expect(ulid > previous).toBe(true);
          previous = ulid;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("isId answers a boolean for any value, and refuses only an unknown kind", () => {
    const values = fc.oneof(
      fc.constantFrom("ctr_01JD5Q4N3S8Y0XK2H7ZB6W9RCE", "ctr_01jd5q4n3s8y0xk2h7zb6w9rce", "ctr_", ""),
      fc.string(),
      anything,
      hostile,
    );
    fc.assert(
      fc.property(kinds, values, (kind, value) => {
        const answer = guarded(["kind"], () => isId(kind as IdKind, value as string));
        if (answer !== undefined) expect(typeof answer).toBe("boolean");
      }),
      { numRuns: 1000 },
    );
  });
});
