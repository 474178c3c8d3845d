import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import { documentKey, isValidCnpj, isValidCpf, taxDocumentSchema } from "./tax-document";

/** CPF check digits, written out from the Receita Federal rule (weights 10…2, then 11…2). */
function cpfCheckDigits(base: readonly number[]): [number, number] {
  const digitFor = (ds: readonly number[]) => {
    let sum = 0;
    for (let i = 0; i < ds.length; i++) sum += ds[i]! * (ds.length + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  const first = digitFor(base);
  return [first, digitFor([...base, first])];
}

/** CNPJ check digits: weights 2…9 cycling from the right. */
function cnpjCheckDigits(base: readonly number[]): [number, number] {
  const digitFor = (ds: readonly number[]) => {
    let sum = 0;
    for (let i = 0; i < ds.length; i++) sum += ds[ds.length - 1 - i]! * ((i % 8) + 2);
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  const first = digitFor(base);
  return [first, digitFor([...base, first])];
}

const notAllEqual = (ds: number[]) => ds.some((d) => d !== ds[0]);
const changeDigit = (digits: string, position: number, shift: number) =>
  [...digits].map((d, i) => (i === position ? (Number(d) + shift) % 10 : d)).join("");
const validCpf = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((base) => [...base, ...cpfCheckDigits(base)])
  .filter(notAllEqual)
  .map((ds) => ds.join(""));
const validCnpj = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 })
  .map((base) => [...base, ...cnpjCheckDigits(base)])
  .filter(notAllEqual)
  .map((ds) => ds.join(""));

describe("CPF", () => {
  it("accepts well-known valid numbers, with or without punctuation", () => {
    for (const cpf of ["529.982.247-25", "52998224725", "111.444.777-35", "11144477735", " 529 982 247 25"]) {
      expect(isValidCpf(cpf)).toBe(true);
    }
  });

  it("refuses a wrong check digit, the wrong length, letters and repeated digits", () => {
    for (const cpf of [
      "529.982.247-24",
      "529.982.247-15",
      "5299822472",
      "529982247250",
      "52998224a25",
      "",
      "529/982/247-25",
    ]) {
      expect(isValidCpf(cpf)).toBe(false);
    }
    for (let d = 0; d <= 9; d++) expect(isValidCpf(String(d).repeat(11))).toBe(false);
  });

  it("agrees with an independent check-digit implementation", () => {
    fc.assert(
      fc.property(validCpf, (cpf) => {
        expect(isValidCpf(cpf)).toBe(true);
      }),
    );
  });

  it("becomes invalid when either check digit changes", () => {
    fc.assert(
      fc.property(
        validCpf,
        fc.integer({ min: 9, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (cpf, position, shift) => {
          expect(isValidCpf(changeDigit(cpf, position, shift))).toBe(false);
        },
      ),
    );
  });

  it("catches a changed base digit exactly when the check digits change", () => {
    // Not every typo is caught: remainders 0 and 1 both give check digit 0, so the rule itself
    // cannot see some changes (000.839.671-09 and 100.839.671-09 are both valid CPFs).
    expect(isValidCpf("00083967109")).toBe(true);
    expect(isValidCpf("10083967109")).toBe(true);
    fc.assert(
      fc.property(
        validCpf,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (cpf, position, shift) => {
          const changed = changeDigit(cpf, position, shift);
          const digits = [...changed].map(Number);
          const [first, second] = cpfCheckDigits(digits.slice(0, 9));
          const ruleSeesNoChange = digits[9] === first && digits[10] === second && notAllEqual(digits);
          expect(isValidCpf(changed)).toBe(ruleSeesNoChange);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("CNPJ", () => {
  it("accepts a well-known valid number, with or without punctuation", () => {
    expect(isValidCnpj("11.222.333/0001-81")).toBe(true);
    expect(isValidCnpj("11222333000181")).toBe(true);
  });

  it("refuses a wrong check digit, the wrong length and repeated digits", () => {
    for (const cnpj of ["11.222.333/0001-82", "11.222.333/0001-71", "1122233300018", "52998224725"]) {
      expect(isValidCnpj(cnpj)).toBe(false);
    }
    for (let d = 0; d <= 9; d++) expect(isValidCnpj(String(d).repeat(14))).toBe(false);
  });

  it("agrees with an independent check-digit implementation", () => {
    fc.assert(
      fc.property(validCnpj, (cnpj) => {
        expect(isValidCnpj(cnpj)).toBe(true);
      }),
    );
  });

  it("becomes invalid when either check digit changes, and otherwise exactly when the check digits change", () => {
    fc.assert(
      fc.property(
        validCnpj,
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 1, max: 9 }),
        (cnpj, position, shift) => {
          const changed = changeDigit(cnpj, position, shift);
          const digits = [...changed].map(Number);
          const [first, second] = cnpjCheckDigits(digits.slice(0, 12));
          const ruleSeesNoChange = digits[12] === first && digits[13] === second && notAllEqual(digits);
          if (position >= 12) expect(ruleSeesNoChange).toBe(false);
          expect(isValidCnpj(changed)).toBe(ruleSeesNoChange);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("taxDocumentSchema", () => {
  it("keeps only the digits of a CPF or CNPJ", () => {
    expect(taxDocumentSchema.parse({ kind: "cpf", value: " 529.982.247-25 " })).toEqual({
      kind: "cpf",
      value: "52998224725",
    });
    expect(taxDocumentSchema.parse({ kind: "cnpj", value: "11.222.333/0001-81" })).toEqual({
      kind: "cnpj",
      value: "11222333000181",
    });
  });

  it("refuses an invalid CPF on its value, with the code invalid_document", () => {
    const result = taxDocumentSchema.safeParse({ kind: "cpf", value: "529.982.247-24" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ["value"],
      message: "is not a valid CPF",
      params: { code: "invalid_document" },
    });
  });

  it("does not take a CNPJ as a CPF, nor a CPF as a CNPJ", () => {
    expect(taxDocumentSchema.safeParse({ kind: "cpf", value: "11222333000181" }).success).toBe(false);
    expect(taxDocumentSchema.safeParse({ kind: "cnpj", value: "52998224725" }).success).toBe(false);
  });

  it("takes a foreign id as free text with an optional country", () => {
    expect(taxDocumentSchema.parse({ kind: "foreign", value: " ab-123 ", country: "PT" })).toEqual({
      kind: "foreign",
      value: "ab-123",
      country: "PT",
    });
    expect(taxDocumentSchema.safeParse({ kind: "foreign", value: "  " }).success).toBe(false);
    expect(taxDocumentSchema.safeParse({ kind: "foreign", value: "X1", country: "pt" }).success).toBe(false);
    expect(taxDocumentSchema.safeParse({ kind: "passport", value: "X1" }).success).toBe(false);
  });
});

describe("documentKey", () => {
  it("is kind and digits for CPF and CNPJ", () => {
    expect(documentKey({ kind: "cpf", value: "52998224725" })).toBe("cpf:52998224725");
    expect(documentKey({ kind: "cnpj", value: "11222333000181" })).toBe("cnpj:11222333000181");
  });

  it("finds the same customer however the document was typed", () => {
    const typed = ["529.982.247-25", "52998224725", " 529 982 247 25 "].map((value) =>
      documentKey(taxDocumentSchema.parse({ kind: "cpf", value })),
    );
    expect(new Set(typed)).toEqual(new Set(["cpf:52998224725"]));
  });

  it("upper-cases a foreign id and keeps its country apart", () => {
    expect(documentKey({ kind: "foreign", value: "ab123", country: "PT" })).toBe("foreign:PT:AB123");
    expect(documentKey({ kind: "foreign", value: "AB123" })).toBe("foreign::AB123");
    expect(documentKey({ kind: "foreign", value: "AB123", country: "PT" })).not.toBe(
      documentKey({ kind: "foreign", value: "AB123", country: "ES" }),
    );
  });

  it("never confuses a CPF with a CNPJ that shares digits", () => {
    expect(documentKey({ kind: "cpf", value: "11222333000" })).not.toBe(
      documentKey({ kind: "cnpj", value: "11222333000" }),
    );
  });
});

describe("arguments that are not documents", () => {
  it("isValidCpf and isValidCnpj say false for a non-string, a number included", () => {
    for (const input of [
      52_998_224_725,
      11_222_333_000_181,
      null,
      undefined,
      {},
      ["52998224725"],
      Symbol("cpf"),
    ]) {
      expect(isValidCpf(input as string)).toBe(false);
      expect(isValidCnpj(input as string)).toBe(false);
    }
  });

  it("documentKey refuses what is not a TaxDocument, naming the field", () => {
    const pathOf = (document: unknown) => {
      try {
        documentKey(document as never);
      } catch (error) {
        if (isTesseraError(error, "validation_failed")) return error.details.issues?.[0]?.path;
        throw error;
      }
      return "no error";
    };
    expect(pathOf(null)).toEqual(["document", "kind"]);
    expect(pathOf({ kind: "passport", value: "X1" })).toEqual(["document", "kind"]);
    expect(pathOf({ kind: "cpf", value: 52_998_224_725 })).toEqual(["document", "value"]);
    expect(pathOf({ kind: "foreign", value: "X1", country: 351 })).toEqual(["document", "country"]);
  });
});
