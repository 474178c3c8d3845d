import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BrCodeField, brCodeText, dynamicPixBrCode, encodeTlv, withCrc } from "./brcode";
import { type PixBrCode, parseBrCode } from "./brcode-parser";

/** The 56 published BR Codes of `reference/gateways/pix/brcode-examples.md`, one a line. */
const examples = readFileSync(new URL("./fixtures/brcode-examples.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line !== "");

/** A published example, found by the CRC the reference notes name it by. */
function example(crc: string): string {
  const found = examples.filter((payload) => payload.endsWith(crc));
  if (found.length !== 1) throw new Error(`expected one example with CRC ${crc}, found ${found.length}`);
  return found[0] as string;
}

function parsed(payload: string): PixBrCode {
  const result = parseBrCode(payload);
  if (!result.valid) throw new Error(`${payload} refused: ${result.message}`);
  return result.brCode;
}

/** The Manual's static example (§2.6.3, CRC 1D3D) as fields, for codes that differ from it in one rule. */
const manualStatic = (changes: { [id: string]: string | BrCodeField[] | null } = {}): string => {
  const fields: BrCodeField[] = [
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
  ];
  const changed = fields
    .map((field) => (field.id in changes ? { id: field.id, value: changes[field.id] ?? null } : field))
    .filter((field): field is BrCodeField => field.value !== null);
  for (const [id, value] of Object.entries(changes)) {
    if (value !== null && !fields.some((field) => field.id === id)) changed.push({ id, value });
  }
  return withCrc(encodeTlv(changed.sort((a, b) => a.id.localeCompare(b.id))));
};

/** Centavos as field 54 writes them, by integer arithmetic. */
const decimal = (centavos: number) =>
  `${Math.floor(centavos / 100)}.${String(centavos % 100).padStart(2, "0")}`;

function refusal(payload: string) {
  const result = parseBrCode(payload);
  if (result.valid) throw new Error(`${payload} was accepted`);
  return { problem: result.problem, field: result.field };
}

describe("parseBrCode on the published examples", () => {
  it("accepts all 56 and reads back the CRC each one carries", () => {
    expect(examples).toHaveLength(56);
    for (const payload of examples) expect(parsed(payload).crc, payload).toBe(payload.slice(-4));
  });

  it("reads the Manual's static example (§2.6.3): key, name, city, no amount, *** as no txid", () => {
    expect(parsed(example("1D3D"))).toMatchObject({
      kind: "static",
      singleUse: null,
      key: "123e4567-e12b-12d1-a456-426655440000",
      location: null,
      merchantCategoryCode: "0000",
      amount: null,
      merchantName: "Fulano de Tal",
      merchantCity: "BRASILIA",
      postalCode: null,
      txid: null,
    });
  });

  it("reads the Manual's dynamic example (§2.7.2): a one-time code with a location and no key", () => {
    expect(parsed(example("64E4"))).toMatchObject({
      kind: "dynamic",
      singleUse: true,
      key: null,
      location: "pix.example.com/8b3da2f39a4140d1a91abd93113bd441",
      recurrenceLocation: null,
    });
  });

  it("ignores a dynamic code's own amount and txid, as §2.7 says (C7F9 carries 1.00 and ABC123)", () => {
    const code = parsed(example("C7F9"));
    expect(code.fields.find((field) => field.id === "54")?.value).toBe("1.00");
    expect(code).toMatchObject({ kind: "dynamic", amount: null, txid: null });
  });

  it("reads a composite code's amount and its Pix Automático location (§2.8.5.2)", () => {
    expect(parsed(example("2875"))).toMatchObject({
      kind: "static",
      amount: { amount: 10_050, currency: "BRL" },
      recurrenceLocation: "pix.example.com/rec/2353c790eefb11eaadc10242ac120002",
    });
  });

  it("accepts a recurrence-only code whose field 26 holds just the GUI (§2.8.5.1)", () => {
    expect(parsed(example("F2DA"))).toMatchObject({
      kind: "recurrence",
      key: null,
      location: null,
      recurrenceLocation: "pix.example.com/rec/2353c790eefb11eaadc10242ac120002",
    });
  });

  it("reads the GUI without regard to case (§2.5, note 10)", () => {
    expect(parsed(example("642D"))).toMatchObject({ kind: "static", txid: "1111111111111111111111" });
  });

  it("reads the looser EMV amounts published codes carry: 100, 10, 10. and 0.9", () => {
    expect(parsed(example("040C")).amount?.amount).toBe(10_000);
    expect(parsed(example("970D")).amount?.amount).toBe(1_000);
    expect(parsed(example("9878")).amount?.amount).toBe(1_000);
    expect(parsed(example("4D69")).amount?.amount).toBe(90);
  });

  it("reads the postal code (61), the fss (26-03) and the payer message (26-02)", () => {
    expect(parsed(example("1747")).postalCode).toBe("85000100");
    expect(parsed(example("18B7"))).toMatchObject({
      withdrawalFacilitator: "99999008",
      additionalInfo: "Jornada pagador 43107",
      txid: "99ed983ea570413d8d336301d",
    });
  });
});

describe("parseBrCode refuses", () => {
  it("the Manual do BR Code's multi-arrangement sample, whose txid has a '-' (§2.6.2)", () => {
    // brazilian-utils' BRCODE_MANUAL (reference notes: AD38).
    const payload =
      "00020104141234567890123426580014BR.GOV.BCB.PIX0136123e4567-e12b-12d1-a456-42665544000027300012BR.COM.OUTRO011001234567895204000053039865406123.455802BR5917NOME DO RECEBEDOR6008BRASILIA61087007490062190515RP12345678-201980390012BR.COM.OUTRO01190123.ABCD.3456.WXYZ6304AD38";
    expect(refusal(payload)).toEqual({ problem: "invalid_field", field: "62.05" });
  });

  it("a community example whose city has 19 characters, over EMV's 15", () => {
    // brazilian-utils' COMMUNITY_STATIC (reference notes: D475).
    const payload =
      "00020126580014br.gov.bcb.pix0136bee05743-4291-4f3c-9259-595df1307ba1520400005303986540510.005802BR5914Alexandre Lima6019Presidente Prudente62180514Um-Id-Qualquer6304D475";
    expect(refusal(payload)).toEqual({ problem: "invalid_field", field: "60" });
  });

  it("a code whose CRC is wrong", () => {
    expect(refusal(example("1D3D").replace(/1D3D$/, "1D3E"))).toEqual({
      problem: "crc_mismatch",
      field: "63",
    });
    expect(refusal(example("1D3D").slice(0, -8))).toEqual({ problem: "missing_field", field: "63" });
  });

  it("a code with any one character changed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...examples),
        fc.nat(),
        fc.constantFrom(..."0123456789ABCDEFabcdef .*/-"),
        (payload, at, replacement) => {
          const index = at % (payload.length - 4);
          fc.pre(payload[index] !== replacement);
          expect(
            parseBrCode(`${payload.slice(0, index)}${replacement}${payload.slice(index + 1)}`).valid,
          ).toBe(false);
        },
      ),
    );
  });

  it("a template whose declared length lies, even under a CRC computed over it (like the gist's 170E)", () => {
    const lying = withCrc(example("1D3D").slice(0, -8).replace("62070503***", "62080503***"));
    expect(refusal(lying).problem).toBe("malformed");
  });

  it("each code that breaks one of the Manual's rules", () => {
    const gui = { id: "00", value: "br.gov.bcb.pix" };
    expect(refusal(manualStatic({ "62": [{ id: "50", value: "x" }] }))).toEqual({
      problem: "missing_field",
      field: "62.05",
    });
    expect(refusal(manualStatic({ "62": null }))).toEqual({ problem: "missing_field", field: "62" });
    expect(refusal(manualStatic({ "62": [{ id: "05", value: "my_transaction_id" }] }))).toEqual({
      problem: "invalid_field",
      field: "62.05",
    });
    expect(refusal(manualStatic({ "59": "A".repeat(26) }))).toEqual({
      problem: "invalid_field",
      field: "59",
    });
    expect(refusal(manualStatic({ "53": "840" }))).toEqual({ problem: "invalid_field", field: "53" });
    expect(refusal(manualStatic({ "58": null }))).toEqual({ problem: "missing_field", field: "58" });
    expect(refusal(manualStatic({ "01": "13" }))).toEqual({ problem: "invalid_field", field: "01" });
    expect(refusal(manualStatic({ "54": "1.234" }))).toEqual({ problem: "invalid_field", field: "54" });
    expect(refusal(manualStatic({ "54": "99999999999.99" }))).toEqual({
      problem: "invalid_field",
      field: "54",
    });
    expect(
      refusal(manualStatic({ "26": [gui, { id: "25", value: "https://pix.example.com/qr/v2/1" }] })),
    ).toEqual({ problem: "invalid_field", field: "26.25" });
    expect(
      refusal(
        manualStatic({
          "26": [gui, { id: "01", value: "a@b.com" }, { id: "25", value: "pix.example.com/x" }],
        }),
      ),
    ).toEqual({ problem: "invalid_field", field: "26" });
    expect(refusal(manualStatic({ "26": [gui] }))).toEqual({ problem: "missing_field", field: "26.01" });
    expect(
      refusal(
        manualStatic({
          "26": [
            { id: "00", value: "br.com.sejavero" },
            { id: "01", value: "k" },
          ],
        }),
      ),
    ).toEqual({ problem: "not_pix", field: null });
  });
});

