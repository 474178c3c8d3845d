import { describe, expect, it } from "vitest";
import { methodRuleIssues } from "./method-rules";

const interBoleto = {
  boleto: {
    payer: { document: true, address: true, phone: false },
    minAmount: 250,
    maxAmount: 9_999_999_999,
  },
};
const brl = (amount: number) => ({ amount, currency: "BRL" });
const nobody = { document: null, address: null, phone: null };

describe("methodRuleIssues", () => {
  it("names each payer field a boleto needs, on the sale's paths", () => {
    expect(
      methodRuleIssues(interBoleto, "boleto", { amount: brl(10_000), payer: nobody }).map((i) => i.path),
    ).toEqual([
      ["buyer", "document"],
      ["buyer", "address"],
    ]);
  });

  it("refuses a boleto under Banco Inter's R$ 2,50 minimum, and accepts exactly R$ 2,50", () => {
    const payer = {
      document: { kind: "cpf" as const, value: "52998224725" },
      address: {
        street: "R",
        number: "1",
        district: "C",
        city: "SP",
        state: "SP",
        postalCode: "01001000",
        country: "BR",
      },
      phone: null,
    };
    expect(methodRuleIssues(interBoleto, "boleto", { amount: brl(249), payer })).toEqual([
      expect.objectContaining({ path: ["amount"], code: "too_small" }),
    ]);
    expect(methodRuleIssues(interBoleto, "boleto", { amount: brl(250), payer })).toEqual([]);
  });

  it("asks nothing of a method the gateway sets no rules for", () => {
    expect(methodRuleIssues(interBoleto, "pix", { amount: brl(1), payer: nobody })).toEqual([]);
  });
});
