import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { CardSaleInput, NonCardSaleInput, SaleInput, saleInputSchema } from "./sale-input";
import type { SaleService } from "./sale-service";

// These are compile-time tests: `npm run typecheck` fails when a `@ts-expect-error` line
// compiles, and vitest runs them as ordinary (trivial) code.
type Start = Parameters<SaleService["start"]>[0];

const fields = {
  unitId: "unit_01",
  planId: "plan_01",
  buyer: { name: "Ana Souza", email: "ana@example.com" },
  idempotencyKey: "sale-types-0001",
};

describe("the type of a sale", () => {
  it("is what sales.start takes", () => {
    expectTypeOf<Start>().toEqualTypeOf<SaleInput>();
  });

  it("refuses a card sale without its card", () => {
    // @ts-expect-error a card sale must carry `card`
    const cardless: Start = { ...fields, method: "card" };
    const paid: Start = { ...fields, method: "card", card: { type: "token", token: "tok_1" } };
    expect([cardless.method, paid.method]).toEqual(["card", "card"]);
  });

  it("refuses a card on a sale paid by another method", () => {
    // @ts-expect-error only a card sale carries `card`
    const pixWithCard: Start = { ...fields, method: "pix", card: { type: "token", token: "tok_1" } };
    expect(pixWithCard.method).toBe("pix");
  });

  it("takes PIX, boleto and a payment link without a card, and a free plan without a method", () => {
    const byMethod: Start[] = [
      { ...fields, method: "pix" },
      { ...fields, method: "boleto" },
      { ...fields, method: "payment_link" },
      { ...fields },
    ];
    expect(byMethod.map((sale) => sale.method)).toEqual(["pix", "boleto", "payment_link", undefined]);
  });

  it("narrows on the method: a card sale's card is there without a check", () => {
    expectTypeOf<Extract<SaleInput, { method: "card" }>>().toEqualTypeOf<CardSaleInput>();
    expectTypeOf<CardSaleInput["card"]>().not.toBeNullable();
    expectTypeOf<NonCardSaleInput["card"]>().toEqualTypeOf<undefined>();
  });

  it("is always something the schema reads, so the run-time check still sees every field", () => {
    expectTypeOf<SaleInput>().toExtend<z.input<typeof saleInputSchema>>();
  });
});
