import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import { anyValue as anything } from "../testing/fuzz-values";
import { documentKey, isValidCnpj, isValidCpf, taxDocumentSchema } from "./tax-document";

/**
 * The tax-document functions, called with anything at all: the checks answer a boolean,
 * `documentKey` returns a key or throws a `validation_failed` TesseraError naming the
 * document's field, and the schema never throws — no TypeError from a number where a
 * string was expected (`isValidCpf(12345)`).
 */

const hostile = fc.constantFrom<unknown>(Symbol("cpf"), Object.create(null), 10n, 52_998_224_725, {
  toString: () => {
    throw new Error("coerced to a string");
  },
});
const documentTexts = fc.oneof(
  fc.constantFrom("529.982.247-25", "52998224725", "11.222.333/0001-81", "00000000000", ""),
  fc.stringMatching(/^[\d.\-/ ]{0,20}$/),
  fc.string(),
);
const text = fc.oneof({ weight: 3, arbitrary: documentTexts }, anything, hostile);
const documents = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constantFrom("cpf", "cnpj", "foreign", "passport"), value: text }),
  },
  fc.record({ kind: fc.constant("foreign"), value: text, country: fc.oneof(fc.constant("PT"), text) }),
  anything,
  hostile,
);

describe("tax documents, fuzzed", () => {
  it("isValidCpf and isValidCnpj answer a boolean for any value", () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(typeof isValidCpf(value as string)).toBe("boolean");
        expect(typeof isValidCnpj(value as string)).toBe("boolean");
      }),
      { numRuns: 1000 },
    );
  });

  it("documentKey returns a key or refuses the document, naming its field", () => {
    fc.assert(
      fc.property(documents, (document) => {
        try {
          expect(documentKey(document as never)).toMatch(/^(cpf|cnpj|foreign):/);
        } catch (error) {
          if (!isTesseraError(error, "validation_failed")) {
            throw new Error(`threw ${String(error)} instead of a validation error`, { cause: error });
          }
          expect(error.details.issues?.[0]?.path[0]).toBe("document");
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("taxDocumentSchema never throws, and what it accepts has a key", () => {
    fc.assert(
      fc.property(documents, (document) => {
        const result = taxDocumentSchema.safeParse(document);
        if (result.success) expect(documentKey(result.data)).toMatch(/^(cpf|cnpj|foreign):/);
      }),
      { numRuns: 1000 },
    );
  });
});
