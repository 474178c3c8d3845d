import { brCodeText, parseBrCode } from "@tessera/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { staticPixBrCode } from "./static-brcode";

const keys = fc.oneof(
  fc.uuid(),
  fc.stringMatching(/^[a-z0-9]{1,20}@[a-z0-9]{1,20}\.com\.br$/),
  fc.stringMatching(/^\+55[1-9]{2}9[0-9]{8}$/),
  fc.stringMatching(/^[0-9]{11}$/),
  fc.stringMatching(/^[0-9]{14}$/),
);
const words = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => brCodeText(s, 25).length > 0);

describe("static Pix BR Codes", () => {
  it("writes the Manual's static example (§2.6.3) byte for byte, CRC 1D3D", () => {
    expect(
      staticPixBrCode({
        key: "123e4567-e12b-12d1-a456-426655440000",
        merchantName: "Fulano de Tal",
        merchantCity: "BRASILIA",
      }),
    ).toBe(
      "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D",
    );
  });

  it("parses back to the key, amount, txid, message, name and city it was given, with a valid CRC", () => {
    fc.assert(
      fc.property(
        keys,
        words,
        words,
        fc.option(fc.integer({ min: 1, max: 99_999_999_99 }), { nil: undefined }),
        fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,25}$/), { nil: undefined }),
        fc.option(fc.stringMatching(/^[A-Za-z0-9 ]{1,20}$/), { nil: undefined }),
        (key, name, city, amount, txid, message) => {
          const payload = staticPixBrCode({
            key,
            merchantName: name,
            merchantCity: city,
            ...(amount === undefined ? {} : { amount: { amount, currency: "BRL" } }),
            ...(txid === undefined ? {} : { txid }),
            ...(message === undefined || message.trim() === "" ? {} : { message }),
          });
          const parsed = parseBrCode(payload);
          if (!parsed.valid) throw new Error(`refused: ${JSON.stringify(parsed.problem)}`);
          const { brCode } = parsed;
          expect(brCode.kind).toBe("static");
          expect(brCode.singleUse).toBeNull();
          expect(brCode.key).toBe(key);
          expect(brCode.amount).toEqual(amount === undefined ? null : { amount, currency: "BRL" });
          expect(brCode.txid).toBe(txid ?? null);
          expect(brCode.merchantName).toBe(brCodeText(name, 25));
          expect(brCode.merchantCity).toBe(brCodeText(city, 15));
          expect(payload.endsWith(brCode.crc)).toBe(true);
        },
      ),
    );
  });

  it("writes centavos as reais with two decimals: 1 → 0.01, 150 → 1.50, 123456 → 1234.56", () => {
    for (const [centavos, text] of [
      [1, "0.01"],
      [150, "1.50"],
      [123456, "1234.56"],
    ] as const) {
      const payload = staticPixBrCode({
        key: "fulano@example.com",
        merchantName: "Fulano",
        merchantCity: "RECIFE",
        amount: { amount: centavos, currency: "BRL" },
      });
      expect(payload).toContain(`54${String(text.length).padStart(2, "0")}${text}`);
    }
  });

  it("refuses a txid a static code cannot carry and an amount that is not positive centavos", () => {
    const base = { key: "fulano@example.com", merchantName: "Fulano", merchantCity: "RECIFE" };
    expect(() => staticPixBrCode({ ...base, txid: "has-dash" })).toThrow(RangeError);
    expect(() => staticPixBrCode({ ...base, txid: "A".repeat(26) })).toThrow(RangeError);
    expect(() => staticPixBrCode({ ...base, amount: { amount: 0, currency: "BRL" } })).toThrow(RangeError);
    expect(() => staticPixBrCode({ ...base, amount: { amount: 1.5, currency: "BRL" } })).toThrow(RangeError);
  });
});
