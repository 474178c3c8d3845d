import fc from "fast-check";

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
