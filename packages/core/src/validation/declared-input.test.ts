import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type { Money } from "../money/money";
import { declaredInput, type SameType } from "./declared-input";

// Compile-time tests: `npm run typecheck` fails when a `@ts-expect-error` line compiles.
const schema = z.object({
  name: z.string(),
  note: z.string().optional(),
  kind: z.enum(["recurring", "pass"]).default("recurring"),
  price: z.object({ amount: z.number(), currency: z.string() }),
  design: z.object({ bold: z.boolean().default(true) }).optional(),
});

interface Declared {
  name: string;
  note?: string;
  kind?: "recurring" | "pass";
  price: Money;
  design?: { bold?: boolean };
}

describe("declaredInput", () => {
  it("returns the schema itself when the interface is its input, readonly and brands aside", () => {
    expect(declaredInput<Declared>()(schema)).toBe(schema);
  });

  it("fails to compile when the interface lacks an optional field of the schema", () => {
    // @ts-expect-error `design` is missing
    declaredInput<Omit<Declared, "design">>()(schema);
  });

  it("fails to compile when a nested object has a field the schema does not take", () => {
    // @ts-expect-error `design.italic` is not in the schema
    declaredInput<Omit<Declared, "design"> & { design?: { bold?: boolean; italic?: boolean } }>()(schema);
  });

  it("fails to compile when a field is required on one side and optional on the other", () => {
    // @ts-expect-error `kind` has a default, so the schema takes it optional
    declaredInput<Omit<Declared, "kind"> & { kind: "recurring" | "pass" }>()(schema);
  });

  it("fails to compile when a field's type is narrower than what the schema takes", () => {
    // @ts-expect-error the schema also takes "pass"
    declaredInput<Omit<Declared, "kind"> & { kind?: "recurring" }>()(schema);
  });

  it("tells an optional field from a required one that may be undefined", () => {
    expectTypeOf<SameType<{ a?: string }, { a: string | undefined }>>().toEqualTypeOf<false>();
    expectTypeOf<SameType<{ a?: string }, { a?: string }>>().toEqualTypeOf<true>();
  });
});
