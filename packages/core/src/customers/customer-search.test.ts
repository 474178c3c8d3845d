import { describe, expect, it } from "vitest";
import { customerSearchTerms, customerSearchText, foldText } from "./customer-search";

describe("what a customer search looks in and for", () => {
  it("folds case and accents", () => {
    expect(foldText("João Conceição ÁVILA")).toBe("joao conceicao avila");
  });

  it("keeps the folded name, e-mail, document digits and phone digits", () => {
    const text = customerSearchText({
      name: "Márcia Gonçalves",
      email: "Marcia@Example.com",
      document: { kind: "cpf", value: "52998224725" },
      phone: "+55 (11) 98765-4321",
    });
    expect(text.split("\n")).toEqual([
      "marcia goncalves",
      "marcia@example.com",
      "52998224725",
      "5511987654321",
    ]);
  });

  it("looks for a punctuated document or phone by its digits too", () => {
    expect(customerSearchTerms("529.982.247-25")).toEqual(["529.982.247-25", "52998224725"]);
    expect(customerSearchTerms("(11) 98765")).toEqual(["(11) 98765", "1198765"]);
    expect(customerSearchTerms("52998")).toEqual(["52998"]);
    expect(customerSearchTerms("  GONÇALVES ")).toEqual(["goncalves"]);
    expect(customerSearchTerms("   ")).toEqual([]);
  });
});
