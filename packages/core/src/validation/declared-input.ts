import type { z } from "zod";

/**
 * `true` exactly when `A` and `B` are one type: the same fields, optional where the other's
 * are, of the same types, nested objects included. Mutual assignability is not enough: it
 * lets an optional field exist on one side only.
 */
export type SameType<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * `T` without the marks that change nothing a schema takes: `readonly`, and brands on strings
 * (`CurrencyCode` is a string to zod), so `price: Money` documents what `{ amount, currency }` parses.
 */
type Plain<T> = T extends string
  ? string extends T
    ? string
    : T
  : T extends object
    ? { -readonly [K in keyof T]: Plain<T[K]> }
    : T;

type InputCheck<Declared, Schema extends z.ZodType> =
  SameType<Plain<Declared>, Plain<z.input<Schema>>> extends true
    ? unknown
    : { "the declared interface is not the schema's input; the schema takes": z.input<Schema> };

/**
 * Ties an interface written for people — its doc comments are what typedoc shows, where
 * `z.input<typeof schema>` shows nothing — to the schema that parses it: returns the schema
 * unchanged, and fails to compile when a field is in one and not the other, optional in one
 * only, or typed differently (`readonly` and string brands aside). Each field then has one definition of its rules (the schema)
 * and one of its meaning (the interface), and they cannot drift.
 *
 * @example
 * ```ts
 * export interface PlanInput { unitId: string; name: string }
 * export const planInputSchema = z.object({ unitId: z.string(), name: z.string() });
 * declaredInput<PlanInput>()(planInputSchema);
 * ```
 */
export function declaredInput<Declared>() {
  return <Schema extends z.ZodType>(schema: Schema & InputCheck<Declared, Schema>): Schema => schema;
}
