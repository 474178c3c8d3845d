import { describe, expect, it } from "vitest";
import { planInputSchema } from "./plan";

const valid = {
  unitId: "unit_01JABCDEFGHJKMNPQRSTVWXYZ0",
  name: "Mensal",
  price: { amount: 19_990, currency: "BRL" },
};

const issues = (input: unknown) =>
  planInputSchema
    .safeParse(input)
    .error?.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) ?? [];

describe("planInputSchema", () => {
  it("fills a monthly, open-ended, immediate recurring plan by default", () => {
    expect(planInputSchema.parse(valid)).toMatchObject({
      kind: "recurring",
      interval: { unit: "month", count: 1 },
      installmentCount: null,
      enrollmentFee: null,
      autoRenew: false,
      quotas: [],
      activationMode: "immediate",
    });
  });

  it("refuses a price in fractions of a centavo", () => {
    expect(issues({ ...valid, price: { amount: 199.9, currency: "BRL" } })).toEqual([
      { path: "price.amount", message: "must be a whole number of minor units (centavos)" },
    ]);
  });

  it("refuses a negative price", () => {
    expect(issues({ ...valid, price: { amount: -1, currency: "BRL" } })).toEqual([
      { path: "price.amount", message: "must not be negative" },
    ]);
  });

  it("refuses an enrollment fee in another currency than the price", () => {
    expect(issues({ ...valid, enrollmentFee: { amount: 5_000, currency: "USD" } })).toEqual([
      { path: "enrollmentFee.currency", message: "must be the price's currency" },
    ]);
    expect(
      planInputSchema.safeParse({ ...valid, enrollmentFee: { amount: 5_000, currency: "BRL" } }).success,
    ).toBe(true);
  });

  it("refuses a pass that renews by itself, but lets a recurring plan renew", () => {
    expect(issues({ ...valid, kind: "pass", autoRenew: true })).toEqual([
      { path: "autoRenew", message: "a pass does not renew" },
    ]);
    expect(planInputSchema.safeParse({ ...valid, kind: "recurring", autoRenew: true }).success).toBe(true);
  });

  it("refuses a slug with capitals, spaces or double dashes, on onlineSale.slug", () => {
    for (const slug of ["Mensal", "plano mensal", "plano--mensal", "-mensal", "m"]) {
      expect(issues({ ...valid, onlineSale: { slug } }).map((i) => i.path)).toEqual(["onlineSale.slug"]);
    }
    const parsed = planInputSchema.parse({ ...valid, onlineSale: { slug: "plano-mensal-2" } });
    expect(parsed.onlineSale).toMatchObject({
      enabled: false,
      slug: "plano-mensal-2",
      buttonText: "Comprar",
    });
    expect(parsed.onlineSale?.buttonDesign.backgroundColor).toBe("#1f6feb");
  });

  it("refuses zero installments, a zero interval and a zero quota", () => {
    expect(issues({ ...valid, installmentCount: 0 }).map((i) => i.path)).toEqual(["installmentCount"]);
    expect(issues({ ...valid, interval: { unit: "month", count: 0 } }).map((i) => i.path)).toEqual([
      "interval.count",
    ]);
    expect(issues({ ...valid, quotas: [{ name: "aulas", quantity: 0 }] }).map((i) => i.path)).toEqual([
      "quotas.0.quantity",
    ]);
  });

  it("refuses a button colour that is not #rrggbb", () => {
    expect(
      issues({ ...valid, onlineSale: { slug: "mensal", buttonDesign: { textColor: "white" } } }).map(
        (i) => i.path,
      ),
    ).toEqual(["onlineSale.buttonDesign.textColor"]);
  });
});
