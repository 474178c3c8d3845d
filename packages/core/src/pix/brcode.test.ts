import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeTlv, dynamicPixBrCode, encodeTlv, hasValidCrc, withCrc } from "./brcode";
import { crc16CcittHex } from "./crc16-ccitt";

/**
 * 56 published BR Codes (BCB's manual, BACEN's API Pix spec, public libraries' positive
 * tests), copied from the project's reference notes on gateways (pix/brcode-examples.txt).
 */
const examples = readFileSync(new URL("./fixtures/brcode-examples.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line !== "");

describe("crc16Ccitt", () => {
  it("gives the check value of CRC-16/CCITT-FALSE for '123456789' (29B1)", () => {
    expect(crc16CcittHex("123456789")).toBe("29B1");
  });

  it("reproduces the CRC of every published BR Code", () => {
    expect(examples).toHaveLength(56);
    for (const payload of examples) {
      expect(crc16CcittHex(payload.slice(0, -4)), payload).toBe(payload.slice(-4));
      expect(hasValidCrc(payload)).toBe(true);
    }
  });

  it("detects any single changed character", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...examples),
        fc.nat(),
        fc.constantFrom(..."0123456789ABCDEFabcdef .*/-"),
        (payload, at, replacement) => {
          const index = at % (payload.length - 4);
          fc.pre(payload[index] !== replacement);
          const changed = `${payload.slice(0, index)}${replacement}${payload.slice(index + 1)}`;
          expect(hasValidCrc(changed)).toBe(false);
        },
      ),
    );
  });
});

describe("BR Code TLV", () => {
  it("writes the manual's static example (§2.6.3) field by field, CRC 1D3D", () => {
    const payload = withCrc(
      encodeTlv([
        { id: "00", value: "01" },
        {
          id: "26",
          value: [
            { id: "00", value: "br.gov.bcb.pix" },
            { id: "01", value: "123e4567-e12b-12d1-a456-426655440000" },
          ],
        },
        { id: "52", value: "0000" },
        { id: "53", value: "986" },
        { id: "58", value: "BR" },
        { id: "59", value: "Fulano de Tal" },
        { id: "60", value: "BRASILIA" },
        { id: "62", value: [{ id: "05", value: "***" }] },
      ]),
    );
    expect(payload).toBe(examples[0]);
    expect(payload.slice(-4)).toBe("1D3D");
  });

  it("reads every published BR Code and writes it back unchanged", () => {
    for (const payload of examples) {
      const fields = decodeTlv(payload);
      expect(fields.at(-1)?.id, payload).toBe("63");
      expect(encodeTlv(fields)).toBe(payload);
    }
  });

  it("refuses a field over 99 characters", () => {
    expect(() => encodeTlv([{ id: "26", value: "x".repeat(100) }])).toThrow(RangeError);
  });
});

describe("dynamicPixBrCode", () => {
  const payload = dynamicPixBrCode({
    location: "pix.sandbox.tessera.invalid/qr/v2/cob_0123456789abcdef01234567",
    merchantName: "Estúdio Aurora de Pilates e Yoga Ltda",
    merchantCity: "São José dos Campos",
  });
  const fields = Object.fromEntries(decodeTlv(payload).map((field) => [field.id, field.value]));

  it("is a one-time dynamic code whose Pix template holds the location and no key", () => {
    expect(fields["00"]).toBe("01");
    expect(fields["01"]).toBe("12");
    const template = Object.fromEntries(
      decodeTlv(fields["26"] ?? "").map((field) => [field.id, field.value]),
    );
    expect(template).toEqual({
      "00": "br.gov.bcb.pix",
      "25": "pix.sandbox.tessera.invalid/qr/v2/cob_0123456789abcdef01234567",
    });
  });

  it("leaves out the amount and puts *** in the txid, as dynamic codes must (Manual §2.7)", () => {
    expect(fields["54"]).toBeUndefined();
    expect(fields["62"]).toBe("0503***");
  });

  it("keeps name and city ASCII and within 25 and 15 characters", () => {
    expect(fields["59"]).toBe("Estudio Aurora de Pilates");
    expect(fields["60"]).toBe("Sao Jose dos Ca");
    expect(fields["53"]).toBe("986");
    expect(fields["58"]).toBe("BR");
  });

  it("ends in a valid CRC", () => {
    expect(hasValidCrc(payload)).toBe(true);
  });

  it("refuses a location with a scheme (Manual §2.5.2)", () => {
    expect(() =>
      dynamicPixBrCode({ location: "https://pix.example.com/x", merchantName: "A", merchantCity: "B" }),
    ).toThrow(/scheme/);
  });
});
