import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { compiledSaleInputSchema, saleInputSchema } from "./sale-input";

/** `base` followed by its two check digits (the CPF and CNPJ rule: mod 11, below 2 is 0). */
function withCheckDigits(base: string, weights: (length: number) => number[]): string {
  let digits = base;
  for (let round = 0; round < 2; round++) {
    const w = weights(digits.length);
    const sum = [...digits].reduce((s, d, i) => s + Number(d) * (w[i] ?? 0), 0);
    const rest = sum % 11;
    digits += String(rest < 2 ? 0 : 11 - rest);
  }
  return digits;
}
const cpfWeights = (length: number) => Array.from({ length }, (_, i) => length + 1 - i);
const cnpjWeights = (length: number) =>
  length === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const cpf = fc
  .integer({ min: 1, max: 999_999_998 })
  .map((n) => withCheckDigits(String(n).padStart(9, "0"), cpfWeights));
const cnpj = fc
  .integer({ min: 1, max: 99_999_999 })
  .map((n) => withCheckDigits(`${String(n).padStart(8, "0")}0001`, cnpjWeights));
const punctuatedCpf = cpf.map((d) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`);
const text = (chars: string, maxLength: number) => fc.string({ unit: fc.constantFrom(...chars), maxLength });

/**
 * A field of a sale: in `valid` inputs only values the schema takes (in all their variants:
 * spaces to trim, optional keys absent, present or `undefined`); in `mixed` ones, also values
 * it refuses and anything at all.
 */
type Mode = "valid" | "mixed";
const field =
  (valid: fc.Arbitrary<unknown>, ...invalid: fc.Arbitrary<unknown>[]) =>
  (mode: Mode): fc.Arbitrary<unknown> =>
    mode === "valid" ? valid : fc.oneof({ weight: 4, arbitrary: valid }, ...invalid, fc.anything());

const document = field(
  fc.oneof(
    fc.constantFrom(undefined, null),
    fc.record({
      kind: fc.constant("cpf"),
      value: fc.oneof(
        cpf,
        punctuatedCpf,
        cpf.map((d) => ` ${d}\t`),
      ),
    }),
    fc.record({ kind: fc.constant("cnpj"), value: cnpj }),
    fc.record(
      {
        kind: fc.constant("foreign"),
        value: fc.string({ minLength: 1, maxLength: 60 }).filter((v) => v.trim().length > 0),
        country: fc.constantFrom("AR", "UY", undefined),
      },
      { requiredKeys: ["kind", "value"] },
    ),
  ),
  fc.record({
    kind: fc.constant("cpf"),
    value: fc.oneof(text("0123456789.- ", 16), fc.constant("11111111111")),
  }),
  fc.record({ kind: fc.constant("cnpj"), value: text("0123456789./-", 18) }),
  fc.record({
    kind: fc.constant("foreign"),
    value: fc.constantFrom("", "  ", "x".repeat(65)),
    country: fc.constant("ar"),
  }),
  fc.record({ kind: fc.constantFrom("passport", undefined), value: fc.string() }),
);

const address = field(
  fc.oneof(
    fc.constantFrom(undefined, null),
    fc.record(
      {
        street: fc.constantFrom("Rua das Flores", "  Av. Paulista  "),
        number: fc.constantFrom("100", " 12B "),
        complement: fc.constantFrom("apto 3", " ", undefined),
        district: fc.constant("Centro"),
        city: fc.constant("São Paulo"),
        state: fc.constantFrom("SP", " SP "),
        postalCode: fc.constantFrom("01310-100", "01310100"),
        country: fc.constantFrom("BR", "AR", undefined),
      },
      { requiredKeys: ["street", "number", "district", "city", "state", "postalCode"] },
    ),
  ),
  fc.constant("Rua A, 1"),
  fc.record({
    street: fc.constantFrom("", "   ", "Rua"),
    number: fc.constantFrom("", "1"),
    complement: fc.constantFrom("x".repeat(101), 3),
    district: fc.constant("Centro"),
    city: fc.constant("São Paulo"),
    state: fc.constantFrom("S", "SP"),
    postalCode: fc.constantFrom("01", "01310100"),
    country: fc.constantFrom("br", "BRA", "BR"),
  }),
);

const extraFields = field(
  fc.oneof(
    fc.constantFrom(undefined, {}),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom("10", "constructor")), fc.string({ maxLength: 5 })),
  ),
  fc.constantFrom(null, [], "x", { __proto__: null, a: "b" }),
  fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.constant("y".repeat(2001)))),
);

const card = field(
  fc.oneof(
    fc.constant(undefined),
    fc.record(
      {
        type: fc.constant("token"),
        token: fc.string({ minLength: 1, maxLength: 40 }),
        brand: fc.constantFrom("visa", " Master ", undefined),
        saveForRenewals: fc.constantFrom(true, false, undefined),
      },
      { requiredKeys: ["type", "token"] },
    ),
    fc.record({ type: fc.constant("stored"), token: fc.string({ minLength: 1, maxLength: 40 }) }),
    fc.record({
      type: fc.constant("raw"),
      number: fc.constant("4000000000000010"),
      holder: fc.constantFrom("ANA SOUZA", " Ana "),
      expMonth: fc.constantFrom(1, 12),
      expYear: fc.constantFrom(2030, 2100),
      cvc: fc.constantFrom("123", "1234"),
    }),
  ),
  fc.record(
    {
      type: fc.constant("token"),
      token: fc.constantFrom("", "t".repeat(513)),
      brand: fc.constantFrom("", "   ", 4),
      saveForRenewals: fc.constant("yes"),
    },
    { requiredKeys: ["type"] },
  ),
  fc.record({
    type: fc.constant("raw"),
    number: fc.constantFrom("4000 0000", "12345678901"),
    holder: fc.constantFrom("", "A"),
    expMonth: fc.constantFrom(13, 0, 1.5, "12"),
    expYear: fc.constantFrom(1999, 2101),
    cvc: fc.constantFrom("12", "12a"),
  }),
  fc.constantFrom(null, { type: "cash" }, "tok_1"),
);

const email = field(
  fc.oneof(
    fc.stringMatching(/^[a-z0-9]{1,8}(\.[a-z0-9_'+-]{0,6}[a-z0-9])?@[a-z0-9][a-z0-9-]{0,6}\.[a-z]{2,4}$/),
    fc.constant("ana@example.com"),
  ),
  fc.emailAddress(),
  fc.constantFrom(" ana@example.com", "ana@", "a..b@example.com", `${"a".repeat(250)}@b.co`),
);

/** Sale inputs: every field as `mode` says, optional keys sometimes absent, and keys the schema does not know. */
const saleInput = (mode: Mode) =>
  fc.record(
    {
      unitId: field(
        fc.constantFrom("unit_01JD5Q4N3S8Y0XK2H7ZB6W9RCE", "unit_"),
        fc.constantFrom("unt_01", " unit_01", ""),
      )(mode),
      planId: field(fc.constant("plan_01JD5Q4N3S8Y0XK2H7ZB6W9RCE"), fc.constantFrom("plan", "PLAN_01"))(mode),
      buyer: field(
        fc.record(
          {
            name: field(
              fc.constantFrom("Ana Souza", "  Bo  ", "Zé"),
              fc.constantFrom("A", " A ", "n".repeat(201)),
            )(mode),
            email: email(mode),
            document: document(mode),
            phone: field(
              fc.constantFrom(undefined, null, "+55 11 99999-9999", " (11) 3333-4444 "),
              fc.constantFrom("123", "phone", 11999999999),
            )(mode),
            address: address(mode),
            extraFields: extraFields(mode),
            unexpected: fc.anything(),
          },
          { requiredKeys: ["name", "email"] },
        ),
      )(mode),
      method: field(
        fc.constantFrom("card", "pix", "boleto", "payment_link", undefined),
        fc.constantFrom("cash", "CARD"),
      )(mode),
      card: card(mode),
      idempotencyKey: field(
        fc.oneof(fc.stringMatching(/^[\x21-\x7e]{8,40}$/), fc.constant("  sale-key-0001  ")),
        fc.constantFrom("short", "with a space", "k".repeat(256), "chave-é-ümlaut"),
      )(mode),
      source: field(fc.constantFrom("online", "api", "staff", undefined), fc.constant("web"))(mode),
      extra: fc.anything(),
    },
    { requiredKeys: ["unitId", "planId", "buyer", "idempotencyKey"] },
  );

/** Each object's keys in order, with `undefined` values counted, by path. */
function keyOrder(value: unknown, path = ""): string[] {
  if (value === null || typeof value !== "object") return [];
  return [
    `${path}:${Object.keys(value).join(",")}`,
    ...Object.entries(value).flatMap(([k, v]) => keyOrder(v, `${path}.${k}`)),
  ];
}

/** Both parse `input` alike — success, output (keys, their order, `undefined`s) or issues — and says whether it was a sale. */
function expectSameParse(input: unknown): boolean {
  const compiled = compiledSaleInputSchema.safeParse(input);
  const schema = saleInputSchema.safeParse(input);
  expect(compiled.success).toBe(schema.success);
  if (schema.success) {
    expect(compiled.data).toStrictEqual(schema.data);
    expect(keyOrder(compiled.data)).toEqual(keyOrder(schema.data));
  } else {
    expect((compiled.error as z.ZodError).issues).toEqual(schema.error.issues);
  }
  return schema.success;
}

describe("the compiled sale input schema", () => {
  it("takes and outputs exactly what saleInputSchema does, over every variant of a valid sale", () => {
    let accepted = 0;
    fc.assert(
      fc.property(saleInput("valid"), (input) => {
        if (expectSameParse(input)) accepted++;
      }),
      { numRuns: 3000 },
    );
    // The generator makes sales (the property does not pass by both sides rejecting them).
    expect(accepted).toBe(3000);
  });

  it("refuses exactly what saleInputSchema refuses, with the same issues", () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: saleInput("mixed") }, fc.anything()), (input) => {
        if (!expectSameParse(input)) refused++;
      }),
      { numRuns: 3000 },
    );
    expect(refused).toBeGreaterThan(1000);
  });

  it("answers a typical checkout's input from generated code, not the schema's own parse", () => {
    const input = {
      unitId: "unit_01JD5Q4N3S8Y0XK2H7ZB6W9RCE",
      planId: "plan_01JD5Q4N3S8Y0XK2H7ZB6W9RCE",
      buyer: {
        name: " Ana Souza ",
        email: "ana@example.com",
        document: { kind: "cpf", value: "529.982.247-25" },
      },
      method: "card",
      card: { type: "token", token: "tok_1" },
      idempotencyKey: "sale-0001-abcd",
      source: "online",
    };
    expect(expectSameParse(input)).toBe(true);
    expect(compiledSaleInputSchema.safeParse).not.toBe(saleInputSchema.safeParse);
    expect(compiledSaleInputSchema.safeParse(input).data?.buyer.document).toEqual({
      kind: "cpf",
      value: "52998224725",
    });
  });
});
