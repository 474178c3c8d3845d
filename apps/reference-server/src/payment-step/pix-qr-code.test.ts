import { dynamicPixBrCode } from "@tessera/core";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { pixQrCodeSvg } from "./pix-qr-code";

const payload = (path: string) =>
  dynamicPixBrCode({
    location: `pix.sandbox.tessera.invalid/qr/v2/${path}`,
    merchantName: "Estudio Aurora",
    merchantCity: "Sao Paulo",
  });

/**
 * The dark modules the SVG draws, read back from its path: qrcode writes each row's runs as
 * `M col row+½` (absolute, margin included), `m dx 0` (skip light modules) and `h n` (n dark).
 */
function drawnModules(svg: string): { size: number; margin: number; dark: boolean[][] } {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const d = /<path[^>]*\bstroke="#000000"[^>]*\bd="([^"]+)"/.exec(svg);
  if (!viewBox || !d) throw new Error("no viewBox or no dark path");
  const total = Number(viewBox[1]);
  const dark = Array.from({ length: total }, () => Array<boolean>(total).fill(false));
  let x = 0;
  let y = 0;
  for (const [, command, args] of d[1]!.matchAll(/([Mmh])([^Mmh]*)/g)) {
    const [a = 0, b = 0] = args!.trim().split(/\s+/).map(Number);
    if (command === "M") [x, y] = [a, b];
    else if (command === "m") [x, y] = [x + a, y + b];
    else {
      for (let i = 0; i < a; i += 1) dark[y - 0.5]![x + i] = true;
      x += a;
    }
  }
  // The quiet zone is the light border: count the empty rows above the first dark module.
  const margin = dark.findIndex((row) => row.some(Boolean));
  return {
    size: total - 2 * margin,
    margin,
    dark: dark.slice(margin, total - margin).map((row) => row.slice(margin, total - margin)),
  };
}

/**
 * The error correction level written in a symbol's format information (ISO/IEC 18004
 * §7.9): its two top bits, unmasked with 10 (of the mask 101010000010010), L = 01, M = 00,
 * Q = 11, H = 10 — read from both copies, which must agree.
 */
function errorCorrectionLevelOf(dark: boolean[][]): "L" | "M" | "Q" | "H" {
  const size = dark.length;
  const bit = (row: number, col: number) => (dark[row]![col] ? 1 : 0);
  const nearFinder = `${bit(8, 0) ^ 1}${bit(8, 1)}`;
  const besideFinder = `${bit(size - 1, 8) ^ 1}${bit(size - 2, 8)}`;
  if (nearFinder !== besideFinder) throw new Error("the two copies of the format information disagree");
  return ({ "01": "L", "00": "M", "11": "Q", "10": "H" } as const)[nearFinder as "01" | "00" | "11" | "10"];
}

const matrixOf = (qr: QRCode.QRCode) =>
  Array.from({ length: qr.modules.size }, (_, row) =>
    Array.from({ length: qr.modules.size }, (_, col) => qr.modules.get(row, col) === 1),
  );

describe("pixQrCodeSvg", () => {
  it("draws qrcode's own level-M matrix for the payload, module for module, inside a four-module quiet zone", async () => {
    const text = payload("cob_7f1c2a9e4b3d5c6a8e0f1a2b");
    const drawn = drawnModules(await pixQrCodeSvg(text));
    const expected = QRCode.create(text, { errorCorrectionLevel: "M" });
    expect(drawn.margin).toBe(4);
    expect(drawn.size).toBe(expected.modules.size);
    expect(drawn.dark).toEqual(matrixOf(expected));
  });

  it("writes error correction level M in the symbol's own format information", async () => {
    const text = payload("cob_0a1b2c3d4e5f6a7b8c9d0e1f");
    expect(errorCorrectionLevelOf(drawnModules(await pixQrCodeSvg(text)).dark)).toBe("M");
    // The reader itself tells the levels apart: the same text at L and H reads as L and H.
    expect(errorCorrectionLevelOf(matrixOf(QRCode.create(text, { errorCorrectionLevel: "L" })))).toBe("L");
    expect(errorCorrectionLevelOf(matrixOf(QRCode.create(text, { errorCorrectionLevel: "H" })))).toBe("H");
  });

  it("draws different payloads differently", async () => {
    const first = await pixQrCodeSvg(payload("cob_111111111111111111111111"));
    const second = await pixQrCodeSvg(payload("cob_111111111111111111111112"));
    expect(first).not.toBe(second);
    expect(drawnModules(first).dark).not.toEqual(drawnModules(second).dark);
  });

  it("is one image named for screen readers, the title escaped, and nothing of the payload in the markup", async () => {
    const text = payload("cob_9f8e7d6c5b4a39281706f5e4");
    const svg = await pixQrCodeSvg(text, { title: `Pague <script>alert("x")</script> & 'pronto'` });
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*><title>/);
    expect(svg.match(/<svg\b/g)).toHaveLength(1);
    expect(svg).toContain(
      "<title>Pague &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;pronto&apos;</title>",
    );
    expect(svg).toContain(
      'aria-label="Pague &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;pronto&apos;"',
    );
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("cob_9f8e7d6c5b4a39281706f5e4");
    expect(svg.endsWith("</svg>")).toBe(true);
  });

  it("is named in Portuguese when the page gives no title", async () => {
    expect(await pixQrCodeSvg(payload("cob_aaaaaaaaaaaaaaaaaaaaaaaa"))).toContain(
      "<title>QR Code Pix</title>",
    );
  });

  it("scales without blurring: a viewBox, no fixed size, crisp edges, a white quiet zone", async () => {
    const svg = await pixQrCodeSvg(payload("cob_bbbbbbbbbbbbbbbbbbbbbbbb"));
    const root = /^<svg[^>]*>/.exec(svg)![0];
    expect(root).toContain('shape-rendering="crispEdges"');
    expect(root).not.toMatch(/\b(width|height)=/);
    const side = Number(/viewBox="0 0 (\d+) \1"/.exec(root)![1]);
    expect(svg).toContain(`<path fill="#ffffff" d="M0 0h${side}v${side}H0z"/>`);
  });

  it("refuses a payload whose CRC16 is wrong, which no bank app would take", async () => {
    const text = payload("cob_cccccccccccccccccccccccc");
    await expect(pixQrCodeSvg(`${text.slice(0, -1)}${text.endsWith("0") ? "1" : "0"}`)).rejects.toThrow(
      TypeError,
    );
    await expect(pixQrCodeSvg(text.slice(0, 40))).rejects.toThrow(/CRC16/);
  });
});
