import { describe, expect, it } from "vitest";
import { detectCardBrand, isLuhnValid } from "./card-number";
import { sandboxTestCards, testCardOutcome } from "./test-cards";

describe("the sandbox test cards", () => {
  const cards = Object.entries(sandboxTestCards);

  it("are all Luhn-valid, so a checkout page's own validation accepts them", () => {
    for (const [name, card] of cards) expect(isLuhnValid(card.number), name).toBe(true);
  });

  it("carry the brand their first digits say", () => {
    for (const [name, card] of cards) expect(detectCardBrand(card.number), name).toBe(card.brand);
  });

  it("are all different numbers", () => {
    expect(new Set(cards.map(([, card]) => card.number)).size).toBe(cards.length);
  });

  it("cover approval, the five standard declines, both timeouts and recurrent declines", () => {
    const outcomes = cards.map(([, card]) =>
      card.outcome.kind === "decline" ? card.outcome.declineCode : card.outcome.kind,
    );
    expect(new Set(outcomes)).toEqual(
      new Set([
        "approve",
        "insufficient_funds",
        "stolen_card",
        "expired_card",
        "do_not_honor",
        "card_declined",
        "timeout_after_charge",
        "timeout_before_receipt",
        "decline_recurrent",
      ]),
    );
  });

  it("approve any other Luhn-valid number", () => {
    expect(testCardOutcome("4242424242424242")).toEqual({ kind: "approve" });
  });
});

describe("isLuhnValid", () => {
  it("refuses a number with a wrong check digit, a short number and non-digits", () => {
    expect(isLuhnValid("4111111111111112")).toBe(false);
    expect(isLuhnValid("41111111111")).toBe(false);
    expect(isLuhnValid("4111-1111-1111-1111")).toBe(false);
  });
});

describe("detectCardBrand", () => {
  it("tells Elo from the Visa and Mastercard ranges it overlaps", () => {
    expect(detectCardBrand("6362970000457013")).toBe("elo");
    expect(detectCardBrand("4389350000000000")).toBe("elo");
    expect(detectCardBrand("2221000000000009")).toBe("mastercard");
    expect(detectCardBrand("378282246310005")).toBe("amex");
    expect(detectCardBrand("6062825624254001")).toBe("hipercard");
    expect(detectCardBrand("9999999999999995")).toBe("unknown");
  });
});
