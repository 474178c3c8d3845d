import { boletoCodes } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { formatDigitableLine } from "./digitable-line";

describe("formatDigitableLine", () => {
  it("prints FEBRABAN's example line in its five fields", () => {
    expect(formatDigitableLine("00190500954014481606906809350314337370000000100")).toBe(
      "00190.50095 40144.816069 06809.350314 3 37370000000100",
    );
  });

  it("keeps every digit in its order: only dots and spaces are added", () => {
    const { digitableLine } = boletoCodes({
      bankCode: "999",
      amount: 9_999_999_999,
      dueDate: "2026-03-13",
      freeField: "9876543210987654321098765",
    });
    const printed = formatDigitableLine(digitableLine);
    expect(printed.replace(/[. ]/g, "")).toBe(digitableLine);
    expect(printed).toMatch(/^\d{5}\.\d{5} \d{5}\.\d{6} \d{5}\.\d{6} \d \d{14}$/);
  });

  it.each(["0019050095401448160690680935031433737000000010", "00190.50095 40144.816069", "x".repeat(47)])(
    "refuses %s",
    (value) => {
      expect(() => formatDigitableLine(value)).toThrow(TypeError);
    },
  );
});
