import { boletoCodes } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { type BarcodeBar, boletoBarcodeBars, boletoBarcodeSvg } from "./boleto-barcode";

// FEBRABAN's example boleto (Banco do Brasil, R$ 1,00 due 2007-12-31), as core builds it.
const { barcode, digitableLine } = boletoCodes({
  bankCode: "001",
  amount: 100,
  dueDate: "2007-12-31",
  freeField: "0500940144816060680935031",
});

/**
 * Interleaved 2 of 5 from its definition (ANSI/AIM BC2, ISO/IEC 16390): each digit is five
 * elements, two of them wide; a pair of digits is interleaved, the first digit's elements
 * as bars and the second's as the spaces between them; start = narrow bar, space, bar,
 * space; stop = wide bar, narrow space, narrow bar. Wide = `ratio` narrow.
 */
function interleaved2of5(digits: string, ratio: number): BarcodeBar[] {
  const patterns = ["nnwwn", "wnnnw", "nwnnw", "wwnnn", "nnwnw", "wnwnn", "nwwnn", "nnnww", "wnnwn", "nwnwn"];
  const elements: string[] = ["n", "n", "n", "n"];
  for (let i = 0; i < digits.length; i += 2) {
    const bars = patterns[Number(digits[i])]!;
    const spaces = patterns[Number(digits[i + 1])]!;
    for (let k = 0; k < 5; k += 1) elements.push(bars[k]!, spaces[k]!);
  }
  elements.push("w", "n", "n");
  const out: BarcodeBar[] = [];
  let x = 0;
  elements.forEach((element, index) => {
    const width = element === "w" ? ratio : 1;
    if (index % 2 === 0) out.push({ x, width });
    x += width;
  });
  return out;
}

/** The bars an SVG from bwip-js draws: stroked vertical lines, `stroke-width` wide, centred on x. */
function svgBars(svg: string): BarcodeBar[] {
  const bars: BarcodeBar[] = [];
  for (const [, width, d] of svg.matchAll(/<path stroke="#000000" stroke-width="(\d+)" d="([^"]+)"/g)) {
    for (const [, x] of d!.matchAll(/M([\d.]+) [\d.]+L\1 [\d.]+/g)) {
      bars.push({ x: Number(x) - Number(width) / 2, width: Number(width) });
    }
  }
  return bars.sort((a, b) => a.x - b.x);
}

describe("boletoBarcodeBars", () => {
  it("lays out the 44 digits as FEBRABAN's Interleaved 2 of 5: start, 22 pairs, stop, wide three times narrow", () => {
    const { bars, modules } = boletoBarcodeBars(barcode);
    expect(bars).toEqual(interleaved2of5(barcode, 3));
    expect(bars).toHaveLength(2 + 22 * 5 + 2);
    // 405 modules: at FEBRABAN's 0.254 mm, the 103 mm of its layout.
    expect(modules).toBe(405);
  });

  it("encodes every digit where it belongs: another barcode, other bars", () => {
    const other = boletoCodes({
      bankCode: "999",
      amount: 12_345,
      dueDate: "2026-03-13",
      freeField: "1234567890123456789012345",
    });
    expect(boletoBarcodeBars(other.barcode).bars).toEqual(interleaved2of5(other.barcode, 3));
    expect(boletoBarcodeBars(other.barcode).bars).not.toEqual(boletoBarcodeBars(barcode).bars);
  });

  it.each([
    ["the 47-digit digitable line", digitableLine],
    ["43 digits", barcode.slice(1)],
    ["45 digits", `${barcode}0`],
    ["a punctuated barcode", `${barcode.slice(0, 10)}.${barcode.slice(10)}`],
    ["letters", barcode.replace(/\d$/, "x")],
    ["nothing", ""],
  ])("refuses %s", (_, value) => {
    expect(() => boletoBarcodeBars(value)).toThrow(TypeError);
    expect(() => boletoBarcodeSvg(value)).toThrow(/44 digits/);
  });
});

describe("boletoBarcodeSvg", () => {
  it("draws the same bars as the PDF does, after a ten-module quiet zone", () => {
    const svg = boletoBarcodeSvg(barcode);
    const bars = svgBars(svg);
    expect(bars[0]!.x).toBe(10);
    expect(bars.map((bar) => ({ x: bar.x - 10, width: bar.width }))).toEqual(boletoBarcodeBars(barcode).bars);
    // Ten light modules after the last bar too (bwip-js adds one for its trailing space).
    const width = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
    expect(width).toBe(10 + 405 + 1 + 10);
    expect(svg).toContain('fill="#FFFFFF"');
  });

  it("is one image named for screen readers, the title escaped, with no text of its own", () => {
    const svg = boletoBarcodeSvg(barcode, { title: 'Boleto <b>"Aurora"</b> & cia' });
    expect(svg).toMatch(
      /^<svg [^>]*role="img"[^>]*><title>Boleto &lt;b&gt;&quot;Aurora&quot;&lt;\/b&gt; &amp; cia<\/title>/,
    );
    expect(svg.match(/<svg\b/g)).toHaveLength(1);
    expect(svg).not.toContain("<text");
    expect(svg).not.toContain(barcode);
    expect(boletoBarcodeSvg(barcode)).toContain("<title>Código de barras do boleto</title>");
  });
});
