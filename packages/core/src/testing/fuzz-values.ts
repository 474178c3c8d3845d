import fc from "fast-check";
import { expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";

/**
 * Values for fuzzing a public function with what a caller might pass: anything fast-check
 * can make, boxed values, Dates, Maps and null-prototype objects included.
 */
export const anyValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** An object that throws when code coerces it to a string or a number. */
export const coercionTrap: unknown = {
  toString: () => {
    throw new Error("coerced to a string");
  },
  valueOf: () => {
    throw new Error("coerced to a number");
  },
};

/** How one exported function is fuzzed. */
export interface FuzzCase {
  /** Argument names, in order, as the issues must name them. */
  names: string[];
  args: fc.Arbitrary<unknown[]>;
  /** What a returned value must satisfy. */
  check: (result: unknown) => void;
}

/**
 * Registers, for a set of modules: a test that every exported function has a case, and one
 * per function that it returns a value `check` accepts or throws `validation_failed` whose
 * first issue names one of its arguments — never a TypeError or RangeError.
 */
export function fuzzEveryExport(modules: Record<string, unknown>, cases: Record<string, FuzzCase>): void {
  it("the fuzz covers every function the modules export", () => {
    const functions = Object.keys(modules).filter((name) => typeof modules[name] === "function");
    expect(functions.sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [name, { names, args, check }] of Object.entries(cases)) {
    it(`${name} returns a good value or throws a validation error naming an argument`, () => {
      const fn = modules[name] as (...args: unknown[]) => unknown;
      fc.assert(
        fc.property(args, (values) => {
          let result: unknown;
          try {
            result = fn(...values);
          } catch (error) {
            if (!isTesseraError(error, "validation_failed")) {
              throw new Error(`${name} threw ${String(error)} instead of a validation error`, {
                cause: error,
              });
            }
            expect(names).toContain(error.details.issues?.[0]?.path[0]);
            return;
          }
          check(result);
        }),
        { numRuns: 400 },
      );
    });
  }
}