describe("parseBrCode reads back what is built", () => {
  const text = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{1,${max}}$`));
  const fieldsOf = fc.record({
    singleUse: fc.constantFrom(null, true, false),
    target: fc.oneof(
      fc.record({ key: fc.stringMatching(/^[a-z0-9@.+-]{1,36}$/) }),
      fc.record({ location: fc.stringMatching(/^[a-z0-9-]{1,20}\.[a-z]{2,6}\/[a-z0-9/]{1,40}$/) }),
    ),
    merchantCategoryCode: fc.stringMatching(/^\d{4}$/),
    amount: fc.option(fc.integer({ min: 1, max: 999_999_999_999 })),
    merchantName: text(25),
    merchantCity: text(15),
    postalCode: fc.option(fc.stringMatching(/^\d{8}$/)),
    txid: fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,25}$/)),
  });

  it("gives back every field of a code written from them, and nothing a dynamic code must not carry", () => {
    fc.assert(
      fc.property(fieldsOf, (input) => {
        const account: BrCodeField[] = [
          { id: "00", value: "br.gov.bcb.pix" },
          "key" in input.target
            ? { id: "01", value: input.target.key }
            : { id: "25", value: input.target.location },
        ];
        const fields: (BrCodeField | null)[] = [
          { id: "00", value: "01" },
          input.singleUse === null ? null : { id: "01", value: input.singleUse ? "12" : "11" },
          { id: "26", value: account },
          { id: "52", value: input.merchantCategoryCode },
          { id: "53", value: "986" },
          input.amount === null ? null : { id: "54", value: decimal(input.amount) },
          { id: "58", value: "BR" },
          { id: "59", value: input.merchantName },
          { id: "60", value: input.merchantCity },
          input.postalCode === null ? null : { id: "61", value: input.postalCode },
          { id: "62", value: [{ id: "05", value: input.txid ?? "***" }] },
        ];
        const payload = withCrc(encodeTlv(fields.filter((field): field is BrCodeField => field !== null)));
        const dynamic = "location" in input.target;
        expect(parsed(payload)).toMatchObject({
          kind: dynamic ? "dynamic" : "static",
          singleUse: input.singleUse,
          key: "key" in input.target ? input.target.key : null,
          location: "location" in input.target ? input.target.location : null,
          merchantCategoryCode: input.merchantCategoryCode,
          amount: dynamic || input.amount === null ? null : { amount: input.amount, currency: "BRL" },
          merchantName: input.merchantName,
          merchantCity: input.merchantCity,
          postalCode: input.postalCode,
          txid: dynamic ? null : input.txid,
          crc: payload.slice(-4),
        });
      }),
    );
  });

  it("reads dynamicPixBrCode's output as a one-time dynamic code at its location", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9.-]{1,38}\/qr\/v2\/[A-Za-z0-9_]{1,32}$/),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 30 }),
        (location, merchantName, merchantCity) => {
          const code = parsed(dynamicPixBrCode({ location, merchantName, merchantCity }));
          expect(code).toMatchObject({
            kind: "dynamic",
            singleUse: true,
            location,
            merchantName: brCodeText(merchantName, 25) || "SANDBOX",
            merchantCity: brCodeText(merchantCity, 15) || "SAO PAULO",
            amount: null,
            txid: null,
          });
        },
      ),
    );
  });
});
