import { describe, expect, it } from "vitest";
import { z } from "zod";
import { planInputSchema } from "../catalog/plan";
import { customerInputSchema } from "../customers/customer";
import { taxDocumentSchema } from "../customers/tax-document";
import { type FieldIssue, TesseraError } from "../errors/tessera-error";
import { unitInputSchema } from "../organizations/unit";
import { parseInput } from "./parse-input";

/** Runs `parseInput` expecting a refusal and returns the error. */
function refusal(schema: z.ZodType, input: unknown, what: string): TesseraError {
  try {
    parseInput(schema, input, what);
  } catch (error) {
    expect(error).toBeInstanceOf(TesseraError);
    expect((error as TesseraError).code).toBe("validation_failed");
    return error as TesseraError;
  }
  return expect.unreachable(`parseInput must refuse ${JSON.stringify(input)}`);
}

const issuesOf = (error: TesseraError) => error.details.issues as FieldIssue[];
const paths = (error: TesseraError) => issuesOf(error).map((i) => i.path.join("."));

const checkout = z.object({
  buyer: z.object({ name: z.string().min(2, "is required"), document: taxDocumentSchema }),
});
const unit = { organizationId: "org_01JABCDEFGHJKMNPQRSTVWXYZ0", name: "Centro", slug: "centro" };
const plan = {
  unitId: "unit_01JABCDEFGHJKMNPQRSTVWXYZ0",
  name: "Mensal",
  price: { amount: 19_990, currency: "BRL" },
};
const customer = {
  organizationId: "org_01JABCDEFGHJKMNPQRSTVWXYZ0",
  name: "Ana Souza",
  email: "ana@example.com",
};

describe("parseInput", () => {
  it("returns the parsed, transformed value when the input is valid", () => {
    const parsed = parseInput(
      checkout,
      { buyer: { name: "Ana", document: { kind: "cpf", value: "529.982.247-25" } } },
      "checkout",
    );
    expect(parsed.buyer.document).toEqual({ kind: "cpf", value: "52998224725" });
  });

  it("names the field path in the message and lists it in details.issues", () => {
    const error = refusal(
      checkout,
      { buyer: { name: "Ana", document: { kind: "cpf", value: "111.111.111-11" } } },
      "checkout",
    );
    expect(error.message).toContain("Invalid checkout: buyer.document.value: is not a valid CPF.");
    expect(issuesOf(error)).toEqual([
      { path: ["buyer", "document", "value"], code: "invalid_document", message: "is not a valid CPF" },
    ]);
  });

  it("lists every offending field, not only the first", () => {
    const error = refusal(
      checkout,
      { buyer: { name: "A", document: { kind: "cnpj", value: "123" } } },
      "checkout",
    );
    expect(paths(error)).toEqual(["buyer.name", "buyer.document.value"]);
    expect(error.message).toContain("buyer.name: is required; buyer.document.value: is not a valid CNPJ");
  });

  it("keeps zod's own codes and names a custom refinement without a code invalid", () => {
    const schema = z.object({
      age: z.number().int().min(18),
      nick: z.string().refine(() => false, "is taken"),
    });
    const error = refusal(schema, { age: 12, nick: "x" }, "profile");
    expect(issuesOf(error).map((i) => i.code)).toEqual(["too_small", "invalid"]);
  });

  it("names the whole input when it is not even an object", () => {
    const error = refusal(checkout, "hello", "checkout");
    expect(issuesOf(error)[0]?.path).toEqual([]);
    expect(error.message).toContain("Invalid checkout: (input): ");
  });

  it("ends the message with what to do", () => {
    expect(refusal(checkout, null, "checkout").message).toMatch(
      /Correct the fields listed in `details.issues`/,
    );
  });
});

describe("the entry schemas through parseInput", () => {
  it("planInputSchema: a fraction amount is refused on price.amount", () => {
    const error = refusal(planInputSchema, { ...plan, price: { amount: 10.5, currency: "BRL" } }, "plan");
    expect(paths(error)).toEqual(["price.amount"]);
    expect(error.message).toContain("price.amount: must be a whole number of minor units");
  });

  it("planInputSchema: a negative price is refused on price.amount", () => {
    expect(
      paths(refusal(planInputSchema, { ...plan, price: { amount: -100, currency: "BRL" } }, "plan")),
    ).toEqual(["price.amount"]);
  });

  it("planInputSchema: an enrollment fee in another currency is refused on enrollmentFee.currency", () => {
    const error = refusal(
      planInputSchema,
      { ...plan, enrollmentFee: { amount: 100, currency: "USD" } },
      "plan",
    );
    expect(issuesOf(error)).toEqual([
      { path: ["enrollmentFee", "currency"], code: "invalid", message: "must be the price's currency" },
    ]);
  });

  it("planInputSchema: a pass with autoRenew is refused on autoRenew", () => {
    expect(paths(refusal(planInputSchema, { ...plan, kind: "pass", autoRenew: true }, "plan"))).toEqual([
      "autoRenew",
    ]);
  });

  it("planInputSchema: a bad slug is refused on onlineSale.slug", () => {
    expect(
      paths(refusal(planInputSchema, { ...plan, onlineSale: { slug: "Plano Mensal" } }, "plan")),
    ).toEqual(["onlineSale.slug"]);
  });

  it("customerInputSchema: an invalid CPF is refused on document.value with code invalid_document", () => {
    const error = refusal(
      customerInputSchema,
      { ...customer, document: { kind: "cpf", value: "529.982.247-26" } },
      "customer",
    );
    expect(issuesOf(error)).toEqual([
      { path: ["document", "value"], code: "invalid_document", message: "is not a valid CPF" },
    ]);
  });

  it("unitInputSchema: a bad timezone, slug, currency and fee are each refused on their field", () => {
    const error = refusal(
      unitInputSchema,
      { ...unit, timeZone: "America/Rio", slug: "Centro!", currency: "real", clientFeeBasisPoints: 10_001 },
      "unit",
    );
    expect(paths(error).sort()).toEqual(["clientFeeBasisPoints", "currency", "slug", "timeZone"]);
    expect(error.message).toContain("timeZone: must be an IANA timezone such as America/Sao_Paulo");
    expect(error.message).toContain("clientFeeBasisPoints: must be at most 100 %");
  });

  it("unitInputSchema: defaults a unit to São Paulo, BRL and pt-BR", () => {
    expect(parseInput(unitInputSchema, unit, "unit")).toMatchObject({
      timeZone: "America/Sao_Paulo",
      currency: "BRL",
      locale: "pt-BR",
      clientFeeBasisPoints: 0,
    });
  });
});
