import { boletoCodes } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { boletoBarcodeBars } from "./boleto-barcode";
import { type BoletoDocument, boletoPdf } from "./boleto-pdf";
import { formatDigitableLine } from "./digitable-line";
import { pdfPageContent as pageContent } from "./test-pdf-content";

const codes = boletoCodes({
  bankCode: "999",
  amount: 12_345,
  dueDate: "2026-03-13",
  freeField: "4815162342000000000000108",
});

const boleto = (overrides: Partial<BoletoDocument> = {}): BoletoDocument => ({
  beneficiary: "Estúdio Aurora",
  payer: { name: "Ana Souza", document: { kind: "cpf", value: "52998224725" } },
  amount: { amount: 12_345, currency: "BRL" },
  dueDate: "2026-03-13",
  digitableLine: codes.digitableLine,
  barcode: codes.barcode,
  description: "Day pass",
  sandbox: false,
  ...overrides,
});

const mm = 72 / 25.4;

describe("boletoPdf", () => {
  it("is one A4 page that prints the digitable line, beneficiary, payer, amount and due date", async () => {
    const { pdf, page, texts } = await pageContent(await boletoPdf(boleto()));
    expect(pdf.getPageCount()).toBe(1);
    expect(page.getSize()).toEqual({ width: 595.28, height: 841.89 });
    const line = formatDigitableLine(codes.digitableLine);
    // Once in the header, once large for typing.
    expect(texts.filter((text) => text === line)).toHaveLength(2);
    const shown = texts.map((text) => text.replace(/\u00a0/g, " "));
    expect(shown).toEqual(
      expect.arrayContaining([
        "Estúdio Aurora",
        "Ana Souza — CPF 529.982.247-25",
        "R$ 123,45",
        "13/03/2026",
        "Day pass",
        "Banco 999",
        "Linha digitável",
      ]),
    );
    expect(pdf.getTitle()).toBe(`Boleto ${line}`);
  });

  it("prints the line of the boleto it is given, not another", async () => {
    const other = boletoCodes({
      bankCode: "999",
      amount: 500,
      dueDate: "2026-04-01",
      freeField: "0".repeat(25),
    });
    const { texts } = await pageContent(
      await boletoPdf(boleto({ digitableLine: other.digitableLine, barcode: other.barcode })),
    );
    expect(texts).toContain(formatDigitableLine(other.digitableLine));
    expect(texts).not.toContain(formatDigitableLine(codes.digitableLine));
  });

  it("draws the barcode's own bars at FEBRABAN's size: 13 mm tall, a 0.254 mm module, 103 mm long", async () => {
    const { rectangles } = await pageContent(await boletoPdf(boleto()));
    const expected = boletoBarcodeBars(codes.barcode);
    expect(rectangles).toHaveLength(expected.bars.length);
    const module = 0.254 * mm;
    const left = rectangles[0]!.x;
    expect(
      rectangles.map((bar) => ({
        x: Math.round((bar.x - left) / module),
        width: Math.round(bar.width / module),
      })),
    ).toEqual(expected.bars);
    for (const bar of rectangles) expect(bar.height).toBeCloseTo(13 * mm, 2);
    const last = rectangles.at(-1)!;
    expect((last.x + last.width - left) / mm).toBeCloseTo(102.87, 1);
    // A quiet zone of at least ten modules on the page's left.
    expect(left).toBeGreaterThanOrEqual(10 * module);
  });

  it("says it is a sandbox boleto when asked, and only then", async () => {
    const marked = (await pageContent(await boletoPdf(boleto({ sandbox: true })))).texts;
    expect(marked.some((text) => text.startsWith("SANDBOX — not a real boleto"))).toBe(true);
    const plain = (await pageContent(await boletoPdf(boleto()))).texts;
    expect(plain.some((text) => text.includes("SANDBOX"))).toBe(false);
    // Only a real boleto tells the payer to take it to a bank.
    expect(plain.some((text) => text.startsWith("Pague em qualquer banco"))).toBe(true);
    expect(marked.some((text) => text.startsWith("Pague em qualquer banco"))).toBe(false);
  });

  it("prints a name its font cannot write without failing: accents dropped, other scripts as ?", async () => {
    const { texts } = await pageContent(
      await boletoPdf(
        boleto({ payer: { name: "Анна Zoë Nguyễn", document: { kind: "cnpj", value: "11222333000181" } } }),
      ),
    );
    expect(texts).toContain("???? Zoë Nguyen — CNPJ 11.222.333/0001-81");
  });

  it("fits a long name in its box, cut with an ellipsis", async () => {
    const { texts } = await pageContent(await boletoPdf(boleto({ beneficiary: "Estúdio ".repeat(40) })));
    const printed = texts.find((text) => text.startsWith("Estúdio Estúdio"));
    expect(printed?.endsWith("…")).toBe(true);
    expect(printed!.length).toBeLessThan(40 * 8);
  });

  it("refuses a line and a barcode of two boletos, money not in reais, a day not YYYY-MM-DD", async () => {
    const other = boletoCodes({
      bankCode: "999",
      amount: 500,
      dueDate: "2026-04-01",
      freeField: "0".repeat(25),
    });
    await expect(boletoPdf(boleto({ barcode: other.barcode }))).rejects.toThrow(/not the same boleto/);
    await expect(boletoPdf(boleto({ amount: { amount: 12_345, currency: "USD" } }))).rejects.toThrow(/reais/);
    await expect(boletoPdf(boleto({ dueDate: "13/03/2026" }))).rejects.toThrow(/YYYY-MM-DD/);
    await expect(boletoPdf(boleto({ barcode: codes.digitableLine }))).rejects.toThrow(/44 digits/);
  });
});
